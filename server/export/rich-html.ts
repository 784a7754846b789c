/**
 * Rich-text sections as HTML, through Tiptap's static renderer with the editor's
 * own extensions. The renderer escapes text and attribute values; on top of it,
 * links keep their target only when it is a web or mail address (a `javascript:`
 * or `data:` link becomes its plain text), and a section's headings are moved
 * below the heading of the report section they sit in.
 */
import type { Mark, Node } from '@tiptap/pm/model';
import {
  renderToHTMLString,
  serializeChildrenToHTMLString,
} from '@tiptap/static-renderer/pm/html-string';
import { editorExtensions } from '../../shared/editor-extensions';
import type { HeadingLevel } from './blocks';
import type { RichDoc } from './report-model';
import { richSchema } from './rich-text';
import { escapeHtml, safeHref } from './safe-text';

const EXTENSIONS = editorExtensions();

interface RenderProps {
  readonly node: Node;
  readonly children?: string | string[];
}

interface MarkRenderProps {
  readonly mark: Mark;
  readonly children?: string | string[];
}

/** A rich section's heading level N placed under a report heading at `base`. */
export function shiftedLevel(level: unknown, base: HeadingLevel): HeadingLevel {
  const own = typeof level === 'number' && level >= 1 ? Math.floor(level) : 1;
  return Math.min(6, base + own) as HeadingLevel;
}

export function richToHtml(doc: RichDoc, headingBase: HeadingLevel): string {
  const content = richSchema().nodeFromJSON(doc);
  return renderToHTMLString({
    content,
    extensions: EXTENSIONS,
    options: {
      nodeMapping: {
        heading: ({ node, children }: RenderProps) => {
          const level = shiftedLevel(node.attrs.level, headingBase);
          return `<h${level}>${serializeChildrenToHTMLString(children)}</h${level}>`;
        },
      },
      markMapping: {
        link: ({ mark, children }: MarkRenderProps) => {
          const inner = serializeChildrenToHTMLString(children);
          const href = safeHref(mark.attrs.href);
          return href === null
            ? inner
            : `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${inner}</a>`;
        },
      },
      // The schema conversion already dropped unknown types; should one slip through, keep its text only.
      unhandledNode: ({ children }: RenderProps) => serializeChildrenToHTMLString(children),
      unhandledMark: ({ children }: MarkRenderProps) => serializeChildrenToHTMLString(children),
    },
  });
}
