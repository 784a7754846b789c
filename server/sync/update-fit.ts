/**
 * Whether a checked update (`update-check.ts`) fits a room's document as it will be
 * once every update accepted before it is applied: whether Yjs integrates all of it at
 * once, leaving nothing pending. An update that leaves structs pending is legitimate
 * in Yjs, but it is stored and passed on and then lies in every copy of the document
 * until its gap is filled, by anyone: structs that claim clocks of another client
 * ahead of that client's own, which `integrateStructs` later splices against the
 * real ones (Yjs 13.6 throws in `Item.integrate` when the clocks before them turn out
 * to be collected). So the room takes only updates that fit now:
 * - each client's structs start exactly at the room's clock for that client (or lie
 *   wholly before it: a repeat, which Yjs skips), with no Skip before a struct;
 * - every id an item names of another client is below the room's clock for it, or in
 *   this update, and the update's structs can be integrated in some order (no cycle).
 * Deletions are not checked: Yjs keeps a deletion of clocks it does not have as a
 * pending delete set and applies it when they come, which cannot fail.
 * A stock client that sent an update that does not fit (typed while its offline
 * changes were on their way) is asked to sync again: it answers a sync step 1 with
 * everything the room lacks, in one update that fits.
 */
import * as Y from 'yjs';
import { runEnd, type StructRun, type UpdateShape } from './update-check';

export class RoomClocks {
  private constructor(private readonly clocks: Map<number, number>) {}

  /** The clocks of a loaded document. */
  static of(doc: Y.Doc): RoomClocks {
    return new RoomClocks(Y.decodeStateVector(Y.encodeStateVector(doc)));
  }

  private clock(client: number): number {
    return this.clocks.get(client) ?? 0;
  }

  /** The state vector a client should sync against. */
  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.clocks);
  }

  /** Null if the update fits, else why not. */
  misfit(shape: UpdateShape): string | null {
    const { runs, references } = shape;
    /** One past the clocks the room will have of a client with this update (its runs only). */
    const covered = new Map<number, number>();
    for (const run of runs) {
      // Yjs reads only the last run of a client named twice; Yjs never writes one.
      if (covered.has(run.client)) return `client ${run.client} twice`;
      const have = this.clock(run.client);
      const end = runEnd(run);
      if (run.gap || run.start > have)
        return `gap before ${run.client}:${run.start} (have ${have})`;
      if (run.start < have && end > have) return `overlap at ${run.client}:${run.start}`;
      covered.set(run.client, Math.max(have, end));
    }
    let inUpdate = false;
    for (let r = 0; r < references.length; r += 4) {
      const client = references[r + 2] as number;
      const clock = references[r + 3] as number;
      const have = covered.get(client);
      if (have === undefined) {
        if (clock >= this.clock(client)) return `names ${client}:${clock}, not in the document`;
      } else if (clock >= have) return `names ${client}:${clock}, not in the document or update`;
      else if (clock >= this.clock(client)) inUpdate = true;
    }
    if (inUpdate && !integrable(runs, references, (client) => this.clock(client))) {
      return 'structs that depend on each other in a cycle';
    }
    return null;
  }

  /** Records an update that fits (or the server's own change) as applied. */
  accept(shape: UpdateShape): void {
    for (const run of shape.runs) {
      const end = runEnd(run);
      if (end > this.clock(run.client)) this.clocks.set(run.client, end);
    }
  }
}

/**
 * Whether Yjs can integrate every struct of the update: a walk like `integrateStructs`,
 * which integrates a client's structs in order and, for a struct that names a clock
 * of another client in the update, that client's structs up to it first. A client met
 * again while its own earlier struct waits is a cycle: Yjs would keep it pending.
 */
function integrable(
  runs: readonly StructRun[],
  references: readonly number[],
  roomClock: (client: number) => number,
): boolean {
  const needs = runs.map((run) => run.ends.map((): number[] => []));
  for (let r = 0; r < references.length; r += 4) {
    needs[references[r] as number]?.[references[r + 1] as number]?.push(
      references[r + 2] as number,
      references[r + 3] as number,
    );
  }
  const runOf = new Map(runs.map((run, index) => [run.client, index]));
  const next = runs.map(() => 0);
  const done = runs.map((run) => run.start);
  // Runs with an entry on the stack: one of them needed again is a cycle. The stack is
  // explicit, so that a long chain of clients cannot overflow the call stack.
  const onStack = new Set<number>();
  const integrateUpTo = (first: number, firstClock: number): boolean => {
    const stack: Array<[number, number]> = [[first, firstClock]];
    onStack.add(first);
    while (stack.length > 0) {
      const [index, clock] = stack[stack.length - 1] as [number, number];
      const run = runs[index] as StructRun;
      if (clock < Math.max(done[index] as number, roomClock(run.client))) {
        stack.pop();
        onStack.delete(index);
        continue;
      }
      const struct = next[index] as number;
      if (struct >= run.ends.length) return false; // names a clock past its run: cannot be
      const blocker = firstUnmet(needs[index]?.[struct] ?? [], runOf, done, roomClock);
      if (blocker === null) {
        done[index] = run.ends[struct] as number;
        next[index] = struct + 1;
      } else if (onStack.has(blocker[0])) return false;
      else {
        stack.push(blocker);
        onStack.add(blocker[0]);
      }
    }
    return true;
  };
  return runs.every((run, index) => integrateUpTo(index, runEnd(run) - 1));
}

/** The first clock a struct names that its run in the update has not reached yet. */
function firstUnmet(
  named: readonly number[],
  runOf: ReadonlyMap<number, number>,
  done: readonly number[],
  roomClock: (client: number) => number,
): [number, number] | null {
  for (let n = 0; n < named.length; n += 2) {
    const client = named[n] as number;
    const clock = named[n + 1] as number;
    const index = runOf.get(client);
    if (index === undefined || clock < roomClock(client)) continue;
    if (clock >= (done[index] as number)) return [index, clock];
  }
  return null;
}

/**
 * The part of `update` Yjs integrates into `doc` at once, as one update (empty when
 * nothing would): what a copy of the document emits when the update is applied to it.
 * The rest is what would wait as pending. It costs a copy of the document, so the room
 * uses it only for a client whose answer to a request to sync did not fit either: one
 * that holds structs that can never fit, yet whose own changes must still be saved.
 */
export function fittingPart(doc: Y.Doc, update: Uint8Array): Uint8Array {
  const copy = new Y.Doc();
  let fitting = Y.encodeStateAsUpdate(new Y.Doc());
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    copy.on('update', (integrated: Uint8Array) => {
      fitting = integrated;
    });
    Y.applyUpdate(copy, update);
  } finally {
    copy.destroy();
  }
  return fitting;
}
