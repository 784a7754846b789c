/**
 * Attributes one stored update to the account that sent it: the structs it adds
 * beyond what the document already had (by clock, per client) are that account's
 * writing, and the ranges it newly deletes are that account's deletions. A client
 * answering a sync sends back structs and deletions the document already has;
 * those are nobody's new work and are not attributed again.
 */
import * as Y from 'yjs';
import type { Authorship } from './authorship';

/**
 * Per client, sorted and disjoint `[start, end)` ranges of deleted clocks, kept flat
 * (`start, end, start, end, …`): a long document has thousands of ranges, and an
 * insertion in the middle moves numbers rather than pointers to pairs.
 */
class DeletedClocks {
  private readonly byClient = new Map<number, number[]>();
  /** The parts the last `add` found not deleted before, flat like the ranges (reused). */
  readonly fresh: number[] = [];

  /**
   * Adds `[clock, clock+len)`; the parts that were not deleted before are left in
   * `fresh`, in clock order, until the next call.
   */
  add(client: number, clock: number, len: number): void {
    let ranges = this.byClient.get(client);
    if (!ranges) {
      ranges = [];
      this.byClient.set(client, ranges);
    }
    const fresh = this.fresh;
    fresh.length = 0;
    const end = clock + len;
    const count = ranges.length >> 1;
    // First range that ends at or after `clock` (touching ranges merge).
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ranges[2 * mid + 1] as number) < clock) lo = mid + 1;
      else hi = mid;
    }
    let cursor = clock;
    let last = lo;
    let start = clock;
    let stop = end;
    while (last < count && (ranges[2 * last] as number) <= end) {
      const from = ranges[2 * last] as number;
      const to = ranges[2 * last + 1] as number;
      if (from > cursor) fresh.push(cursor, Math.min(from, end) - cursor);
      cursor = Math.max(cursor, to);
      start = Math.min(start, from);
      stop = Math.max(stop, to);
      last += 1;
    }
    if (cursor < end) fresh.push(cursor, end - cursor);
    if (last === lo + 1) {
      // Overlapping or touching one range: it grows in place.
      ranges[2 * lo] = start;
      ranges[2 * lo + 1] = stop;
    } else if (last === lo && lo === count) ranges.push(start, stop);
    else ranges.splice(2 * lo, 2 * (last - lo), start, stop);
  }
}

/** One struct of an update as attribution needs it: which clocks it covers, and whether it writes. */
export interface WrittenStruct {
  /** An item writes content; a GC covers collected clocks; a Skip covers clocks it leaves out. */
  readonly is: 'item' | 'gc' | 'skip';
  readonly client: number;
  readonly clock: number;
  readonly length: number;
}

/**
 * What an update covers, without its content: its structs in update order and its deleted
 * ranges by client. The server's update check collects this in the walk it makes anyway
 * (`server/sync/update-structs.ts`), so the edit path need not decode the update again.
 */
export interface WrittenRanges {
  readonly structs: readonly WrittenStruct[];
  readonly deletes: ReadonlyMap<
    number,
    ReadonlyArray<{ readonly clock: number; readonly len: number }>
  >;
}

/** `update` decoded by Yjs into the ranges it covers (for callers without the server's walk). */
function writtenRanges(update: Uint8Array): WrittenRanges {
  const { structs, ds } = Y.decodeUpdate(update);
  return {
    structs: structs.map((struct) => ({
      is: struct instanceof Y.Skip ? 'skip' : struct instanceof Y.GC ? 'gc' : 'item',
      client: struct.id.client,
      clock: struct.id.clock,
      length: struct.length,
    })),
    deletes: ds.clients,
  };
}

export class UpdateAttribution {
  private readonly clocks = new Map<number, number>();
  private readonly deleted = new DeletedClocks();

  /** Starts from what `doc` holds now: none of it is attributed again. */
  /** Where attributions go; swapped for a fresh one each time they are stored. */
  target: Authorship;

  constructor(authorship: Authorship, doc: Y.Doc) {
    this.target = authorship;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc)))
      this.clocks.set(client, clock);
    for (const [client, ranges] of Y.snapshot(doc).ds.clients)
      for (const range of ranges) this.deleted.add(client, range.clock, range.len);
  }

  /**
   * Records an update the document takes next, sent by `userId` (null: the server),
   * given as bytes or as the ranges it covers (the same attribution either way).
   */
  add(update: Uint8Array | WrittenRanges, userId: string | null): void {
    const { structs, deletes } = update instanceof Uint8Array ? writtenRanges(update) : update;
    // An update lists each client's structs together, in clock order: the clock known
    // of the client is read and written once per client, and its consecutive new items
    // are recorded as one range (a typed burst is hundreds of structs, one range).
    let client = Number.NaN;
    let known = 0;
    let from = 0;
    let end = 0;
    const record = () => {
      if (userId !== null && end > from) this.target.inserted(client, from, end - from, userId);
    };
    // Indexed loops, no destructuring: this runs on every update, much of it before the
    // code is optimised, where iterators and destructured pairs cost several times more.
    for (let i = 0; i < structs.length; i++) {
      const struct = structs[i] as WrittenStruct;
      if (struct.client !== client) {
        record();
        if (!Number.isNaN(client)) this.clocks.set(client, known);
        client = struct.client;
        known = this.clocks.get(client) ?? 0;
        from = known;
        end = known;
      }
      if (struct.is === 'skip') continue;
      const structEnd = struct.clock + struct.length;
      if (structEnd <= known) continue;
      const start = Math.max(struct.clock, known);
      known = structEnd;
      if (struct.is !== 'item') continue;
      if (start !== end) {
        record();
        from = start;
      }
      end = structEnd;
    }
    record();
    if (!Number.isNaN(client)) this.clocks.set(client, known);
    deletes.forEach((ranges, client) => {
      for (let r = 0; r < ranges.length; r++) {
        const range = ranges[r] as { readonly clock: number; readonly len: number };
        this.deleted.add(client, range.clock, range.len);
        const fresh = this.deleted.fresh;
        if (userId !== null)
          for (let i = 0; i < fresh.length; i += 2)
            this.target.deleted(client, fresh[i] as number, fresh[i + 1] as number, userId);
      }
    });
  }
}
