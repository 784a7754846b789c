/**
 * Anchors of comments: a passage as two Yjs relative positions, which follow the
 * text as people edit around and inside it. A passage deleted entirely resolves
 * to nothing, and the comment is shown as detached with its quote.
 */
import * as Y from 'yjs';
import type { Anchor } from './comments';

function encode(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decode(encoded: string): Y.RelativePosition {
  const binary = atob(encoded);
  return Y.decodeRelativePosition(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/**
 * An anchor over `[from, to)` of `type` (a Y.Text, or the Y.XmlText of a
 * paragraph). The end sticks to the character before it (assoc -1) so typing
 * just after a passage does not grow it.
 */
export function createAnchor(type: Y.Text, target: string, from: number, to: number): Anchor {
  return {
    target,
    start: encode(Y.createRelativePositionFromTypeIndex(type, from)),
    end: encode(Y.createRelativePositionFromTypeIndex(type, to, -1)),
    quote: type.toString().slice(from, to),
  };
}

export type ResolvedAnchor =
  | { detached: false; type: Y.AbstractType<unknown>; from: number; to: number }
  | { detached: true };

export function resolveAnchor(doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  try {
    const start = Y.createAbsolutePositionFromRelativePosition(decode(anchor.start), doc);
    const end = Y.createAbsolutePositionFromRelativePosition(decode(anchor.end), doc);
    if (!start || !end || start.type !== end.type || end.index <= start.index)
      return { detached: true };
    return {
      detached: false,
      type: start.type as Y.AbstractType<unknown>,
      from: start.index,
      to: end.index,
    };
  } catch {
    return { detached: true };
  }
}
