/**
 * The canvas view's arithmetic: fitting, zooming about a point, keeping the
 * keyboard's focus on screen, and the structured undo keys.
 */
import { describe, expect, it } from 'vitest';
import {
  fitView,
  MAX_SCALE,
  MIN_SCALE,
  rectsPath,
  revealRect,
  visibleRect,
  zoomAt,
} from '../../client/lib/canvas/viewport';
import { undoKey } from '../../client/lib/undo/structured-undo';

describe('canvas view', () => {
  it('fits a wide drawing to the width and centres it vertically', () => {
    const view = fitView({ width: 1000, height: 400 }, { width: 532, height: 600 });
    expect(view.scale).toBeCloseTo(0.5);
    expect(view.x).toBeCloseTo(16);
    expect(view.y).toBeCloseTo((600 - 200) / 2);
  });

  it('never blows a small drawing up beyond the largest scale asked for', () => {
    expect(fitView({ width: 100, height: 100 }, { width: 2000, height: 2000 }).scale).toBe(1);
    expect(fitView({ width: 100, height: 100 }, { width: 2000, height: 2000 }, 2.5).scale).toBe(
      2.5,
    );
  });

  it('zooms about the pointer: the point under it stays under it', () => {
    const before = { x: 40, y: -20, scale: 0.8 };
    const after = zoomAt(before, 1.5, 300, 200);
    const drawingX = (300 - before.x) / before.scale;
    const drawingY = (200 - before.y) / before.scale;
    expect(after.x + drawingX * after.scale).toBeCloseTo(300);
    expect(after.y + drawingY * after.scale).toBeCloseTo(200);
    expect(zoomAt(before, 100, 0, 0).scale).toBe(MAX_SCALE);
    expect(zoomAt(before, 0.0001, 0, 0).scale).toBe(MIN_SCALE);
  });

  it('pans just enough to bring a focused node into view, and not at all when it is visible', () => {
    const view = { x: 0, y: 0, scale: 1 };
    const size = { width: 400, height: 300 };
    expect(revealRect(view, { x: 10, y: 10, width: 100, height: 50 }, size, 0)).toBe(view);
    const moved = revealRect(view, { x: 600, y: 40, width: 100, height: 50 }, size, 24);
    expect(moved.x).toBe(400 - 24 - 700);
    expect(moved.y).toBe(0);
    const frame = visibleRect(moved, size);
    expect(frame.x + frame.width).toBeGreaterThanOrEqual(700);
  });

  it('draws a minimap’s boxes as one path, a closed rectangle for each', () => {
    expect(
      rectsPath([
        { x: 10, y: 20, width: 100, height: 40 },
        { x: 0, y: 0.5, width: 8, height: 6 },
      ]),
    ).toBe('M10 20h100v40h-100zM0 0.5h8v6h-8z');
    expect(rectsPath([])).toBe('');
  });
});

describe('undo keys', () => {
  const press = (key: string, mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>>) =>
    undoKey({
      key,
      ctrlKey: mods.ctrl ?? false,
      metaKey: mods.meta ?? false,
      shiftKey: mods.shift ?? false,
      altKey: mods.alt ?? false,
    });

  it('reads Ctrl or Command with Z as undo, with Shift (or Ctrl+Y) as redo', () => {
    expect(press('z', { ctrl: true })).toBe('undo');
    expect(press('z', { meta: true })).toBe('undo');
    expect(press('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(press('y', { ctrl: true })).toBe('redo');
    expect(press('z', {})).toBeNull();
    expect(press('z', { ctrl: true, alt: true })).toBeNull();
  });
});
