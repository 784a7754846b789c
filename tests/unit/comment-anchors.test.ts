/**
 * A comment's anchor stays on its passage while two people edit around and
 * inside it concurrently (seeded, randomised), and a deleted passage leaves a
 * detached comment that keeps its quote.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor, resolveAnchor } from '../../shared/comment-anchors';
import type { Anchor } from '../../shared/comments';
import { seededRandom } from '../helpers/seeded-random';

const PASSAGE = 'the call bell is out of reach';
const BEFORE = '0123456789';
const AFTER = '9876543210';

function replica(base: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function span(doc: Y.Doc, anchor: Anchor): { from: number; to: number } {
  const resolved = resolveAnchor(doc, anchor);
  if (resolved.detached) throw new Error('anchor detached unexpectedly');
  return resolved;
}

/** One random edit: `#` inserted outside the passage, `X` inside, or a deletion of either kind. */
function edit(doc: Y.Doc, anchor: Anchor, next: () => number): void {
  const text = doc.getText('t');
  const { from, to } = span(doc, anchor);
  const pick = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const choice = next();
  if (choice < 0.3) {
    const at = next() < 0.5 ? pick(0, from) : pick(to, text.length);
    text.insert(at, '#');
  } else if (choice < 0.6 && to - from >= 2) {
    text.insert(pick(from + 1, to - 1), 'X');
  } else if (choice < 0.8) {
    const outside = next() < 0.5 ? pick(0, from - 1) : pick(to, text.length - 1);
    if (outside >= 0 && outside < text.length && (outside < from || outside >= to))
      text.delete(outside, 1);
  } else if (to - from > 3) {
    text.delete(pick(from + 1, to - 2), 1);
  }
}

describe('comment anchors', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

  it.each(seeds)(
    'seed %i: concurrent edits around and inside keep the anchor on its passage',
    (seed) => {
      const origin = new Y.Doc();
      origin.getText('t').insert(0, `${BEFORE}${PASSAGE}${AFTER}`);
      const anchor = createAnchor(
        origin.getText('t'),
        'fields.t',
        BEFORE.length,
        BEFORE.length + PASSAGE.length,
      );
      expect(anchor.quote).toBe(PASSAGE);
      const base = Y.encodeStateAsUpdate(origin);
      const alice = replica(base);
      const bob = replica(base);
      const next = seededRandom(seed);
      for (let round = 0; round < 8; round += 1) {
        for (let i = 0; i < 4; i += 1) edit(alice, anchor, next);
        for (let i = 0; i < 4; i += 1) edit(bob, anchor, next);
        if (next() < 0.5) sync(alice, bob);
      }
      sync(alice, bob);
      const whole = alice.getText('t').toString();
      expect(bob.getText('t').toString()).toBe(whole);
      const { from, to } = span(alice, anchor);
      expect(span(bob, anchor)).toMatchObject({ from, to });
      const inside = whole.slice(from, to);
      // Nothing from outside the passage came in ...
      expect(inside).not.toMatch(/[#0-9]/);
      // ... and every surviving character of the passage is still inside it.
      const passageLetters = (s: string) => s.replace(/[^a-z ]/g, '');
      expect(passageLetters(inside)).toBe(passageLetters(whole));
    },
  );

  it('a deleted passage leaves a detached anchor that keeps its quote', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, `${BEFORE}${PASSAGE}${AFTER}`);
    const anchor = createAnchor(text, 'fields.t', BEFORE.length, BEFORE.length + PASSAGE.length);
    const other = replica(Y.encodeStateAsUpdate(doc));
    other.getText('t').delete(BEFORE.length - 2, PASSAGE.length + 4);
    text.insert(text.length, ' more');
    sync(doc, other);
    expect(resolveAnchor(doc, anchor)).toEqual({ detached: true });
    expect(anchor.quote).toBe(PASSAGE);
  });
});
