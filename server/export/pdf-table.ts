/**
 * A tagged table in a PDF, drawn by hand: Table → TR → TH (scope Column) / TD
 * in the structure tree, column widths from the content measured once, rows
 * that move whole to the next page, where the header row is drawn again as a
 * pagination artifact. PDFKit's own `table()` measures every cell many times
 * over, which made a lab's data tables take seconds with an embedded font.
 */

export interface TableFonts {
  readonly regular: string;
  readonly bold: string;
}

export interface TableBox {
  readonly left: number;
  readonly width: number;
  /** Lowest y the table may draw to on a page. */
  readonly bottom: number;
  /** y where content starts on a new page. */
  readonly top: number;
}

/** A picture drawn before a cell's words (a Making Data Count icon), tagged with its name. */
export interface TableIcon {
  readonly alt: string;
  draw(x: number, y: number, size: number): void;
}

const ICON = 16;
const PAD = 3;
const SIZE = 8.5;
const BORDER = '#aeb7bd';
const HEAD_FILL = '#f0f4f5';

/** The structure options PDFKit reads, including `scope`, which its types leave out. */
type CellOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Column' | 'Row' };

function measureWidths(
  pdf: PDFKit.PDFDocument,
  fonts: TableFonts,
  head: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  width: number,
  iconAt: IconAt,
): number[] {
  const natural = head.map((cell, column) => {
    pdf.font(fonts.bold).fontSize(SIZE);
    let widest = pdf.widthOfString(cell);
    pdf.font(fonts.regular);
    rows.forEach((row, r) => {
      const text = row[column] ?? '';
      const icon = iconAt(r, column) ? ICON + PAD : 0;
      if (text || icon) widest = Math.max(widest, pdf.widthOfString(text) + icon);
    });
    return widest + PAD * 2 + 1;
  });
  const total = natural.reduce((sum, w) => sum + w, 0);
  if (total <= width) return natural.map((w) => (w * width) / total);
  // Narrow columns keep their natural width; wide ones share what is left and wrap.
  let fixed = 0;
  let flexible = natural.length;
  const fair = () => (width - fixed) / Math.max(1, flexible);
  const keeps = natural.map(() => false);
  for (let changed = true; changed; ) {
    changed = false;
    natural.forEach((w, i) => {
      if (!keeps[i] && w <= fair()) {
        keeps[i] = true;
        fixed += w;
        flexible -= 1;
        changed = true;
      }
    });
  }
  const wideTotal = natural.reduce((sum, w, i) => (keeps[i] ? sum : sum + w), 0);
  const widths = natural.map((w, i) => (keeps[i] ? w : ((width - fixed) * w) / wideTotal));
  return withLeast(widths, leastWidths(pdf, fonts, head, rows, iconAt));
}

/** Each column's least width: its longest word (after any icon), so no word is split. */
function leastWidths(
  pdf: PDFKit.PDFDocument,
  fonts: TableFonts,
  head: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  iconAt: IconAt,
): number[] {
  return head.map((cell, column) => {
    const longest = (text: string, font: string) => {
      pdf.font(font).fontSize(SIZE);
      return Math.max(0, ...text.split(/\s+/).map((word) => pdf.widthOfString(word)));
    };
    let least = longest(cell, fonts.bold);
    rows.forEach((row, r) => {
      const icon = iconAt(r, column) ? ICON + PAD : 0;
      least = Math.max(least, longest(row[column] ?? '', fonts.regular) + icon);
    });
    // A little slack: PDFKit wraps a word that fills the width exactly.
    return least + PAD * 2 + 3;
  });
}

/** Raises columns narrower than their least width, taking the room from the widest ones. */
function withLeast(widths: number[], least: readonly number[]): number[] {
  const out = [...widths];
  for (let i = 0; i < out.length; i++) {
    const short = (least[i] ?? 0) - (out[i] ?? 0);
    if (short <= 0) continue;
    // The column with the most to spare gives it, never below its own least width.
    let giver = -1;
    let spare = 0;
    out.forEach((w, j) => {
      const own = w - (least[j] ?? 0);
      if (j !== i && own > spare) {
        spare = own;
        giver = j;
      }
    });
    if (giver < 0) continue;
    const moved = Math.min(short, spare);
    out[i] = (out[i] ?? 0) + moved;
    out[giver] = (out[giver] ?? 0) - moved;
  }
  return out;
}

type IconAt = (row: number, column: number) => TableIcon | null;

