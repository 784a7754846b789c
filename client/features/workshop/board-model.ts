/**
 * The board as the screen draws it, read from the document on every change but with
 * each note, cluster, cluster's list of notes and the server's state kept as the same
 * object while it is unchanged. With 16 moves a second on a 200-note board, that is
 * what lets the memoised cards skip drawing: one move redraws one card and two
 * clusters, not every card with its menus and buttons.
 */
import { useRef } from 'react';
import type * as Y from 'yjs';
import { metaMap, readRows } from '../../../shared/documents/item-doc';
import {
  type BoardCluster,
  type BoardLink,
  type BoardNote,
  type BoardOutcomes,
  boardOf,
  boardStateOf,
  type Board,
} from '../../../shared/documents/workshop-board';
import { MetaKey } from '../../../shared/documents/names';
import { type RowValues, useCachedRows } from '../../lib/cached-rows';
import { useYChanges } from '../../lib/y-hooks';

export interface BoardModel extends Board {
  /** Each cluster's notes by its id, and under `null` the ungrouped, in the document's order. */
  readonly notesIn: ReadonlyMap<string | null, readonly BoardNote[]>;
  /** The state as the document holds it: while it is the same value, it is not checked again. */
  readonly storedState: unknown;
}

const NONE: readonly BoardNote[] = [];

const sameLink = (a: BoardLink | null, b: BoardLink | null): boolean =>
  a === b || (a !== null && b !== null && a.itemId === b.itemId && a.rowId === b.rowId);

const sameOutcomes = (a: BoardOutcomes, b: BoardOutcomes): boolean =>
  a.ideaId === b.ideaId && sameLink(a.driver, b.driver) && sameLink(a.cause, b.cause);

const sameNote = (a: BoardNote, b: BoardNote): boolean =>
  a.text === b.text && a.author === b.author && a.cluster === b.cluster && sameOutcomes(a, b);

const sameCluster = (a: BoardCluster, b: BoardCluster): boolean =>
  a.label === b.label && sameOutcomes(a, b);

/** `fresh` with each row replaced by the previous object of its id when its fields are equal. */
function reuseRows<T extends { readonly id: string }>(
  fresh: readonly T[],
  previous: readonly T[],
  same: (a: T, b: T) => boolean,
): readonly T[] {
  const before = new Map(previous.map((row) => [row.id, row]));
  let changed = fresh.length !== previous.length;
  const rows = fresh.map((row, i) => {
    const old = before.get(row.id);
    const kept = old !== undefined && same(old, row) ? old : row;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? rows : previous;
}

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((each, i) => each === b[i]);

function group(
  notes: readonly BoardNote[],
  previous: ReadonlyMap<string | null, readonly BoardNote[]>,
): ReadonlyMap<string | null, readonly BoardNote[]> {
  const grouped = new Map<string | null, BoardNote[]>();
  for (const note of notes) {
    const into = grouped.get(note.cluster);
    if (into) into.push(note);
    else grouped.set(note.cluster, [note]);
  }
  const kept = new Map<string | null, readonly BoardNote[]>();
  for (const [cluster, fresh] of grouped) {
    const old = previous.get(cluster);
    kept.set(cluster, old !== undefined && sameList(old, fresh) ? old : fresh);
  }
  return kept;
}

/** How the model reads a list's readable rows: straight from the document unless given. */
export type ReadList = (listKey: 'clusters' | 'notes') => readonly RowValues[];

/** Reads `doc` again after `previous`, keeping every unchanged part's identity. */
export function nextBoardModel(
  doc: Y.Doc,
  previous: BoardModel | null,
  readList: ReadList = (listKey) => readRows(doc, listKey),
): BoardModel {
  const storedState = metaMap(doc).get(MetaKey.Board);
  const checked =
    previous !== null && storedState === previous.storedState
      ? previous.state
      : boardStateOf(storedState);
  const fresh = boardOf(checked, readList('clusters'), readList('notes'));
  if (previous === null) return { ...fresh, notesIn: group(fresh.notes, new Map()), storedState };
  // The state is small (settings, and counts once revealed): compared as written.
  const state =
    checked === previous.state || JSON.stringify(previous.state) === JSON.stringify(checked)
      ? previous.state
      : checked;
  const notes = reuseRows(fresh.notes, previous.notes, sameNote);
  return {
    storedState,
    state,
    clusters: reuseRows(fresh.clusters, previous.clusters, sameCluster),
    notes,
    notesIn: notes === previous.notes ? previous.notesIn : group(notes, previous.notesIn),
  };
}

/** The notes `model` holds in `cluster` (null: the ungrouped), an empty list when none. */
export const notesIn = (model: BoardModel, cluster: string | null): readonly BoardNote[] =>
  model.notesIn.get(cluster) ?? NONE;

/** The board, read again whenever its document changes, unchanged parts kept as they were. */
export function useBoardModel(doc: Y.Doc): BoardModel {
  useYChanges(metaMap(doc));
  // Each row is read and checked once until it changes: a move reads one note again, not 200.
  const notes = useCachedRows(doc, 'notes');
  const clusters = useCachedRows(doc, 'clusters');
  const last = useRef<BoardModel | null>(null);
  last.current = nextBoardModel(doc, last.current, (listKey) =>
    (listKey === 'notes' ? notes : clusters).read(),
  );
  return last.current;
}

/** How the board names a note or cluster in its buttons and live region. */
export const quoted = (text: string): string => `“${text || '(empty)'}”`;
