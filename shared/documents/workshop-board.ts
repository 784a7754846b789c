/**
 * A workshop board as its document holds it: the server's state under meta key
 * `board` (prompt, settings, counts once revealed) and the clusters and notes rows.
 * Read by the board on screen, the exports and the tests.
 */
import type * as Y from 'yjs';
import { type BoardState, BoardStateSchema, defaultWorkshopSettings } from '../schemas/workshop';
import { type FieldValue, metaMap, readRows } from './item-doc';
import { MetaKey } from './names';

/** Where a cluster or note was added in another diagram: the diagram and its row there. */
export interface BoardLink {
  readonly itemId: string;
  readonly rowId: string;
}

/** What a cluster or note became: a change idea, a driver, a cause (each once, by the server). */
export interface BoardOutcomes {
  readonly ideaId: string | null;
  readonly driver: BoardLink | null;
  readonly cause: BoardLink | null;
}

export interface BoardNote extends BoardOutcomes {
  readonly id: string;
  readonly text: string;
  /** Empty on an anonymous board: the document never holds who wrote it. */
  readonly author: string;
  /** The cluster's id, or null while ungrouped (or its cluster was removed). */
  readonly cluster: string | null;
}

export interface BoardCluster extends BoardOutcomes {
  readonly id: string;
  readonly label: string;
}

export interface Board {
  readonly state: BoardState;
  readonly clusters: readonly BoardCluster[];
  readonly notes: readonly BoardNote[];
}

export function emptyBoardState(): BoardState {
  return { ...defaultWorkshopSettings(), results: null };
}

/** The server's state from what meta key `board` holds; the defaults when absent or damaged. */
export function boardStateOf(stored: unknown): BoardState {
  const parsed = BoardStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : emptyBoardState();
}

/** The server's state as written; the defaults when absent or damaged. */
export function readBoardState(doc: Y.Doc): BoardState {
  return boardStateOf(metaMap(doc).get(MetaKey.Board));
}

/** Written by the server only (the schema guard refuses it from clients). */
export function writeBoardState(doc: Y.Doc, state: BoardState): void {
  metaMap(doc).set(MetaKey.Board, BoardStateSchema.parse(state));
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const ref = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

function link(item: unknown, row: unknown): BoardLink | null {
  const itemId = ref(item);
  const rowId = ref(row);
  return itemId !== null && rowId !== null ? { itemId, rowId } : null;
}

function outcomes(row: Record<string, unknown>): BoardOutcomes {
  return {
    ideaId: ref(row.ideaId),
    driver: link(row.driverDiagram, row.driverNode),
    cause: link(row.causeFishbone, row.causeNode),
  };
}

/** A row of a list as `readRows` gives it. */
type Row = Readonly<Record<string, FieldValue>>;

/** The board from its state and its lists' readable rows (`readRows`), in the document's order. */
export function boardOf(
  state: BoardState,
  clusterRows: readonly Row[],
  noteRows: readonly Row[],
): Board {
  const clusters = clusterRows.map((row) => ({
    id: str(row.id),
    label: str(row.label),
    ...outcomes(row),
  }));
  const known = new Set(clusters.map((cluster) => cluster.id));
  const notes = noteRows.map((row) => {
    const cluster = ref(row.cluster);
    return {
      id: str(row.id),
      text: str(row.text),
      author: str(row.author),
      cluster: cluster !== null && known.has(cluster) ? cluster : null,
      ...outcomes(row),
    };
  });
  return { state, clusters, notes };
}

export function readBoard(doc: Y.Doc): Board {
  return boardOf(readBoardState(doc), readRows(doc, 'clusters'), readRows(doc, 'notes'));
}

/** A cluster's or note's count once revealed (0 when it has none). */
export function countOf(state: BoardState, target: string): number | null {
  if (!state.revealed || state.results === null) return null;
  return state.results[target] ?? 0;
}
