/**
 * Moving around the data table from the keyboard, as in a spreadsheet where it does not take a
 * key away from the control: Enter and Shift+Enter go down and up a column (Enter on the last
 * row adds a row), the up and down arrows do the same in text cells, and the left and right
 * arrows leave a text cell only when the caret is already at its edge. Selects keep their arrow
 * keys, and buttons keep Enter.
 */

export type ControlKind = 'text' | 'select' | 'checkbox' | 'button';

export interface GridKey {
  readonly key: string;
  readonly shiftKey: boolean;
  /** Any of Ctrl, Alt or Meta: left to the browser and assistive technology. */
  readonly modified: boolean;
  readonly control: ControlKind;
  /** Caret at the start (or end) of a text cell with nothing selected. */
  readonly caretAtStart: boolean;
  readonly caretAtEnd: boolean;
}

export type GridMove =
  | { readonly kind: 'focus'; readonly row: number; readonly col: number }
  | { readonly kind: 'add-row'; readonly col: number };

function vertical(key: GridKey): -1 | 1 | null {
  if (key.key === 'Enter') {
    if (key.control === 'button' || key.control === 'select') return null;
    return key.shiftKey ? -1 : 1;
  }
  if (key.shiftKey || key.control === 'select') return null;
  if (key.key === 'ArrowDown') return 1;
  if (key.key === 'ArrowUp') return -1;
  return null;
}

function horizontal(key: GridKey): -1 | 1 | null {
  if (key.shiftKey) return null;
  const free = key.control === 'checkbox' || key.control === 'button';
  if (key.key === 'ArrowLeft' && (free || (key.control === 'text' && key.caretAtStart))) return -1;
  if (key.key === 'ArrowRight' && (free || (key.control === 'text' && key.caretAtEnd))) return 1;
  return null;
}

/** Where a key press in cell (`row`, `col`) moves the focus; null leaves the key alone. */
export function gridMove(
  key: GridKey,
  row: number,
  col: number,
  size: { rows: number; cols: number },
  canAddRow: boolean,
): GridMove | null {
  if (key.modified) return null;
  const down = vertical(key);
  if (down !== null) {
    const next = row + down;
    if (next >= size.rows)
      return key.key === 'Enter' && canAddRow ? { kind: 'add-row', col } : null;
    return next < 0 ? null : { kind: 'focus', row: next, col };
  }
  const right = horizontal(key);
  if (right === null) return null;
  const next = col + right;
  return next < 0 || next >= size.cols ? null : { kind: 'focus', row, col: next };
}
