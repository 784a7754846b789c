/**
 * A rich-text section (Y.XmlFragment, as the Tiptap editor writes it) read into a
 * small tree for a read-only view. It only reads: converting through the
 * editor's schema may repair a fragment by deleting from it, which a reader's
 * copy of a live document must never do.
 */
import * as Y from 'yjs';

export type RichNode =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** Mark names (bold, italic…). */
      readonly marks: readonly string[];
      /** A link's address, only when it is http(s) or mailto. */
      readonly href: string | null;
    }
  | {
      readonly kind: 'element';
      /** The ProseMirror node name: paragraph, heading, bulletList… */
      readonly name: string;
      readonly level: number | null;
      readonly children: readonly RichNode[];
    };

const SAFE_LINK = /^(https?:|mailto:)/i;

function linkOf(attributes: Record<string, unknown>): string | null {
  const link = attributes.link as { href?: unknown } | undefined;
  return typeof link?.href === 'string' && SAFE_LINK.test(link.href) ? link.href : null;
}

function textNodes(text: Y.XmlText): RichNode[] {
  const delta = text.toDelta() as Array<{ insert?: unknown; attributes?: Record<string, unknown> }>;
  return delta.flatMap((op) => {
    if (typeof op.insert !== 'string') return [];
    const attributes = op.attributes ?? {};
    // y-prosemirror may suffix a mark's name with `--<hash>` for marks that can overlap.
    const marks = Object.keys(attributes).map((name) => name.replace(/--.*$/, ''));
    return [{ kind: 'text', text: op.insert, marks, href: linkOf(attributes) }];
  });
}

function levelOf(element: Y.XmlElement): number | null {
  const level = Number(element.getAttribute('level'));
  return Number.isInteger(level) && level > 0 ? level : null;
}

function nodesOf(parent: Y.XmlFragment | Y.XmlElement): RichNode[] {
  return parent.toArray().flatMap((child): RichNode[] => {
    if (child instanceof Y.XmlText) return textNodes(child);
    if (child instanceof Y.XmlElement) {
      return [
        { kind: 'element', name: child.nodeName, level: levelOf(child), children: nodesOf(child) },
      ];
    }
    return [];
  });
}

export function fragmentNodes(fragment: Y.XmlFragment): RichNode[] {
  return nodesOf(fragment);
}

/** The plain text of some nodes, to tell an empty section from a written one. */
export function plainText(nodes: readonly RichNode[]): string {
  return nodes
    .map((node) => (node.kind === 'text' ? node.text : plainText(node.children)))
    .join('');
}
