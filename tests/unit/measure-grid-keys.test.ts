/** Keyboard moves in the measure data table (see client/features/measures/grid-keys.ts). */
import { describe, expect, it } from 'vitest';
import { type GridKey, gridMove } from '../../client/features/measures/grid-keys';

const size = { rows: 3, cols: 4 };
const key = (over: Partial<GridKey>): GridKey => ({
  key: 'Enter',
  shiftKey: false,
  modified: false,
  control: 'text',
  caretAtStart: false,
  caretAtEnd: false,
  ...over,
});

describe('grid keys', () => {
  it('Enter moves down a column, Shift+Enter up, and Enter on the last row adds one', () => {
    expect(gridMove(key({}), 0, 1, size, true)).toEqual({ kind: 'focus', row: 1, col: 1 });
    expect(gridMove(key({ shiftKey: true }), 1, 1, size, true)).toEqual({
      kind: 'focus',
      row: 0,
      col: 1,
    });
    expect(gridMove(key({}), 2, 1, size, true)).toEqual({ kind: 'add-row', col: 1 });
    expect(gridMove(key({}), 2, 1, size, false)).toBeNull();
    expect(gridMove(key({ shiftKey: true }), 0, 1, size, true)).toBeNull();
  });

  it('the up and down arrows move between rows in text cells but never add one', () => {
    expect(gridMove(key({ key: 'ArrowDown' }), 0, 0, size, true)).toEqual({
      kind: 'focus',
      row: 1,
      col: 0,
    });
    expect(gridMove(key({ key: 'ArrowUp' }), 1, 0, size, true)).toEqual({
      kind: 'focus',
      row: 0,
      col: 0,
    });
    expect(gridMove(key({ key: 'ArrowDown' }), 2, 0, size, true)).toBeNull();
  });

  it('left and right leave a text cell only from its edge', () => {
    expect(gridMove(key({ key: 'ArrowRight' }), 0, 0, size, true)).toBeNull();
    expect(gridMove(key({ key: 'ArrowRight', caretAtEnd: true }), 0, 0, size, true)).toEqual({
      kind: 'focus',
      row: 0,
      col: 1,
    });
    expect(gridMove(key({ key: 'ArrowLeft', caretAtStart: true }), 0, 1, size, true)).toEqual({
      kind: 'focus',
      row: 0,
      col: 0,
    });
    expect(gridMove(key({ key: 'ArrowLeft', caretAtStart: true }), 0, 0, size, true)).toBeNull();
    expect(gridMove(key({ key: 'ArrowRight', caretAtEnd: true }), 0, 3, size, true)).toBeNull();
  });

  it('leaves selects their arrows and Enter, buttons their Enter, and modified keys alone', () => {
    expect(gridMove(key({ key: 'ArrowDown', control: 'select' }), 0, 2, size, true)).toBeNull();
    expect(gridMove(key({ control: 'select' }), 0, 2, size, true)).toBeNull();
    expect(gridMove(key({ control: 'button' }), 0, 3, size, true)).toBeNull();
    expect(gridMove(key({ key: 'ArrowLeft', control: 'button' }), 0, 3, size, true)).toEqual({
      kind: 'focus',
      row: 0,
      col: 2,
    });
    expect(gridMove(key({ key: 'ArrowDown', control: 'checkbox' }), 0, 2, size, true)).toEqual({
      kind: 'focus',
      row: 1,
      col: 2,
    });
    expect(gridMove(key({ modified: true }), 0, 0, size, true)).toBeNull();
    expect(gridMove(key({ key: 'Tab' }), 0, 0, size, true)).toBeNull();
  });
});
