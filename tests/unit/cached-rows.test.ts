/**
 * A list read through kept rows: while watched, a row is read once and kept (the same
 * object on the next read) until it or a text in it changes; rows added, removed,
 * edited or damaged are seen on the next read exactly as `readRows` reads them; and
 * nothing read before watching is trusted.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCluster, moveNote } from '../../client/features/workshop/board-edits';
import { CachedRows } from '../../client/lib/cached-rows';
import { addRow, initItemDoc, list, readRows } from '../../shared/documents/item-doc';

function board() {
  const doc = new Y.Doc();
  initItemDoc(doc, 'workshop', 'Board');
  const cluster = addCluster(doc, 'Lighting');
  for (let n = 0; n < 4; n += 1) addRow(doc, 'workshop', 'notes', `n${n}`, { text: `Idea ${n}` });
  return { doc, cluster, notes: new CachedRows(doc, 'notes') };
}

describe('rows kept until they change', () => {
  it('keeps unchanged rows as the same objects and reads a moved one again', () => {
    const { doc, cluster, notes } = board();
    const stop = notes.watch();
    const before = notes.read();
    expect(notes.read()).toEqual(before);
    expect(notes.read().every((row, i) => row === before[i])).toBe(true);
    moveNote(doc, 'n2', cluster);
    const after = notes.read();
    expect(after).toEqual(readRows(doc, 'notes'));
    expect(after[2]).not.toBe(before[2]);
    expect(after[2]?.cluster).toBe(cluster);
    expect([after[0], after[1], after[3]]).toEqual([before[0], before[1], before[3]]);
    expect(after[0]).toBe(before[0]);
    stop();
  });

  it('sees words typed into a row, rows added and removed, and a row damaged', () => {
    const { doc, notes } = board();
    const stop = notes.watch();
    notes.read();
    const text = list(doc, 'notes').get(1).get('text');
    if (!(text instanceof Y.Text)) throw new Error('a note’s words are a Y.Text');
    text.insert(0, 'More: ');
    addRow(doc, 'workshop', 'notes', 'n4', { text: 'Idea 4' });
    list(doc, 'notes').delete(0, 1);
    list(doc, 'notes').get(2).set('cluster', 42);
    const read = notes.read();
    expect(read).toEqual(readRows(doc, 'notes'));
    expect(read.map((row) => row.text)).toEqual(['More: Idea 1', 'Idea 2', 'Idea 4']);
    stop();
  });

  it('keeps nothing read before it watched, nor after it stopped', () => {
    const { doc, cluster, notes } = board();
    notes.read();
    moveNote(doc, 'n0', cluster);
    const stop = notes.watch();
    expect(notes.read()[0]?.cluster).toBe(cluster);
    stop();
    moveNote(doc, 'n0', null);
    expect(notes.read()[0]?.cluster ?? null).toBeNull();
  });
});
