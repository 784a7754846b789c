/**
 * A measure's chart as inline SVG for HTML and Markdown: an image with a title
 * and a description (the chart in words) for screen readers, each point with
 * its own tooltip, each class of point marked by shape as well as colour, and a
 * legend. Written on one line so that a Markdown HTML block never breaks.
 */

import { CLASS_STYLES, MARKER_OUTLINE, type PointClass } from '../../shared/charts/chart-labels';
import type { ChartView } from '../../shared/charts/chart-view';
import { chartTitle, describePoint } from '../../shared/charts/chart-words';
import {
  type ChartGeometry,
  chartGeometry,
  type LegendItem,
  LINE_STYLES,
  legendItems,
  type Xy,
} from './chart-geometry';
import { escapeXml } from './safe-text';

const WIDTH = 720;
const HEIGHT = 300;
const LEGEND_COLUMNS = 3;
const LEGEND_COLUMN_WIDTH = 236;
const LEGEND_ROW = 18;

const f = (n: number) => String(Math.round(n * 10) / 10);
const pointsAttr = (line: readonly Xy[]) => line.map((p) => `${f(p.x)},${f(p.y)}`).join(' ');

function polyline(line: readonly Xy[], style: keyof typeof LINE_STYLES): string {
  const { colour, dash } = LINE_STYLES[style];
  const dashes = dash ? ` stroke-dasharray="${dash.join(' ')}"` : '';
  return `<polyline points="${pointsAttr(line)}" fill="none" stroke="${colour}" stroke-width="1.5"${dashes}/>`;
}

export function markerSvg(cls: PointClass, x: number, y: number, title: string): string {
  const { colour, shape } = CLASS_STYLES[cls];
  const inner = title ? `<title>${escapeXml(title)}</title>` : '';
  const paint = `fill="${colour}" stroke="${MARKER_OUTLINE}" stroke-width="1"`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="3.5" ${paint}>${inner}</circle>`;
    case 'ring':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="4.5" fill="#ffffff" stroke="${MARKER_OUTLINE}" stroke-width="1.5">${inner}</circle>`;
    case 'square':
      return `<rect x="${f(x - 4.5)}" y="${f(y - 4.5)}" width="9" height="9" ${paint}>${inner}</rect>`;
    case 'diamond':
      return `<polygon points="${f(x)},${f(y - 6)} ${f(x + 6)},${f(y)} ${f(x)},${f(y + 6)} ${f(x - 6)},${f(y)}" ${paint}>${inner}</polygon>`;
    case 'triangle':
      return `<polygon points="${f(x)},${f(y - 6)} ${f(x + 6)},${f(y + 5)} ${f(x - 6)},${f(y + 5)}" ${paint}>${inner}</polygon>`;
    default: {
      const unreachable: never = shape;
      throw new Error(`unknown marker ${String(unreachable)}`);
    }
  }
}

function axes(g: ChartGeometry): string {
  const { plot } = g;
  const grid = g.yTicks
    .map(
      (tick) =>
        `<line x1="${plot.left}" y1="${f(tick.y)}" x2="${plot.right}" y2="${f(tick.y)}" stroke="#e8edee"/>` +
        `<text x="${plot.left - 6}" y="${f(tick.y + 4)}" text-anchor="end">${escapeXml(tick.label)}</text>`,
    )
    .join('');
  const xs = g.xLabels
    .map(
      (label) =>
        `<text x="${f(label.x)}" y="${plot.bottom + 16}" text-anchor="middle">${escapeXml(label.label)}</text>`,
    )
    .join('');
  const frame = `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#425563"/><line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#425563"/>`;
  return grid + xs + frame;
}

const pdsaTriangle = (x: number, y: number) =>
  `<polygon points="${f(x)},${f(y)} ${f(x + 5)},${f(y + 8)} ${f(x - 5)},${f(y + 8)}" fill="${LINE_STYLES.mark.colour}"/>`;

function legendSymbol(item: LegendItem): string {
  if (item.kind === 'line')
    return polyline(
      [
        { x: 0, y: 0 },
        { x: 18, y: 0 },
      ],
      item.line,
    );
  if (item.kind === 'pdsa') return pdsaTriangle(9, -4);
  return markerSvg(item.cls, 9, 0, '');
}

/** Annotation marks above the plot, PDSA marks below the period labels, boundaries as dashes. */
function marks(g: ChartGeometry): string {
  const { plot } = g;
  const ink = LINE_STYLES.mark.colour;
  const boundaries = [...g.rebases, ...(g.baselineEnd === null ? [] : [g.baselineEnd])]
    .map((x) =>
      polyline(
        [
          { x, y: plot.top },
          { x, y: plot.bottom },
        ],
        'boundary',
      ),
    )
    .join('');
  const annotations = g.annotations
    .map(
      (m) =>
        `<line x1="${f(m.x)}" y1="${plot.top - 6}" x2="${f(m.x)}" y2="${plot.top}" stroke="${ink}"/><text x="${f(m.x)}" y="${plot.top - 10}" text-anchor="middle">${m.label}</text>`,
    )
    .join('');
  const pdsa = g.pdsa
    .map(
      (m) =>
        `${pdsaTriangle(m.x, plot.bottom + 26)}<text x="${f(m.x)}" y="${plot.bottom + 48}" text-anchor="middle">${m.label}</text>`,
    )
    .join('');
  return boundaries + annotations + pdsa;
}

function legend(items: readonly LegendItem[], top: number): string {
  return items
    .map((item, i) => {
      const x = 16 + (i % LEGEND_COLUMNS) * LEGEND_COLUMN_WIDTH;
      const y = top + 14 + Math.floor(i / LEGEND_COLUMNS) * LEGEND_ROW;
      return `<g transform="translate(${x} ${y})">${legendSymbol(item)}<text x="24" y="4">${escapeXml(item.label)}</text></g>`;
    })
    .join('');
}

/** The chart as one line of SVG; `id` must be unique in the page (it names the title). */
export function chartSvg(chart: ChartView, id: string): string {
  const g = chartGeometry(chart, WIDTH, HEIGHT);
  const items = legendItems(chart);
  const height = HEIGHT + Math.ceil(items.length / LEGEND_COLUMNS) * LEGEND_ROW + 12;
  const target =
    g.target === null
      ? ''
      : polyline(
          [
            { x: g.plot.left, y: g.target },
            { x: g.plot.right, y: g.target },
          ],
          'target',
        );
  const lines = [
    ...g.lower.map((line) => polyline(line, 'limit')),
    ...g.upper.map((line) => polyline(line, 'limit')),
    ...g.centre.map((line) => polyline(line, 'centre')),
    target,
    polyline(g.values, 'value'),
  ].join('');
  const markers = g.points
    .map((p, i) => markerSvg(p.cls, p.x, p.y, describePoint(chart, i)))
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Arial, sans-serif" font-size="11" fill="#231f20">` +
    `<title id="${id}-title">${escapeXml(chartTitle(chart))}</title><desc id="${id}-desc">${escapeXml(chart.summary)}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${axes(g)}${marks(g)}${lines}${markers}${legend(items, HEIGHT)}</svg>`
  );
}
