/**
 * A version is a Yjs snapshot (state vector and delete set) of an item's document.
 * Each is stored with only the deletions made since the version before it, since a
 * document's delete set only ever grows and repeating it whole for every version
 * would cost more than the history's own content; the versions' delete sets are
 * rebuilt by adding those differences up in order.
 */
import * as Y from 'yjs';
import { rangeBoundary } from './authorship';

type Ranges = Array<{ clock: number; len: number }>;
type Clients = Map<number, Ranges>;

function clientsOf(ds: Y.Snapshot['ds']): Clients {
  return ds.clients as Clients;
}

function deleteSetOf(clients: Clients): Y.Snapshot['ds'] {
  const ds = Y.createDeleteSet();
  for (const [client, ranges] of clients) ds.clients.set(client, ranges.slice());
  return ds;
}

/** The ranges of `now` that `before` does not cover (`before` ⊆ `now` for one document). */
export function subtractDeleteSets(
  now: Y.Snapshot['ds'],
  before: Y.Snapshot['ds'],
): Y.Snapshot['ds'] {
  const out: Clients = new Map();
  const old = clientsOf(before);
  for (const [client, ranges] of clientsOf(now)) {
    const covered = old.get(client) ?? [];
    const left: Ranges = [];
    let j = 0;
    for (const range of ranges) {
      let start = range.clock;
      const end = range.clock + range.len;
      while (j < covered.length && (covered[j]?.clock ?? 0) + (covered[j]?.len ?? 0) <= start) j++;
      let k = j;
      while (start < end) {
        const cover = covered[k];
        if (!cover || cover.clock >= end) {
          left.push({ clock: start, len: end - start });
          break;
        }
        if (cover.clock > start) left.push({ clock: start, len: cover.clock - start });
        start = Math.max(start, cover.clock + cover.len);
        k += 1;
      }
    }
    if (left.length > 0) out.set(client, left);
  }
  return deleteSetOf(out);
}

/** A snapshot's state vector with the deletions since `previous` only, encoded. */
export function encodeVersionStep(now: Y.Snapshot, previous: Y.Snapshot | null): Uint8Array {
  const ds = previous ? subtractDeleteSets(now.ds, previous.ds) : now.ds;
  return Y.encodeSnapshotV2(Y.createSnapshot(ds, now.sv));
}

/** The snapshots of a run of versions from their encoded steps, oldest first. */
export function decodeVersionSteps(steps: readonly Uint8Array[]): Y.Snapshot[] {
  const out: Y.Snapshot[] = [];
  let previous: Y.Snapshot | null = null;
  for (const step of steps) {
    const decoded = Y.decodeSnapshotV2(step);
    const ds: Y.Snapshot['ds'] = previous
      ? Y.mergeDeleteSets([previous.ds, decoded.ds])
      : decoded.ds;
    previous = Y.createSnapshot(ds, decoded.sv);
    out.push(previous);
  }
  return out;
}

/** Whether a snapshot's state vector includes the struct `(client, clock)`. */
export function createdBy(snapshot: Y.Snapshot, client: number, clock: number): boolean {
  return (snapshot.sv.get(client) ?? 0) > clock;
}

/** Whether the character (or struct) `(client, clock)` is part of the document at `snapshot`. */
export function visibleAt(snapshot: Y.Snapshot, client: number, clock: number): boolean {
  return createdBy(snapshot, client, clock) && !Y.isDeleted(snapshot.ds, Y.createID(client, clock));
}

/** The first clock after `clock` at which visibility at `snapshot` may change. */
export function visibilityBoundary(snapshot: Y.Snapshot, client: number, clock: number): number {
  const created = snapshot.sv.get(client) ?? 0;
  const svBoundary = clock < created ? created : Number.POSITIVE_INFINITY;
  return Math.min(svBoundary, rangeBoundary(snapshot.ds.clients.get(client), clock));
}

/** The delete set as a plain update (no structs), to apply to a document. */
export function deleteSetUpdate(ds: Y.Snapshot['ds']): Uint8Array {
  // A version-1 update is its structs (a count of clients, here 0) then its delete set,
  // which is written exactly as a snapshot writes it before its state vector.
  const snapshot = Y.encodeSnapshot(Y.createSnapshot(ds, new Map()));
  const update = new Uint8Array(snapshot.length);
  update[0] = 0;
  update.set(snapshot.subarray(0, snapshot.length - 1), 1);
  return update;
}

/** Everything `doc` holds as a version-1 update without its deletions. */
export function structsOnlyUpdate(doc: Y.Doc): Uint8Array {
  const full = Y.encodeStateAsUpdate(doc);
  const ds = deleteSetUpdate(Y.snapshot(doc).ds);
  // `ds` is a count of 0 clients and then the delete set the full update ends with.
  const dsLength = ds.length - 1;
  const out = new Uint8Array(full.length - dsLength + 1);
  out.set(full.subarray(0, full.length - dsLength));
  out[out.length - 1] = 0;
  return out;
}
