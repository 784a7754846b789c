/**
 * Rich text flattened for the formats that lay out paragraphs themselves (Word
 * and PDF): headings, paragraphs of styled runs with their list position, quote
 * or code flag, and rules. Links keep a target only when it is a web address
 * (http or https): these formats make live links of them.
 */
import type { HeadingLevel } from './blocks';
import type { RichDoc } from './report-model';
import { shiftedLevel } from './rich-html';
import { safeHref } from './safe-text';

export interface RichRun {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strike: boolean;
  readonly code: boolean;
  readonly href: string | null;
}

export interface ListPosition {
  readonly ordered: boolean;
  /** 0 for a top-level list. */
  readonly level: number;
  /** "•", "1." …; empty for a list item's second and later paragraphs. */
  readonly marker: string;
  /** Distinguishes lists, so numbering restarts with each ordered list. */
  readonly listId: number;
}

export type RichBlock =
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly runs: readonly RichRun[] }
  | {
      readonly kind: 'paragraph';
      readonly runs: readonly RichRun[];
      readonly list: ListPosition | null;
      readonly quote: boolean;
      readonly code: boolean;
    }
  | { readonly kind: 'rule' };

interface Context {
  readonly quote: boolean;
  readonly list: ListPosition | null;
}

function runsOf(node: RichDoc): RichRun[] {
  return (node.content ?? []).flatMap((child): RichRun[] => {
    if (child.type === 'hardBreak') return [plain('\n')];
    if (typeof child.text !== 'string') return runsOf(child);
    const marks = new Map((child.marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}]));
    const link = marks.get('link');
    return [
      {
        text: child.text,
        bold: marks.has('bold'),
        italic: marks.has('italic'),
        underline: marks.has('underline'),
        strike: marks.has('strike'),
        code: marks.has('code'),
        href: link ? safeHref(link.href, 'web') : null,
      },
    ];
  });
}

function plain(text: string): RichRun {
  return {
    text,
    bold: false,
    italic: false,
    underline: false,
    strike: false,
    code: false,
    href: null,
  };
}

export function flattenRich(doc: RichDoc, headingBase: HeadingLevel): RichBlock[] {
  const out: RichBlock[] = [];
  let nextListId = 1;
  const visit = (node: RichDoc, context: Context) => {
    switch (node.type) {
      case 'heading':
        out.push({
          kind: 'heading',
          level: shiftedLevel(node.attrs?.level, headingBase),
          runs: runsOf(node),
        });
        return;
      case 'paragraph':
        out.push({ kind: 'paragraph', runs: runsOf(node), ...context, code: false });
        return;
      case 'codeBlock': {
        const text = (node.content ?? []).map((child) => child.text ?? '').join('');
        out.push({
          kind: 'paragraph',
          runs: [{ ...plain(text), code: true }],
          ...context,
          code: true,
        });
        return;
      }
      case 'horizontalRule':
        out.push({ kind: 'rule' });
        return;
      case 'blockquote':
        for (const child of node.content ?? []) visit(child, { ...context, quote: true });
        return;
      case 'bulletList':
      case 'orderedList': {
        const ordered = node.type === 'orderedList';
        const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1;
        const listId = nextListId++;
        const level = context.list ? context.list.level + 1 : 0;
        (node.content ?? []).forEach((item, index) => {
          (item.content ?? []).forEach((child, position) => {
            const marker = position > 0 ? '' : ordered ? `${start + index}.` : '•';
            visit(child, { ...context, list: { ordered, level, marker, listId } });
          });
        });
        return;
      }
      default:
        for (const child of node.content ?? []) visit(child, context);
    }
  };
  visit(doc, { quote: false, list: null });
  return out;
}
