/**
 * An export as CommonMark with GitHub-style tables. People's text is escaped so
 * it reads as itself (no links, images, HTML or emphasis it did not ask for);
 * charts are inline SVG in an HTML block (`<figure>` on one line, which
 * CommonMark passes through), followed by their signals and data as text, so a
 * renderer that drops SVG loses nothing.
 */
import { iconSvg, iconText } from '../../shared/charts/mdc-icons';
import type { Block, ReportDocument } from './blocks';
import { chartSvg } from './chart-svg';
import type { OutlineItem } from './driver-diagram';
import { labelFor } from './format-values';
import { richToMarkdown } from './rich-markdown';
import { escapeHtml, escapeMarkdown, markdownCell } from './safe-text';

/** Escaped text; a line break inside it stays a line break (`\` at the end of a line). */
const text = (value: string) => escapeMarkdown(value).replace(/\n/g, '\\\n');

/**
 * Children are indented to their item's words (two spaces under "- ", three under "1. "), as
 * CommonMark needs to keep them inside the item rather than start a list of their own.
 */
function list(items: readonly OutlineItem[], ordered = false, indent = ''): string {
  return items
    .map((item, index) => {
      const marker = ordered ? `${index + 1}.` : '-';
      const own = `${indent}${marker} ${escapeMarkdown(item.text.replace(/\s*\n\s*/g, ' '))}`;
      const under = `${indent}${' '.repeat(marker.length + 1)}`;
      return item.children.length > 0 ? `${own}\n${list(item.children, false, under)}` : own;
    })
    .join('\n');
}

/**
 * A Making Data Count icon before a cell's words, as an image with its name as alternative text
 * (an image, not inline SVG: a table cell holds one line, and `alt` is Markdown's own way to say
 * what a picture shows).
 */
function icon(block: Extract<Block, { kind: 'table' }>, row: number, column: number): string {
  const found = block.icons?.[row]?.[column];
  if (!found) return '';
  const data = Buffer.from(iconSvg(found, 32), 'utf8').toString('base64');
  return `<img src="data:image/svg+xml;base64,${data}" alt="${escapeHtml(iconText(found))}" width="32" height="32"> `;
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: readonly string[], r: number | null) =>
    `| ${cells.map((cell, c) => (r === null ? '' : icon(block, r, c)) + markdownCell(cell)).join(' | ')} |`;
  return [
    `**${escapeMarkdown(block.caption, 'inline')}**`,
    '',
    row(block.head, null),
    `|${block.head.map(() => ' --- ').join('|')}|`,
    ...block.rows.map((cells, r) => row(cells, r)),
  ].join('\n');
}

function blockMarkdown(block: Block, index: number): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text.replace(/\n/g, ' '), 'inline').replace(/#/g, '\\#')}`;
    case 'paragraph':
      return block.style === 'meta' ? `*${text(block.text)}*` : text(block.text);
    case 'facts':
      return block.facts
        .map((fact) => {
          const value = escapeMarkdown(fact.value.replace(/\s*\n\s*/g, ' '), 'inline');
          return `- **${escapeMarkdown(labelFor(fact.label), 'inline')}** ${value}`;
        })
        .join('\n');
    case 'rich':
      return richToMarkdown(block.doc, block.headingBase);
    case 'table':
      return table(block);
    case 'list':
      return list(block.items, block.ordered);
    case 'figure':
      return `<figure>${block.svg}</figure>`;
    case 'chart':
      return `<figure>${chartSvg(block.chart, `chart-${index}`)}<figcaption>${escapeHtml(block.chart.summary)}</figcaption></figure>`;
    case 'quote':
      return text(block.text)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  return `${doc.blocks
    .map(blockMarkdown)
    .filter((part) => part !== '')
    .join('\n\n')}\n`;
}
