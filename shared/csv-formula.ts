/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return as a formula. Spreadsheets also fold
 * look-alikes into those (full-width `＝＋－＠`, the small forms `﹦﹢﹣﹫`, the
 * minus sign `−`) and skip leading spaces, so the check is made on the text
 * folded by NFKC with leading spaces removed. One rule for every CSV this
 * project writes (the measure table in the browser, server exports).
 */

const FORMULA_START = /^[=+\-@\t\r\n\u2212]/;
const LEADING_SPACES = /^[\p{Zs}]+/u;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a spreadsheet could read this text cell as a formula. */
export function looksLikeFormula(cell: string): boolean {
  if (FORMULA_START.test(cell)) return true;
  const folded = cell.normalize('NFKC').replace(LEADING_SPACES, '');
  return FORMULA_START.test(folded);
}

/**
 * The cell with a leading `'` when it could run as a formula, so it shows as
 * text. With `keepPlainNumbers`, a plain ASCII number such as -3 stays a number.
 */
export function neutraliseFormula(cell: string, options: { keepPlainNumbers?: boolean } = {}) {
  if (options.keepPlainNumbers && PLAIN_NUMBER.test(cell)) return cell;
  return looksLikeFormula(cell) ? `'${cell}` : cell;
}
