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
): number[] {
  const natural = head.map((cell, column) => {
    pdf.font(fonts.bold).fontSize(SIZE);
    let widest = pdf.widthOfString(cell);
    pdf.font(fonts.regular);
    for (const row of rows) {
      const text = row[column] ?? '';
      if (text) widest = Math.max(widest, pdf.widthOfString(text));
    }
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
  return natural.map((w, i) => (keeps[i] ? w : ((width - fixed) * w) / wideTotal));
}

export function drawPdfTable(
  pdf: PDFKit.PDFDocument,
  parent: PDFKit.PDFStructureElement,
  fonts: TableFonts,
  table: { readonly head: readonly string[]; readonly rows: ReadonlyArray<readonly string[]> },
  box: TableBox,
): void {
  const widths = measureWidths(pdf, fonts, table.head, table.rows, box.width);
  const rowHeight = (cells: readonly string[], font: string) => {
    pdf.font(font).fontSize(SIZE);
    const heights = widths.map((w, i) => {
      const text = cells[i] ?? '';
      return text ? pdf.heightOfString(text, { width: w - PAD * 2 }) : 0;
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
      pdf.font(font).fontSize(SIZE).fillColor('#231f20');
      pdf.text(cells[i] ?? '', left + PAD, y + PAD, {
        width: (widths[i] ?? 0) - PAD * 2,
      });
    };
  };
  const headHeight = rowHeight(table.head, fonts.bold);
  const structure = pdf.struct('Table');
  parent.add(structure);
  const row = (cells: readonly string[], header: boolean) => {
    const font = header ? fonts.bold : fonts.regular;
    const height = header ? headHeight : rowHeight(cells, font);
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
    const draw = drawCells(cells, font, y, height, header ? HEAD_FILL : null, true);
    const tr = pdf.struct('TR');
    structure.add(tr);
    cells.forEach((_, i) => {
      const options: CellOptions = header ? { scope: 'Column' } : {};
      tr.add(pdf.struct(header ? 'TH' : 'TD', options, () => draw(i)));
    });
    tr.end();
    pdf.x = box.left;
    pdf.y = y + height;
  };
  row(table.head, true);
  for (const cells of table.rows) row(cells, false);
  structure.end();
}
