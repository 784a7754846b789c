/**
 * Anchors as the comments API stores them: Yjs relative positions encoded with
 * `Y.encodeRelativePosition` and base64, byte for byte as `shared/comment-anchors.ts`
 * encodes them, so an anchor made here resolves on the server and in every client.
 */
import * as Y from 'yjs';
import { createAnchor } from '../../../shared/comment-anchors';
import { type Anchor, MAX_QUOTE_LENGTH } from '../../../shared/comments';

export function encodePosition(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The position, or null if `encoded` is not one (a record from an older or broken client). */
export function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    const binary = atob(encoded);
    return Y.decodeRelativePosition(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** A quote short enough for the API; a long passage keeps its beginning and an ellipsis. */
export function clipQuote(quote: string): string {
  return quote.length <= MAX_QUOTE_LENGTH ? quote : `${quote.slice(0, MAX_QUOTE_LENGTH - 1)}…`;
}

/** An anchor from a passage given as relative positions (a rich-text selection). */
export function anchorFromPositions(passage: {
  readonly target: string;
  readonly start: Y.RelativePosition;
  readonly end: Y.RelativePosition;
  readonly quote: string;
}): Anchor {
  return {
    target: passage.target,
    start: encodePosition(passage.start),
    end: encodePosition(passage.end),
    quote: clipQuote(passage.quote),
  };
}

/** An anchor over `[from, to)` of a structured text field (`fields.<name>`). */
export function fieldAnchor(text: Y.Text, name: string, from: number, to: number): Anchor {
  const anchor = createAnchor(text, `fields.${name}`, from, to);
  return { ...anchor, quote: clipQuote(anchor.quote) };
}

/** The decoded ends of an anchor, or null if either is unreadable. */
export function anchorPositions(
  anchor: Anchor,
): { start: Y.RelativePosition; end: Y.RelativePosition } | null {
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  return start && end ? { start, end } : null;
}
