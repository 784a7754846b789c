/**
 * An export as one self-contained HTML file: semantic headings, tables with
 * captions and column headers, charts and the driver diagram as inline SVG, a
 * little print-friendly CSS, and a Content-Security-Policy that lets nothing
 * run or load wherever the file is opened. Every piece of people's text is
 * escaped here or by the rich-text renderer.
 */
import { iconSvg } from '../../shared/charts/mdc-icons';
import type { Block, ReportDocument } from './blocks';
import { chartSvg } from './chart-svg';
import type { OutlineItem } from './driver-diagram';
import { richToHtml } from './rich-html';
import { escapeHtml } from './safe-text';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = [
  'body{font-family:Arial,Helvetica,sans-serif;color:#231f20;line-height:1.5;margin:0;background:#f0f4f5}',
  'main{max-width:60rem;margin:0 auto;padding:2rem;background:#fff}',
  'h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.5em 0 .5em}h2{border-bottom:2px solid #005eb8;padding-bottom:.25em}',
  'h4{font-size:1.1em}h5{font-size:1em}h6{font-size:.95em;font-style:italic}',
  '.meta{color:#4c6272}.lead{font-size:1.2em}',
  'table{border-collapse:collapse;width:100%;margin:1em 0}caption{text-align:left;font-weight:bold;padding:.25em 0}',
  'th,td{border:1px solid #d8dde0;padding:.35em .5em;text-align:left;vertical-align:top}th{background:#f0f4f5}',
  'dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em}dl.facts dt{font-weight:bold}dl.facts dd{margin:0}',
  'figure{margin:1em 0;overflow-x:auto}figcaption{color:#4c6272;font-size:.9em}svg{max-width:100%;height:auto}',
  '.mdc-icon svg{width:2rem;height:2rem;vertical-align:middle;margin-right:.4em}',
  'blockquote{border-left:4px solid #d8dde0;margin:1em 0;padding:0 1em;color:#4c6272}',
  '@media print{body{background:#fff}main{padding:0}h2{break-after:avoid}figure,table{break-inside:avoid}}',
].join('');

const lines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

/** `ordered` numbers the top level only; an item's children stay bullets under it. */
function list(items: readonly OutlineItem[], ordered = false): string {
  const entries = items
    .map(
      (item) =>
        `<li>${lines(item.text)}${item.children.length > 0 ? list(item.children) : ''}</li>`,
    )
    .join('');
  return ordered ? `<ol>${entries}</ol>` : `<ul>${entries}</ul>`;
}

/** A Making Data Count icon before a cell's words: an SVG that names itself (`role="img"`). */
function icon(block: Extract<Block, { kind: 'table' }>, row: number, column: number): string {
  const found = block.icons?.[row]?.[column];
  return found ? `<span class="mdc-icon">${iconSvg(found, 32)}</span>` : '';
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const head = block.head.map((cell) => `<th scope="col">${lines(cell)}</th>`).join('');
  const rows = block.rows
    .map(
      (row, r) =>
        `<tr>${row.map((cell, c) => `<td>${icon(block, r, c)}${lines(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><caption>${lines(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function blockHtml(block: Block, index: number): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${lines(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.style ? ` class="${block.style}"` : ''}>${lines(block.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${block.facts.map((fact) => `<dt>${lines(fact.label)}</dt><dd>${lines(fact.value)}</dd>`).join('')}</dl>`;
    case 'rich':
      return `<div class="rich">${richToHtml(block.doc, block.headingBase)}</div>`;
    case 'table':
      return table(block);
    case 'list':
      return list(block.items, block.ordered);
    case 'figure':
      return `<figure class="diagram">${block.svg}</figure>`;
    case 'chart':
      return `<figure class="chart">${chartSvg(block.chart, `chart-${index}`)}<figcaption>${lines(block.chart.summary)}</figcaption></figure>`;
    case 'quote':
      return `<blockquote><p>${lines(block.text)}</p></blockquote>`;
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

export function renderHtml(doc: ReportDocument): string {
  const body = doc.blocks.map(blockHtml).join('\n');
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Improvement Lab">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
