/**
 * Composes the emails the workspace sends (invitations, password resets,
 * notification digests) as a plain-text part and an HTML part from the same
 * pieces. Every value that came from a person (names, notes, lab titles) and
 * every link is escaped for HTML; links must be http(s), so a `javascript:` URL
 * can never become a button. Callers pass plain text and never HTML.
 */

export interface ComposedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface EmailAction {
  readonly label: string;
  /** An absolute http(s) URL. */
  readonly url: string;
}

export interface EmailContent {
  readonly subject: string;
  /** Paragraphs of plain text, in order. */
  readonly paragraphs: readonly string[];
  /** The button (HTML) or the link on its own line (text), after the paragraphs. */
  readonly action?: EmailAction;
  /** A list of links after the paragraphs (a digest's notifications), each its own line. */
  readonly links?: readonly EmailAction[];
  /** Paragraphs after the action, e.g. when the link expires. */
  readonly after?: readonly string[];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** The URL, normalised, if it is an absolute http(s) URL; throws otherwise. */
export function checkedLink(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`an email link must be http or https, not ${parsed.protocol}`);
  }
  return parsed.href;
}

const paragraphHtml = (text: string) =>
  `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;

export function composeEmail(content: EmailContent): ComposedEmail {
  const link = content.action ? checkedLink(content.action.url) : null;
  const after = content.after ?? [];
  const links = (content.links ?? []).map((each) => ({ ...each, url: checkedLink(each.url) }));
  const textParts = [...content.paragraphs];
  for (const each of links) textParts.push(`${each.label}:\n${each.url}`);
  if (content.action && link) textParts.push(`${content.action.label}:\n${link}`);
  textParts.push(...after);
  const action =
    content.action && link
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#007f3b;color:#ffffff;text-decoration:none;font-weight:bold">${escapeHtml(content.action.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:14px">Or copy this link: ${escapeHtml(link)}</p>`
      : '';
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#212b32">',
    ...content.paragraphs.map(paragraphHtml),
    links.length > 0
      ? `<ul style="margin:0 0 16px;padding-left:20px">${links
          .map(
            (each) =>
              `<li style="margin:0 0 8px"><a href="${escapeHtml(each.url)}">${escapeHtml(each.label)}</a></li>`,
          )
          .join('')}</ul>`
      : '',
    action,
    ...after.map(paragraphHtml),
    '</body></html>',
  ].join('\n');
  return { subject: content.subject, text: `${textParts.join('\n\n')}\n`, html };
}
