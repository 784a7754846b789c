/**
 * The whole document kept encoded for newcomers: made once and kept until the document
 * changes, and encoded again in the background, no more often than its interval, once
 * what was written since reaches the size of the last encoding. Driven with Vitest's
 * fake clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { FullState, REFRESH_INTERVAL_MS } from '../../server/sync/full-state';

function textOf(update: Uint8Array): string {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, update);
  return copy.getText('text').toString();
}

describe('the whole document kept encoded for newcomers', () => {
  let doc: Y.Doc;
  let full: FullState;

  /** Writes `words` to the document and tells `full` how many bytes the update had. */
  const write = (words: string) => {
    let bytes = 0;
    const count = (update: Uint8Array) => {
      bytes += update.byteLength;
    };
    doc.on('update', count);
    doc.getText('text').insert(doc.getText('text').length, words);
    doc.off('update', count);
    full.changed(bytes);
  };

  beforeEach(() => {
    vi.useFakeTimers();
    doc = new Y.Doc();
    doc.getText('text').insert(0, 'Aim: fewer falls on the ward');
    full = new FullState(() => doc);
    full.loaded(null, 0);
  });
  afterEach(() => {
    full.stop();
    vi.useRealTimers();
  });

  it('keeps one encoding until the document changes, then gives the newest', () => {
    const first = full.get();
    expect(full.get()).toBe(first);
    write(' at night');
    expect(full.isEncoded).toBe(false);
    expect(textOf(full.get())).toBe('Aim: fewer falls on the ward at night');
  });

  it('encodes again in the background once what was written since reaches the last encoding', () => {
    const size = full.get().byteLength;
    write('.');
    vi.advanceTimersByTime(REFRESH_INTERVAL_MS * 4);
    expect(full.isEncoded).toBe(false);
    for (let written = 0; written < 100 && !full.isEncoded; written++) {
      write(' More text.');
      vi.advanceTimersByTime(REFRESH_INTERVAL_MS);
    }
    expect(full.isEncoded).toBe(true);
    const refreshed = full.get();
    expect(refreshed.byteLength).toBeGreaterThan(size);
    expect(textOf(refreshed)).toBe(doc.getText('text').toString());
  });

  it('waits the interval after the last encoding before encoding again', () => {
    full.get();
    vi.advanceTimersByTime(10);
    write(' '.repeat(200));
    vi.advanceTimersByTime(REFRESH_INTERVAL_MS - 11);
    expect(full.isEncoded).toBe(false);
    vi.advanceTimersByTime(1);
    expect(full.isEncoded).toBe(true);
  });

  it('encodes nothing in the background once stopped', () => {
    full.get();
    write(' '.repeat(200));
    full.stop();
    vi.advanceTimersByTime(REFRESH_INTERVAL_MS * 4);
    expect(full.isEncoded).toBe(false);
  });

  it('sends a document loaded as one version-1 update as it was stored', () => {
    const stored = Y.encodeStateAsUpdate(doc);
    full.loaded(stored, stored.byteLength);
    expect(full.get()).toBe(stored);
  });
});
