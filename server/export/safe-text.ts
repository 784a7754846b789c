/**
 * Making people's text inert in every output format. Exports carry whatever
 * anyone typed into a lab, so text is escaped for the format it lands in, links
 * survive only with a web or mail address, and characters that XML (inside a
 * .docx) cannot hold are removed before any renderer sees them.
 */

/**
 * Anything XML 1.0 cannot hold (control characters other than tab and line
 * breaks, unpaired surrogates, U+FFFE and U+FFFF): it would corrupt a .docx.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe to place in any output: forbidden characters gone, CR and CRLF as LF. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML, '');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * SVG is XML: the same escaping serves text and attribute values.
 * @alias
 */
export const escapeXml = escapeHtml;

/**
 * A link target worth keeping: http(s) and mailto only. Everything else
 * (`javascript:`, `data:`, `vbscript:`, relative paths that would resolve
 * against wherever the file is opened) is dropped, leaving the link's text.
 */
export function safeHref(
  href: unknown,
  schemes: 'web-or-mail' | 'web' = 'web-or-mail',
): string | null {
  if (typeof href !== 'string') return null;
  // Browsers ignore leading spaces and control characters in a URL: so must we.
  const trimmed = href.replace(/^[^\u0021-\u{10FFFF}]+|[^\u0021-\u{10FFFF}]+$/gu, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const allowed = schemes === 'web' ? ['http:', 'https:'] : ['http:', 'https:', 'mailto:'];
  return allowed.includes(url.protocol) ? url.href : null;
}

/**
 * Markdown text that renders as itself: every character that could start
 * emphasis, a link, an image, code, raw HTML, an entity or a table cell is
 * backslash-escaped; text that starts a line (`block`, the default) also has
 * the characters that would start a heading, list or rule there escaped.
 */
export function escapeMarkdown(text: string, place: 'block' | 'inline' = 'block'): string {
  const escaped = text.replace(/[\\`*_[\]()<>|~&{}]/g, (ch) => `\\${ch}`);
  if (place === 'inline') return escaped;
  return escaped.replace(/^(\s*)([#+=-])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** Markdown for inline code: a backtick fence longer than any run of backticks inside. */
export function markdownCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A Markdown table cell: escaped, on one line. */
export function markdownCell(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim(), 'inline') || ' ';
}

/** `"<safe-name>.<ext>"` material: lower-case ASCII words joined by hyphens, never empty. */
export function safeFileName(title: string, fallback: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}
