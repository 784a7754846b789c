/**
 * Rich-text sections as Markdown, through Tiptap's static Markdown renderer,
 * which HTML-escapes text but leaves Markdown syntax live. Here text is escaped
 * for Markdown instead, links survive only with a web or mail address, code is
 * fenced to fit its content, emphasis keeps its spaces outside the markers, and
 * nested lists keep their nesting.
 */
import type { Mark, Node } from '@tiptap/pm/model';
import { serializeChildrenToHTMLString as join } from '@tiptap/static-renderer/pm/html-string';
import { renderToMarkdown } from '@tiptap/static-renderer/pm/markdown';
import { editorExtensions } from '../../shared/editor-extensions';
import type { HeadingLevel } from './blocks';
import type { RichDoc } from './report-model';
import { shiftedLevel } from './rich-html';
import { richSchema } from './rich-text';
import { escapeMarkdown, markdownCode, safeHref } from './safe-text';

const EXTENSIONS = editorExtensions();

interface RenderProps {
  readonly node: Node;
  readonly parent?: Node;
  readonly children?: string | string[];
}

interface MarkRenderProps {
  readonly mark: Mark;
  readonly node: Node;
  readonly children?: string | string[];
}

/** `**x**` only works hugging its text: move surrounding spaces outside the markers. */
function wrapMarks(children: string | string[] | undefined, marker: string): string {
  const text = join(children);
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, lead = '', core = '', trail = ''] = match ?? [];
  return core === '' ? text : `${lead}${marker}${core}${marker}${trail}`;
}

/** Characters a Markdown link destination in `<…>` cannot hold, percent-encoded. */
function markdownHref(href: string): string {
  return href.replace(
    /[<>\s\\`()]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** A list item: its first line after the marker, its other lines indented to match. */
function listItem(marker: string, content: string): string {
  const lines = content.replace(/^\n+|\n+$/g, '').split('\n');
  const indent = ' '.repeat(marker.length + 1);
  return `${marker} ${lines.map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n')}\n`;
}

function itemMarker(node: Node, parent: Node | undefined): string {
  if (parent?.type.name !== 'orderedList') return '-';
  const start = typeof parent.attrs.start === 'number' ? parent.attrs.start : 1;
  let position = 0;
  parent.forEach((child, _offset, index) => {
    if (child === node) position = index;
  });
  return `${start + position}.`;
}

export function richToMarkdown(doc: RichDoc, headingBase: HeadingLevel): string {
  const content = richSchema().nodeFromJSON(doc);
  const markdown = renderToMarkdown({
    content,
    extensions: EXTENSIONS,
    options: {
      nodeMapping: {
        text: ({ node }: RenderProps) => escapeMarkdown(node.text ?? ''),
        heading: ({ node, children }: RenderProps) =>
          `\n${'#'.repeat(shiftedLevel(node.attrs.level, headingBase))} ${join(children).replace(/#/g, '\\#')}\n`,
        paragraph: ({ children }: RenderProps) => `\n${join(children)}\n`,
        hardBreak: () => '\\\n',
        bulletList: ({ children }: RenderProps) => `\n${join(children)}`,
        orderedList: ({ children }: RenderProps) => `\n${join(children)}`,
        listItem: ({ node, parent, children }: RenderProps) =>
          listItem(itemMarker(node, parent), join(children)),
        codeBlock: ({ node }: RenderProps) => {
          const longest = Math.max(
            2,
            ...(node.textContent.match(/`+/g) ?? []).map((r) => r.length),
          );
          const fence = '`'.repeat(longest + 1);
          return `\n${fence}\n${node.textContent}\n${fence}\n`;
        },
      },
      markMapping: {
        bold: ({ children }: MarkRenderProps) => wrapMarks(children, '**'),
        italic: ({ children }: MarkRenderProps) => wrapMarks(children, '*'),
        strike: ({ children }: MarkRenderProps) => wrapMarks(children, '~~'),
        // Code is shown as typed: its own text, not the escaped children.
        code: ({ node }: MarkRenderProps) => markdownCode(node.text ?? ''),
        link: ({ mark, children }: MarkRenderProps) => {
          const href = safeHref(mark.attrs.href);
          const text = join(children);
          return href === null ? text : `[${text}](<${markdownHref(href)}>)`;
        },
      },
      unhandledNode: ({ children }: RenderProps) => join(children),
      unhandledMark: ({ children }: MarkRenderProps) => join(children),
    },
  });
  return markdown.replace(/\n{3,}/g, '\n\n').trim();
}
