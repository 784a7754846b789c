/**
 * A fishbone diagram drawn as an SVG string, for the screen and every export:
 * the effect in a box at the head, the spine leading to it, one bone per
 * category, alternately above and below the spine, and each cause written along
 * its bone, sub-causes indented beneath their cause. Its title and description
 * name it; the outline beside or after it carries every cause in words.
 */
import { countCauses, type Fishbone, type FishboneCause } from './fishbone';
import { DIAGRAM_FONT, escapeXml, textLines, wrapWords } from './svg-text';

const MARGIN = 16;
const COLUMN = 300;
const ROW = 18;
const LABEL_ROOM = 34;
const HEAD_WIDTH = 220;
const CHARS = 34;
const INDENT = 14;
const MIN_BAND = 110;

interface Row {
  readonly text: string;
  readonly depth: number;
  readonly first: boolean;
}

function rowsOf(causes: readonly FishboneCause[], depth = 0): Row[] {
  return causes.flatMap((cause) => {
    const label = cause.label || '(no label yet)';
    const lines = wrapWords(label, Math.max(12, CHARS - depth * 2));
    return [
      // A space ends every line but the last, so the label reads whole when the text is extracted.
      ...lines.map((text, i) => ({
        text: i < lines.length - 1 ? `${text} ` : text,
        depth,
        first: i === 0,
      })),
      ...rowsOf(cause.causes, depth + 1),
    ];
  });
}

export interface DiagramSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

export function fishboneSummary(fishbone: Fishbone): string {
  const causes = fishbone.categories.reduce((n, c) => n + countCauses(c.causes), 0);
  return `Effect: ${fishbone.effect || 'not written yet'}. ${fishbone.categories.length} categories, ${causes} causes`;
}

function bone(
  x: number,
  labelY: number,
  spineY: number,
  up: boolean,
  label: string,
  rows: Row[],
): string {
  const x0 = x + 40;
  const x1 = x + COLUMN - 30;
  const y0 = up ? labelY + 8 : labelY - 22;
  const at = (y: number) => x0 + ((x1 - x0) * (y - y0)) / (spineY - y0);
  const parts = [
    `<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${spineY}" class="fishbone-bone" stroke="#425563" stroke-width="2.5"/>`,
    textLines(
      [label],
      x0 - 24,
      up ? labelY : labelY - 4,
      16,
      'font-weight="700" font-size="15" fill="#212b32"',
    ),
  ];
  let lineX = x0;
  rows.forEach((row, i) => {
    const y = up ? y0 + 24 + i * ROW : spineY + 20 + i * ROW;
    const bx = at(y - 4);
    // A wrapped label's later lines start under its first, wherever the bone has moved to.
    if (row.first) lineX = bx + 8 + row.depth * INDENT;
    const tx = lineX;
    if (row.first)
      parts.push(
        `<line x1="${bx}" y1="${y - 4}" x2="${tx - 2}" y2="${y - 4}" stroke="#768692" stroke-width="1"/>`,
      );
    parts.push(
      textLines(
        [row.text],
        tx,
        y,
        ROW,
        `font-size="13" fill="#212b32"${row.depth > 0 ? ' font-style="italic"' : ''}`,
      ),
    );
  });
  return parts.join('');
}

export function fishboneSvg(fishbone: Fishbone, title: string, idPrefix: string): DiagramSvg {
  const { categories } = fishbone;
  const rows = categories.map((c) => rowsOf(c.causes));
  const columns = Math.max(1, Math.ceil(categories.length / 2));
  const tallest = (side: number) =>
    Math.max(0, ...rows.filter((_, i) => i % 2 === side).map((r) => r.length * ROW + 40));
  const upper = Math.max(MIN_BAND, tallest(0));
  const lower = Math.max(MIN_BAND, tallest(1));
  const spineY = MARGIN + LABEL_ROOM + upper;
  const effect = wrapWords(fishbone.effect || 'Effect not written yet', 26);
  const headHeight = Math.max(60, effect.length * 18 + 20);
  const headX = MARGIN + columns * COLUMN + 10;
  const width = headX + HEAD_WIDTH + MARGIN;
  const height = spineY + lower + LABEL_ROOM + MARGIN;
  const parts: string[] = [
    `<line x1="${MARGIN}" y1="${spineY}" x2="${headX}" y2="${spineY}" stroke="#212b32" stroke-width="4"/>`,
    `<polygon points="${headX - 14},${spineY - 8} ${headX},${spineY} ${headX - 14},${spineY + 8}" fill="#212b32"/>`,
    `<rect x="${headX}" y="${spineY - headHeight / 2}" width="${HEAD_WIDTH}" height="${headHeight}" rx="6" fill="#e8f1f8" stroke="#005eb8" stroke-width="3"/>`,
    textLines(
      effect,
      headX + 12,
      spineY - headHeight / 2 + 26,
      18,
      'font-size="15" font-weight="700" fill="#212b32"',
    ),
  ];
  categories.forEach((category, i) => {
    const x = MARGIN + Math.floor(i / 2) * COLUMN;
    const up = i % 2 === 0;
    const labelY = up ? MARGIN + 20 : height - MARGIN - 6;
    parts.push(bone(x, labelY, spineY, up, category.label || '(no label yet)', rows[i] ?? []));
  });
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${idPrefix}-drawing" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" font-family="${DIAGRAM_FONT}">`,
    `<title id="${idPrefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(fishboneSummary(fishbone))}. The outline lists every cause.</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('');
  return { svg, width, height };
}
