/**
 * The live view of a canvas: the transform, and the gestures that change it.
 * One pointer drags the drawing, two pinch it (touch), the wheel pans and
 * Ctrl+wheel (or a trackpad pinch, which browsers report as one) zooms at the
 * pointer. A drag that moved swallows the click that ends it, so panning from a
 * node does not select it. Moves are drawn once per frame.
 */
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import { fitView, panBy, type Rect, revealRect, type Size, type View, zoomAt } from './viewport';

const DRAG_THRESHOLD = 4;

export interface Viewport {
  readonly view: View;
  readonly size: Size;
  readonly ref: RefObject<HTMLDivElement | null>;
  setView(next: View | ((view: View) => View)): void;
  fit(maxScale?: number): View;
  zoom(factor: number): void;
  reveal(target: Rect): void;
}

function measure(element: HTMLElement | null): Size {
  return element
    ? { width: element.clientWidth, height: element.clientHeight }
    : { width: 0, height: 0 };
}

interface Gesture {
  readonly pointers: Map<number, { x: number; y: number }>;
  moved: boolean;
  lastDistance: number | null;
}

function distance(points: Iterable<{ x: number; y: number }>): number | null {
  const [a, b] = [...points];
  return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : null;
}

function usePointerGestures(
  ref: RefObject<HTMLDivElement | null>,
  setView: Viewport['setView'],
): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const gesture: Gesture = { pointers: new Map(), moved: false, lastDistance: null };
    const local = (event: PointerEvent | WheelEvent) => {
      const box = element.getBoundingClientRect();
      return { x: event.clientX - box.left, y: event.clientY - box.top };
    };
    const down = (event: PointerEvent) => {
      if (event.button !== 0) return;
      gesture.pointers.set(event.pointerId, local(event));
      if (gesture.pointers.size === 1) gesture.moved = false;
      gesture.lastDistance = distance(gesture.pointers.values());
    };
    const move = (event: PointerEvent) => {
      const before = gesture.pointers.get(event.pointerId);
      if (!before) return;
      const now = local(event);
      const dx = now.x - before.x;
      const dy = now.y - before.y;
      if (!gesture.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!gesture.moved) element.setPointerCapture(event.pointerId);
      gesture.moved = true;
      gesture.pointers.set(event.pointerId, now);
      const spread = distance(gesture.pointers.values());
      if (spread !== null && gesture.lastDistance) {
        const factor = spread / gesture.lastDistance;
        const [a, b] = [...gesture.pointers.values()];
        if (a && b) setView((view) => zoomAt(view, factor, (a.x + b.x) / 2, (a.y + b.y) / 2));
      } else if (gesture.pointers.size === 1) setView((view) => panBy(view, dx, dy));
      gesture.lastDistance = spread;
    };
    const up = (event: PointerEvent) => {
      gesture.pointers.delete(event.pointerId);
      gesture.lastDistance = distance(gesture.pointers.values());
    };
    const click = (event: MouseEvent) => {
      if (!gesture.moved) return;
      gesture.moved = false;
      event.stopPropagation();
      event.preventDefault();
    };
    const wheel = (event: WheelEvent) => {
      event.preventDefault();
      if (event.ctrlKey || event.metaKey) {
        const at = local(event);
        const factor = Math.exp(-event.deltaY / 300);
        setView((view) => zoomAt(view, factor, at.x, at.y));
      } else setView((view) => panBy(view, -event.deltaX, -event.deltaY));
    };
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    element.addEventListener('pointerup', up);
    element.addEventListener('pointercancel', up);
    element.addEventListener('click', click, true);
    element.addEventListener('wheel', wheel, { passive: false });
    return () => {
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
      element.removeEventListener('pointerup', up);
      element.removeEventListener('pointercancel', up);
      element.removeEventListener('click', click, true);
      element.removeEventListener('wheel', wheel);
    };
  }, [ref, setView]);
}

/** Tracks the view element's size, so fitting and the minimap know the window. */
function useElementSize(ref: RefObject<HTMLDivElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const next = measure(element);
      setSize((old) => (old.width === next.width && old.height === next.height ? old : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function useViewport(content: Size): Viewport {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setViewState] = useState<View>({ x: 0, y: 0, scale: 1 });
  const pending = useRef<View | null>(null);
  const frame = useRef<number | null>(null);
  const current = useRef(view);
  current.current = view;
  const size = useElementSize(ref);
  const setView = useCallback((next: View | ((view: View) => View)) => {
    const base = pending.current ?? current.current;
    pending.current = typeof next === 'function' ? next(base) : next;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const due = pending.current;
      pending.current = null;
      if (!due) return;
      // React draws the new state a little later; a move arriving before then must start
      // from this view, not the one last drawn, or that frame's pan or zoom is lost.
      current.current = due;
      setViewState(due);
    });
  }, []);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  usePointerGestures(ref, setView);
  return {
    view,
    size,
    ref,
    setView,
    fit: (maxScale = 1) => {
      const next = fitView(content, measure(ref.current), maxScale);
      setView(next);
      return next;
    },
    zoom: (factor) => {
      const { width, height } = measure(ref.current);
      setView((v) => zoomAt(v, factor, width / 2, height / 2));
    },
    reveal: (target) => setView((v) => revealRect(v, target, measure(ref.current))),
  };
}
