/**
 * Dragging a node of the driver diagram with a mouse or pen onto the node it
 * should drive moves it there (`onDrop`; the keyboard's Space does the same).
 * The dragged box follows the pointer and the node under it is marked; nothing
 * is written until the drop. A finger on a node still pans the canvas, as on a
 * map: on a touch screen the move is Space or the keys' equivalent.
 *
 * The listeners are the DOM's own, on the drawing: they run before the canvas
 * frame's (on an ancestor), so a press that starts on a node never pans.
 */
import { type RefObject, useEffect, useRef } from 'react';

/** Pixels the pointer moves before a press on a node becomes a drag, not a click. */
const DRAG_THRESHOLD = 6;
const NODE = '[data-target^="node:"]';
const DROP_CLASS = 'driver-cell--drop';
const DRAGGED_CLASS = 'driver-cell--dragged';

interface Drag {
  readonly pointerId: number;
  readonly nodeId: string;
  readonly cell: SVGGElement;
  readonly startX: number;
  readonly startY: number;
  moved: boolean;
  over: Element | null;
}

const nodeIdOf = (element: Element | null | undefined): string | null =>
  element?.getAttribute('data-target')?.slice('node:'.length) ?? null;

/** The node drawn under the pointer, other than the one being dragged. */
function nodeUnder(drag: Drag, x: number, y: number): Element | null {
  for (const element of document.elementsFromPoint(x, y)) {
    const cell = element.closest(NODE);
    if (cell && cell !== drag.cell) return cell;
  }
  return null;
}

export function useNodeDrag(
  svgRef: RefObject<SVGSVGElement | null>,
  onDrop: (nodeId: string, targetId: string) => void,
): void {
  const dropRef = useRef(onDrop);
  dropRef.current = onDrop;
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let drag: Drag | null = null;
    // Set when a drag ends, so the click that follows it is not taken as choosing a node.
    let justDragged = false;
    const mark = (over: Element | null) => {
      if (!drag || drag.over === over) return;
      drag.over?.classList.remove(DROP_CLASS);
      over?.classList.add(DROP_CLASS);
      drag.over = over;
    };
    const end = () => {
      if (!drag) return;
      mark(null);
      drag.cell.classList.remove(DRAGGED_CLASS);
      drag.cell.style.transform = '';
      drag = null;
    };
    const down = (event: PointerEvent) => {
      justDragged = false;
      if (event.pointerType === 'touch' || event.button !== 0) return;
      const cell = event.target instanceof Element ? event.target.closest(NODE) : null;
      const nodeId = nodeIdOf(cell);
      if (!(cell instanceof SVGGElement) || nodeId === null) return;
      // The canvas frame would pan from here: a press on a node is the node's.
      event.stopPropagation();
      drag = {
        pointerId: event.pointerId,
        nodeId,
        cell,
        startX: event.clientX,
        startY: event.clientY,
        moved: false,
        over: null,
      };
    };
    const move = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointerId) return;
      const dx = event.clientX - drag.startX;
      const dy = event.clientY - drag.startY;
      if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!drag.moved) {
        drag.moved = true;
        svg.setPointerCapture(event.pointerId);
        drag.cell.classList.add(DRAGGED_CLASS);
      }
      // Screen pixels to the drawing's units: the frame may be zoomed.
      const scale = svg.getBoundingClientRect().width / (svg.width.baseVal.value || 1);
      drag.cell.style.transform = `translate(${dx / scale}px, ${dy / scale}px)`;
      mark(nodeUnder(drag, event.clientX, event.clientY));
    };
    const up = (event: PointerEvent) => {
      if (!drag || event.pointerId !== drag.pointerId) return;
      const { moved, nodeId } = drag;
      const target = nodeIdOf(drag.over);
      justDragged = moved;
      end();
      if (moved && target !== null) dropRef.current(nodeId, target);
    };
    const click = (event: MouseEvent) => {
      if (justDragged) event.stopPropagation();
      justDragged = false;
    };
    svg.addEventListener('pointerdown', down);
    svg.addEventListener('pointermove', move);
    svg.addEventListener('pointerup', up);
    svg.addEventListener('pointercancel', end);
    svg.addEventListener('click', click, true);
    return () => {
      svg.removeEventListener('pointerdown', down);
      svg.removeEventListener('pointermove', move);
      svg.removeEventListener('pointerup', up);
      svg.removeEventListener('pointercancel', end);
      svg.removeEventListener('click', click, true);
    };
  }, [svgRef]);
}
