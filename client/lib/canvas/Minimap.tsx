/**
 * A small copy of the whole drawing with a frame round the part in view; a
 * click or tap there centres the view on that point. The copy is the drawing's
 * boxes when it gives them (`overview`), else an SVG `use` of the drawing itself.
 * A `use` is always current at no cost to us, but the browser clones the whole
 * drawing into it on every change, and paints all of it again under the frame on
 * every frame of a pan: for a drawing of hundreds of nodes, plain boxes, drawn
 * once per change of the drawing as one path, keep panning smooth. Hidden from
 * assistive technology: the same moves are keys and buttons.
 */
import { memo, type PointerEvent } from 'react';
import { centreOn, type Rect, rectsPath, type Size, type View, visibleRect } from './viewport';

const WIDTH = 180;
const MAX_HEIGHT = 140;

export interface MinimapProps {
  readonly drawingId: string;
  readonly content: Size;
  readonly view: View;
  readonly viewport: Size;
  /** The drawing's boxes, in its units, to show instead of a copy of all of it. */
  readonly overview?: readonly Rect[] | undefined;
  onMove(next: View): void;
}

/** The picture under the frame: the same props on every frame of a pan, so drawn once. */
const MinimapPicture = memo(function MinimapPicture({
  drawingId,
  content,
  overview,
}: Pick<MinimapProps, 'drawingId' | 'content' | 'overview'>) {
  if (!overview)
    return <use href={`#${drawingId}`} width={content.width} height={content.height} />;
  return <path className="canvas__minimap-boxes" d={rectsPath(overview)} />;
});

export function Minimap({ drawingId, content, view, viewport, overview, onMove }: MinimapProps) {
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
      <MinimapPicture drawingId={drawingId} content={content} overview={overview} />
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
