/**
 * Whether a comment's passage is still in the item: a field anchor resolves
 * within its Y.Text (`resolveAnchor`); a rich-text anchor may span paragraphs, so
 * its ends are compared as offsets into the section's text. A passage deleted
 * entirely is detached: the comment then shows its quote, and is never lost.
 * Until the item's document holds the text an anchor points into (it is still
 * loading), nothing is known, and nothing is called detached.
 */
import * as Y from 'yjs';
import { resolveAnchor } from '../../../shared/comment-anchors';
import type { Anchor } from '../../../shared/comments';
import { anchorPositions } from './anchor-codec';

function isDeleted(type: Y.AbstractType<unknown>): boolean {
  let item = type._item;
  while (item) {
    if (item.deleted) return true;
    const parent = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return false;
}

/**
 * The number of characters of text before `index` of `target` in `root`, in
 * document order; null if `target` is not inside `root`.
 */
export function textOffset(
  root: Y.XmlFragment | Y.XmlElement,
  // Compared by identity only: any shared type (Yjs types are invariant in their events).
  target: object,
  index: number,
): number | null {
  let offset = 0;
  const walk = (node: Y.XmlFragment | Y.XmlElement): boolean => {
    const children = node.toArray();
    for (const [position, child] of children.entries()) {
      if (node === target && position === index) return true;
      if (child instanceof Y.XmlText) {
        if (child === target) {
          offset += index;
          return true;
        }
        offset += child.length;
      } else if (child instanceof Y.XmlElement && walk(child)) return true;
    }
    return node === target;
  };
  return walk(root) ? offset : null;
}

/** Whether `doc` has received the change that created what `position` points at. */
function isLoaded(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const id = position.item ?? position.type;
  return id === null || Y.getState(doc.store, id.client) > id.clock;
}

function sectionDetached(doc: Y.Doc, anchor: Anchor): boolean {
  const positions = anchorPositions(anchor);
  if (!positions) return true;
  const start = Y.createAbsolutePositionFromRelativePosition(positions.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(positions.end, doc);
  if (!start || !end || isDeleted(start.type) || isDeleted(end.type)) return true;
  const section = doc.getXmlFragment(anchor.target);
  const from = textOffset(section, start.type, start.index);
  const to = textOffset(section, end.type, end.index);
  return from === null || to === null || to <= from;
}

export function isDetached(doc: Y.Doc, anchor: Anchor): boolean {
  const positions = anchorPositions(anchor);
  if (positions && !(isLoaded(doc, positions.start) && isLoaded(doc, positions.end))) return false;
  if (anchor.target.startsWith('fields.')) {
    const resolved = resolveAnchor(doc, anchor);
    return resolved.detached || isDeleted(resolved.type);
  }
  try {
    return sectionDetached(doc, anchor);
  } catch {
    // A target that names another kind of shared type: nothing to point at.
    return true;
  }
}
