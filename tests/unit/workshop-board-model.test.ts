/**
 * The board as the screen draws it: read again after a move, every note, cluster and
 * list of notes that did not change is the same object as before, so the memoised cards
 * and clusters are not drawn again; the moved note and the two lists it left and joined
 * are new, and a change to a note's words or a cluster's name is seen.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCluster, moveNote, renameCluster } from '../../client/features/workshop/board-edits';
import { nextBoardModel, notesIn } from '../../client/features/workshop/board-model';
import { addRow, initItemDoc, list } from '../../shared/documents/item-doc';
import { readBoardState, writeBoardState } from '../../shared/documents/workshop-board';

function boardOf(notes: number) {
  const doc = new Y.Doc();
  initItemDoc(doc, 'workshop', 'Board');
  const a = addCluster(doc, 'Lighting');
  const b = addCluster(doc, 'Noise');
  for (let n = 0; n < notes; n += 1) {
    addRow(doc, 'workshop', 'notes', `n${n}`, { text: `Idea ${n}`, cluster: n % 2 ? a : b });
  }
  return { doc, a, b };
}

describe('the workshop board model', () => {
  it('keeps unchanged notes, clusters and lists as the same objects across a move', () => {
    const { doc, a, b } = boardOf(20);
    const before = nextBoardModel(doc, null);
    expect(notesIn(before, a)).toHaveLength(10);
    moveNote(doc, 'n1', b);
    const after = nextBoardModel(doc, before);
    const changed = after.notes.filter((note, i) => note !== before.notes[i]);
    expect(changed.map((note) => note.id)).toEqual(['n1']);
    expect(after.notes.find((note) => note.id === 'n1')?.cluster).toBe(b);
    expect(after.clusters).toBe(before.clusters);
    expect(after.state).toBe(before.state);
    expect(notesIn(after, a)).toHaveLength(9);
    expect(notesIn(after, b)).toHaveLength(11);
    expect(notesIn(after, a)).not.toBe(notesIn(before, a));
    // Read again with nothing changed: everything is as it was.
    expect(nextBoardModel(doc, after).notesIn).toBe(after.notesIn);
  });

  it('sees a note’s new words and a cluster’s new name', () => {
    const { doc, a } = boardOf(4);
    const before = nextBoardModel(doc, null);
    renameCluster(doc, a, 'Light at night');
    const text = list(doc, 'notes').get(0).get('text');
    if (!(text instanceof Y.Text)) throw new Error('a note’s words are a Y.Text');
    text.insert(0, 'More: ');
    const after = nextBoardModel(doc, before);
    expect(after.clusters.find((each) => each.id === a)?.label).toBe('Light at night');
    expect(after.notes[0]?.text).toBe('More: Idea 0');
    expect(after.notes[0]).not.toBe(before.notes[0]);
    expect(after.notes[1]).toBe(before.notes[1]);
  });

  it('sees the server’s new state, and keeps the old one while it is unchanged', () => {
    const { doc } = boardOf(2);
    const before = nextBoardModel(doc, null);
    expect(nextBoardModel(doc, before).state).toBe(before.state);
    writeBoardState(doc, { ...readBoardState(doc), revealed: true, results: { n0: 2 } });
    const after = nextBoardModel(doc, before);
    expect(after.state).not.toBe(before.state);
    expect(after.state.revealed).toBe(true);
    expect(after.state.results).toEqual({ n0: 2 });
  });
});
