/**
 * A driver diagram as inline SVG for the HTML export: aim, primary drivers,
 * secondary drivers and change ideas in columns from left to right, links drawn
 * from what is driven to its driver, weak links dashed (with a legend, not just
 * a lighter line). The outline after it in the report is its text alternative.
 */
import { type DriverDiagram, type DriverNode, diagramColumns } from './driver-diagram';
import { escapeXml } from './safe-text';

/** How wide the boxes are, how far apart the columns, how many characters a box's line holds. */
export interface DriverLayout {
  readonly boxWidth: number;
  readonly gapX: number;
  readonly charsPerLine: number;
}

/** The report's layout, a page wide; the poster's column asks for a narrower one. */
const REPORT_LAYOUT: DriverLayout = { boxWidth: 190, gapX: 52, charsPerLine: 27 };
export const COMPACT_DRIVER_LAYOUT: DriverLayout = { boxWidth: 118, gapX: 20, charsPerLine: 16 };
const GAP_Y = 12;
const LINE_HEIGHT = 14;
const PADDING = 8;
const HEADER = 28;
const COLUMN_TITLES = ['Aim', 'Primary drivers', 'Secondary drivers', 'Change ideas', 'Other'];

/** Greedy word wrap; a word longer than a line is cut. */
export function wrap(text: string, width = REPORT_LAYOUT.charsPerLine): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : ['(no label)'];
}

interface Box {
  readonly node: DriverNode;
  readonly x: number;
  readonly y: number;
  readonly height: number;
  readonly lines: readonly string[];
}

function layout(
  diagram: DriverDiagram,
  { boxWidth, gapX, charsPerLine }: DriverLayout,
): {
  boxes: Map<string, Box>;
  width: number;
  height: number;
  titles: Array<[number, string]>;
} {
  const boxes = new Map<string, Box>();
  const titles: Array<[number, string]> = [];
  let height = 0;
  let column = 0;
  diagramColumns(diagram).forEach((nodes, index) => {
    if (nodes.length === 0) return;
    const x = column * (boxWidth + gapX) + 1;
    titles.push([x, COLUMN_TITLES[index] ?? '']);
    let y = HEADER;
    for (const node of nodes) {
      const lines = wrap(node.label, charsPerLine);
      const boxHeight = lines.length * LINE_HEIGHT + PADDING * 2;
      boxes.set(node.id, { node, x, y, height: boxHeight, lines });
      y += boxHeight + GAP_Y;
    }
    height = Math.max(height, y);
    column += 1;
  });
  return {
    boxes,
    width: Math.max(260, column * (boxWidth + gapX) - gapX + 2),
    height: height + 30,
    titles,
  };
}

function boxSvg(box: Box, boxWidth: number): string {
  const fill = box.node.type === 'aim' ? '#005eb8' : '#ffffff';
  const ink = box.node.type === 'aim' ? '#ffffff' : '#231f20';
  const text = box.lines
    .map(
      (line, i) =>
        `<text x="${box.x + PADDING}" y="${box.y + PADDING + 11 + i * LINE_HEIGHT}" fill="${ink}">${escapeXml(line)}</text>`,
    )
    .join('');
  return `<g><title>${escapeXml(box.node.label)}</title><rect x="${box.x}" y="${box.y}" width="${boxWidth}" height="${box.height}" rx="4" fill="${fill}" stroke="#425563"/>${text}</g>`;
}

/** The picture with its size, as a report's figure (a picture in every format). */
export function driverFigure(
  diagram: DriverDiagram,
  title: string,
  id: string,
  shape: DriverLayout = REPORT_LAYOUT,
): { svg: string; width: number; height: number; description: string } {
  const { width, height } = layout(diagram, shape);
  return {
    svg: driverSvg(diagram, title, id, shape),
    width,
    height,
    description: driverDesc(diagram),
  };
}

const driverDesc = (diagram: DriverDiagram) =>
  `Driver diagram with ${diagram.nodes.length} entries and ${diagram.edges.length} links. The outline that follows lists every link.`;

function driverSvg(diagram: DriverDiagram, title: string, id: string, shape: DriverLayout): string {
  const { boxes, width, height, titles } = layout(diagram, shape);
  const links = diagram.edges
    .map((edge) => {
      const from = boxes.get(edge.from);
      const to = boxes.get(edge.to);
      if (!from || !to) return '';
      // Drawn from the driver's right edge to the driven node's left edge, whichever side it is on.
      const [left, right] = to.x <= from.x ? [to, from] : [from, to];
      const x1 = left.x + shape.boxWidth;
      const y1 = left.y + left.height / 2;
      const x2 = right.x;
      const y2 = right.y + right.height / 2;
      const dash = edge.strength === 'weak' ? ' stroke-dasharray="6 4"' : '';
      return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#425563" stroke-width="1.5"${dash}/>`;
    })
    .join('');
  const heads = titles
    .map(([x, text]) => `<text x="${x}" y="16" font-weight="bold">${escapeXml(text)}</text>`)
    .join('');
  const legendY = height - 10;
  const legend =
    `<line x1="1" y1="${legendY - 4}" x2="31" y2="${legendY - 4}" stroke="#425563" stroke-width="1.5"/><text x="38" y="${legendY}">Strong link</text>` +
    `<line x1="131" y1="${legendY - 4}" x2="161" y2="${legendY - 4}" stroke="#425563" stroke-width="1.5" stroke-dasharray="6 4"/><text x="168" y="${legendY}">Weak link</text>`;
  const desc = driverDesc(diagram);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Arial, sans-serif" font-size="11" fill="#231f20">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>` +
    `${heads}${links}${[...boxes.values()].map((box) => boxSvg(box, shape.boxWidth)).join('')}${legend}</svg>`
  );
}
