/**
 * The arithmetic of a pan-and-zoom view onto a drawing: where the drawing sits
 * (`x`, `y`, in screen pixels from the view's top left) and how large (`scale`).
 * Pure functions, so every gesture (wheel, pinch, keys, buttons, minimap) moves
 * the view the same way and the rules are tested without a browser.
 */

export interface View {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Rect extends Size {
  readonly x: number;
  readonly y: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 4;
/** Zoom in or out by this factor per step (a key, a button, a wheel notch). */
export const ZOOM_STEP = 1.25;
/** Pixels moved per arrow key press while panning. */
export const PAN_STEP = 80;
/** Space kept around the drawing when it is fitted to the view. */
const FIT_MARGIN = 16;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/**
 * The view that shows the whole drawing, centred, no larger than `maxScale`
 * (a small diagram is not blown up to fill a wall unless asked to).
 */
export function fitView(content: Size, viewport: Size, maxScale = 1): View {
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0)
    return { x: 0, y: 0, scale: 1 };
  const scale = clampScale(
    Math.min(
      maxScale,
      (viewport.width - 2 * FIT_MARGIN) / content.width,
      (viewport.height - 2 * FIT_MARGIN) / content.height,
    ),
  );
  return {
    x: (viewport.width - content.width * scale) / 2,
    y: (viewport.height - content.height * scale) / 2,
    scale,
  };
}

/** Zooms by `factor` keeping the drawing's point under (`px`, `py`) where it is on screen. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const ratio = scale / view.scale;
  return { x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio, scale };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/**
 * The least pan that brings `target` (in drawing units) inside the view with a
 * margin, so the keyboard's focus is never off screen; the view unchanged when
 * it is already visible.
 */
export function revealRect(view: View, target: Rect, viewport: Size, margin = 24): View {
  const left = view.x + target.x * view.scale;
  const top = view.y + target.y * view.scale;
  const right = left + target.width * view.scale;
  const bottom = top + target.height * view.scale;
  let dx = 0;
  let dy = 0;
  if (right - left > viewport.width - 2 * margin) dx = margin - left;
  else if (left < margin) dx = margin - left;
  else if (right > viewport.width - margin) dx = viewport.width - margin - right;
  if (bottom - top > viewport.height - 2 * margin) dy = margin - top;
  else if (top < margin) dy = margin - top;
  else if (bottom > viewport.height - margin) dy = viewport.height - margin - bottom;
  return dx === 0 && dy === 0 ? view : panBy(view, dx, dy);
}

/** The part of the drawing the view shows, in drawing units (for the minimap's frame). */
export function visibleRect(view: View, viewport: Size): Rect {
  return {
    x: -view.x / view.scale,
    y: -view.y / view.scale,
    width: viewport.width / view.scale,
    height: viewport.height / view.scale,
  };
}

/** The view centred on the drawing's point (`cx`, `cy`) at the same scale. */
export function centreOn(view: View, cx: number, cy: number, viewport: Size): View {
  return {
    ...view,
    x: viewport.width / 2 - cx * view.scale,
    y: viewport.height / 2 - cy * view.scale,
  };
}

/**
 * `rects` as one SVG path, a closed subpath per rectangle: the minimap draws hundreds of
 * boxes as one element, so a drawing whose boxes moved changes one attribute instead of
 * replacing hundreds of elements (a label renamed onto another line moves every box below it).
 */
export function rectsPath(rects: readonly Rect[]): string {
  return rects.map((r) => `M${r.x} ${r.y}h${r.width}v${r.height}h${-r.width}z`).join('');
}
