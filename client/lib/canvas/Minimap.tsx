/**
 * A small copy of the whole drawing with a frame round the part in view; a
 * click or tap there centres the view on that point. The copy is an SVG `use`
 * of the drawing itself, so it is always current and costs no second render of
 * our own. Hidden from assistive technology: the same moves are keys and buttons.
 */
import type { PointerEvent } from 'react';
import { centreOn, type Size, type View, visibleRect } from './viewport';

const WIDTH = 180;
const MAX_HEIGHT = 140;

export interface MinimapProps {
  readonly drawingId: string;
  readonly content: Size;
  readonly view: View;
  readonly viewport: Size;
  onMove(next: View): void;
}

export function Minimap({ drawingId, content, view, viewport, onMove }: MinimapProps) {
  if (content.width <= 0 || content.height <= 0) return null;
  const height = Math.min(MAX_HEIGHT, (WIDTH * content.height) / content.width);
  const width = Math.min(WIDTH, (height * content.width) / content.height);
  const frame = visibleRect(view, viewport);
  const jump = (event: PointerEvent<SVGSVGElement>) => {
    event.stopPropagation();
    const box = event.currentTarget.getBoundingClientRect();
    const cx = ((event.clientX - box.left) / box.width) * content.width;
    const cy = ((event.clientY - box.top) / box.height) * content.height;
    onMove(centreOn(view, cx, cy, viewport));
  };
  return (
    <svg
      className="canvas__minimap"
      width={width}
      height={height}
      viewBox={`0 0 ${content.width} ${content.height}`}
      aria-hidden="true"
      onPointerDown={jump}
      data-testid="canvas-minimap"
    >
      <rect width={content.width} height={content.height} className="canvas__minimap-back" />
      <use href={`#${drawingId}`} width={content.width} height={content.height} />
      <rect
        className="canvas__minimap-frame"
        x={frame.x}
        y={frame.y}
        width={frame.width}
        height={frame.height}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
