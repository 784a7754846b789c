/**
 * Text in diagrams drawn as SVG strings (the same picture on screen and in
 * every export): escaping for XML, and a greedy word wrap whose long words are
 * cut, so a label never runs out of its box.
 */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.trim().split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Lines of text as one SVG `text` element, a space kept between lines for text extraction. */
export function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  lineHeight: number,
  attributes = '',
): string {
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${x}" y="${y + i * lineHeight}">${escapeXml(i < lines.length - 1 ? `${line} ` : line)}</tspan>`,
    )
    .join('');
  return `<text ${attributes}>${spans}</text>`;
}

/** The font every diagram names; exports map it to the fonts they embed. */
export const DIAGRAM_FONT = 'Arial, Helvetica, sans-serif';
