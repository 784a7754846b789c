/**
 * The paragraphs of an item's rich-text sections, as plain text with the Y.XmlText
 * that holds each one, so a passage can be chosen without a mouse selection (a
 * read-only editor has no caret for keyboard selection).
 */
import * as Y from 'yjs';
import { createAnchor } from '../../../shared/comment-anchors';
import type { Anchor } from '../../../shared/comments';
import { KINDS } from '../../../shared/documents/item-kinds';
import { sectionName } from '../../../shared/documents/names';
import type { ItemKind } from '../../../shared/schemas/records';
import { clipQuote } from './anchor-codec';

export interface Paragraph {
  readonly section: string;
  readonly sectionLabel: string;
  readonly text: Y.XmlText;
  /** Plain text; embedded objects count as one character, as in the Y.XmlText's index. */
  readonly plain: string;
}

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>)
    .map((op) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('');
}

function collect(node: Y.XmlFragment | Y.XmlElement, into: Y.XmlText[]): void {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) into.push(child);
    else if (child instanceof Y.XmlElement) collect(child, into);
  }
}

export function paragraphsOf(doc: Y.Doc, kind: ItemKind): Paragraph[] {
  const found: Paragraph[] = [];
  for (const [section, sectionLabel] of Object.entries(KINDS[kind].sections)) {
    const texts: Y.XmlText[] = [];
    collect(doc.getXmlFragment(sectionName(section)), texts);
    for (const text of texts) {
      const plain = plainText(text);
      if (plain.trim()) found.push({ section, sectionLabel, text, plain });
    }
  }
  return found;
}

/** An anchor on `words` in the paragraph (the whole paragraph when empty), or null if absent. */
export function passageAnchor(paragraph: Paragraph, words: string): Anchor | null {
  const wanted = words.trim();
  const from = wanted ? paragraph.plain.indexOf(wanted) : 0;
  if (from < 0) return null;
  const to = wanted ? from + wanted.length : paragraph.plain.length;
  const anchor = createAnchor(paragraph.text, sectionName(paragraph.section), from, to);
  return { ...anchor, quote: clipQuote(paragraph.plain.slice(from, to)) };
}
