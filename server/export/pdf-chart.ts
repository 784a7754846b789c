/**
 * A measure's chart drawn in a PDF with PDFKit's vector graphics, from the same
 * geometry and legend as the SVG: axes, centre line, process limits and target
 * (limits and target dashed), points shaped and coloured by their class, and a
 * legend. The caller wraps it in a tagged Figure whose alternative text is the
 * chart in words.
 */

import { CLASS_STYLES, MARKER_OUTLINE, type PointClass } from '../../shared/charts/chart-labels';
import type { ChartView } from '../../shared/charts/chart-view';
import {
  type ChartGeometry,
  chartGeometry,
  type LegendItem,
  LINE_STYLES,
  legendItems,
  type Xy,
} from './chart-geometry';

export interface PdfInk {
  readonly regular: string;
  readonly bold: string;
}

const LEGEND_COLUMNS = 3;
const LEGEND_ROW = 12;

function line(pdf: PDFKit.PDFDocument, points: readonly Xy[], style: keyof typeof LINE_STYLES) {
  const [first, ...rest] = points;
  if (!first) return;
  const { colour, dash } = LINE_STYLES[style];
  pdf.save().lineWidth(1.2).strokeColor(colour);
  if (dash) pdf.dash(dash[0], { space: dash[1] });
  pdf.moveTo(first.x, first.y);
  for (const point of rest) pdf.lineTo(point.x, point.y);
  pdf.stroke().undash().restore();
}

function marker(pdf: PDFKit.PDFDocument, cls: PointClass, x: number, y: number) {
  const { colour, shape } = CLASS_STYLES[cls];
  pdf.save().fillColor(colour).strokeColor(MARKER_OUTLINE).lineWidth(0.5);
  switch (shape) {
    case 'circle':
      pdf.circle(x, y, 2.6);
      break;
    case 'ring':
      pdf.lineWidth(1).circle(x, y, 3.4);
      break;
    case 'square':
      pdf.rect(x - 3.4, y - 3.4, 6.8, 6.8);
      break;
    case 'diamond':
      pdf.polygon([x, y - 4.5], [x + 4.5, y], [x, y + 4.5], [x - 4.5, y]);
      break;
    case 'triangle':
      pdf.polygon([x, y - 4.5], [x + 4.5, y + 3.8], [x - 4.5, y + 3.8]);
      break;
    default: {
      const unreachable: never = shape;
      throw new Error(`unknown marker ${String(unreachable)}`);
    }
  }
  pdf.fillAndStroke().restore();
}

function pdsaTriangle(pdf: PDFKit.PDFDocument, x: number, y: number) {
  pdf
    .save()
    .fillColor(LINE_STYLES.mark.colour)
    .polygon([x, y], [x + 3.5, y + 6], [x - 3.5, y + 6])
    .fill()
    .restore();
}

/** Annotation marks above the plot, PDSA marks below the period labels, boundaries dashed. */
function marks(pdf: PDFKit.PDFDocument, g: ChartGeometry, at: (p: Xy) => Xy) {
  const { plot } = g;
  for (const x of [...g.rebases, ...(g.baselineEnd === null ? [] : [g.baselineEnd])]) {
    line(pdf, [at({ x, y: plot.top }), at({ x, y: plot.bottom })], 'boundary');
  }
  pdf.fontSize(7).fillColor(LINE_STYLES.mark.colour);
  for (const mark of g.annotations) {
    line(pdf, [at({ x: mark.x, y: plot.top - 5 }), at({ x: mark.x, y: plot.top })], 'mark');
    const p = at({ x: mark.x, y: plot.top - 14 });
    pdf.fillColor(LINE_STYLES.mark.colour).text(mark.label, p.x - 15, p.y, {
      width: 30,
      align: 'center',
      lineBreak: false,
    });
  }
  for (const mark of g.pdsa) {
    const p = at({ x: mark.x, y: plot.bottom + 18 });
    pdsaTriangle(pdf, p.x, p.y);
    pdf.fillColor(LINE_STYLES.mark.colour).text(mark.label, p.x - 15, p.y + 8, {
      width: 30,
      align: 'center',
      lineBreak: false,
    });
  }
}

function legend(
  pdf: PDFKit.PDFDocument,
  items: readonly LegendItem[],
  ink: PdfInk,
  at: Xy,
  columns: number,
) {
  pdf.font(ink.regular).fontSize(7);
  items.forEach((item, i) => {
    const x = at.x + (i % columns) * 165;
    const y = at.y + Math.floor(i / columns) * LEGEND_ROW;
    if (item.kind === 'line')
      line(
        pdf,
        [
          { x, y },
          { x: x + 16, y },
        ],
        item.line,
      );
    else if (item.kind === 'pdsa') pdsaTriangle(pdf, x + 8, y - 3);
    else marker(pdf, item.cls, x + 8, y);
    pdf.fillColor('#231f20').text(item.label, x + 22, y - 3, { lineBreak: false });
  });
}

/** Draws the chart with its top-left corner at (x, y); returns the height used. */
/** How many legend columns of `column` points fit in `width`. */
export function legendColumns(width: number, column: number): number {
  return Math.max(1, Math.min(LEGEND_COLUMNS, Math.floor(width / column)));
}

export function drawPdfChart(
  pdf: PDFKit.PDFDocument,
  chart: ChartView,
  ink: PdfInk,
  box: { x: number; y: number; width: number; height: number },
  /** Width of one legend column; the poster's narrow charts ask for less to fit two. */
  legendColumn = 165,
): number {
  const g = chartGeometry(chart, box.width, box.height);
  const at = (p: Xy): Xy => ({ x: box.x + p.x, y: box.y + p.y });
  const { plot } = g;
  pdf.save();
  pdf.font(ink.regular).fontSize(7).fillColor('#231f20');
  for (const tick of g.yTicks) {
    line(pdf, [at({ x: plot.left, y: tick.y }), at({ x: plot.right, y: tick.y })], 'grid');
    pdf.fillColor('#231f20').text(tick.label, box.x, box.y + tick.y - 3.5, {
      width: plot.left - 6,
      align: 'right',
      lineBreak: false,
    });
  }
  for (const label of g.xLabels) {
    pdf.text(label.label, box.x + label.x - 30, box.y + plot.bottom + 5, {
      width: 60,
      align: 'center',
      lineBreak: false,
    });
  }
  line(pdf, [at({ x: plot.left, y: plot.bottom }), at({ x: plot.right, y: plot.bottom })], 'axis');
  line(pdf, [at({ x: plot.left, y: plot.top }), at({ x: plot.left, y: plot.bottom })], 'axis');
  for (const run of [...g.lower, ...g.upper]) line(pdf, run.map(at), 'limit');
  for (const run of g.centre) line(pdf, run.map(at), 'centre');
  if (g.target !== null) {
    const y = g.target;
    line(pdf, [at({ x: plot.left, y }), at({ x: plot.right, y })], 'target');
  }
  marks(pdf, g, at);
  line(pdf, g.values.map(at), 'value');
  for (const point of g.points) {
    const p = at(point);
    marker(pdf, point.cls, p.x, p.y);
  }
  const items = legendItems(chart);
  // As many columns as the chart's width holds (three on a report's page).
  const columns = legendColumns(box.width - plot.left, legendColumn);
  legend(pdf, items, ink, { x: box.x + plot.left, y: box.y + box.height + 6 }, columns);
  pdf.restore();
  return box.height + 10 + Math.ceil(items.length / columns) * LEGEND_ROW;
}