export function drawPdfTable(
  pdf: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  fonts: TableFonts,
  table: {
    readonly head: readonly string[];
    readonly rows: ReadonlyArray<readonly string[]>;
    readonly icons?: ReadonlyArray<ReadonlyArray<TableIcon | null>>;
  },
  box: TableBox,
): void {
  const iconAt: IconAt = (row, column) => table.icons?.[row]?.[column] ?? null;
  const widths = measureWidths(pdf, fonts, table.head, table.rows, box.width, iconAt);
  /** Where a cell's words start: after its icon, if it has one. */
  const inset = (row: number | null, i: number) =>
    row !== null && iconAt(row, i) ? ICON + PAD : 0;
  /**
   * Whether a cell's text fits on one line: then it is neither wrapped to be measured nor to be
   * drawn (PDFKit's line wrapping was most of a long data table's time; most cells are numbers).
   */
  const oneLine = (text: string, room: number) =>
    !text.includes('\n') && pdf.widthOfString(text) <= room;
  const rowHeight = (cells: readonly string[], font: string, row: number | null) => {
    pdf.font(font).fontSize(SIZE);
    const line = pdf.currentLineHeight(true);
    const heights = widths.map((w, i) => {
      const text = cells[i] ?? '';
      const icon = row !== null && iconAt(row, i) ? ICON : 0;
      const room = w - PAD * 2 - inset(row, i);
      const words = !text
        ? 0
        : oneLine(text, room)
          ? line
          : pdf.heightOfString(text, { width: room });
      return Math.max(words, icon);
    });
    return Math.max(SIZE, ...heights) + PAD * 2;
  };
  /** Draws a row's boxes (a layout artifact) and returns how to draw each cell's text. */
  const drawCells = (
    cells: readonly string[],
    font: string,
    y: number,
    height: number,
    fill: string | null,
    markBoxes: boolean,
    rowIndex: number | null = null,
  ) => {
    if (markBoxes) pdf.markContent('Artifact', { type: 'Layout' });
    let x = box.left;
    for (const w of widths) {
      if (fill) pdf.rect(x, y, w, height).fill(fill);
      pdf.rect(x, y, w, height).lineWidth(0.5).strokeColor(BORDER).stroke();
      x += w;
    }
    if (markBoxes) pdf.endMarkedContent();
    return (i: number) => {
      const left = box.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0);
      const shift = inset(rowIndex, i);
      pdf.font(font).fontSize(SIZE).fillColor('#231f20');
      const text = cells[i] ?? '';
      const room = (widths[i] ?? 0) - PAD * 2 - shift;
      pdf.text(
        text,
        left + PAD + shift,
        y + PAD,
        oneLine(text, room) ? { lineBreak: false } : { width: room },
      );
    };
  };
  const headHeight = rowHeight(table.head, fonts.bold, null);
  const structure = pdf.struct('Table');
  parent.add(structure);
  const row = (cells: readonly string[], header: boolean, index: number | null) => {
    const font = header ? fonts.bold : fonts.regular;
    const height = header ? headHeight : rowHeight(cells, font, index);
    let y = pdf.y;
    if (y + height > box.bottom) {
      pdf.addPage();
      y = box.top;
      if (!header) {
        // The header again on the new page, for sighted readers only: the tree has it once.
        pdf.markContent('Artifact', { type: 'Pagination' });
        const draw = drawCells(table.head, fonts.bold, y, headHeight, HEAD_FILL, false);
        for (let i = 0; i < table.head.length; i++) draw(i);
        pdf.endMarkedContent();
        y += headHeight;
      }
    }
    const draw = drawCells(cells, font, y, height, header ? HEAD_FILL : null, true, index);
    const tr = pdf.struct('TR');
    structure.add(tr);
    cells.forEach((_, i) => {
      const options: CellOptions = header ? { scope: 'Column' } : {};
      const icon = index === null ? null : iconAt(index, i);
      if (!icon) {
        tr.add(pdf.struct(header ? 'TH' : 'TD', options, () => draw(i)));
        return;
      }
      // The icon is a Figure in the cell, named by its alternative text; the words follow it.
      const left = box.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0);
      const figure = pdf.struct('Figure', { alt: icon.alt }, () =>
        icon.draw(left + PAD, y + PAD, ICON),
      );
      tr.add(pdf.struct('TD', options, [figure, () => draw(i)]));
    });
    tr.end();
    pdf.x = box.left;
    pdf.y = y + height;
  };
  row(table.head, true, null);
  table.rows.forEach((cells, r) => {
    row(cells, false, r);
  });
  structure.end();
}
