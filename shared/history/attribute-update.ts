/**
 * Attributes one stored update to the account that sent it: the structs it adds
 * beyond what the document already had (by clock, per client) are that account's
 * writing, and the ranges it newly deletes are that account's deletions. A client
 * answering a sync sends back structs and deletions the document already has;
 * those are nobody's new work and are not attributed again.
 */
import * as Y from 'yjs';
import type { Authorship } from './authorship';

/** Per client, sorted and disjoint `[start, end)` ranges of deleted clocks. */
class DeletedClocks {
  private readonly byClient = new Map<number, Array<[number, number]>>();

  /** Adds `[clock, clock+len)`; returns the parts that were not deleted before. */
  add(client: number, clock: number, len: number): Array<[number, number]> {
    let ranges = this.byClient.get(client);
    if (!ranges) {
      ranges = [];
      this.byClient.set(client, ranges);
    }
    const end = clock + len;
    // First range that ends at or after `clock` (touching ranges merge).
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((ranges[mid] as [number, number])[1] < clock) lo = mid + 1;
      else hi = mid;
    }
    const fresh: Array<[number, number]> = [];
    let cursor = clock;
    let last = lo;
    let start = clock;
    let stop = end;
    while (last < ranges.length && (ranges[last] as [number, number])[0] <= end) {
      const [from, to] = ranges[last] as [number, number];
      if (from > cursor) fresh.push([cursor, Math.min(from, end) - cursor]);
      cursor = Math.max(cursor, to);
      start = Math.min(start, from);
      stop = Math.max(stop, to);
      last += 1;
    }
    if (cursor < end) fresh.push([cursor, end - cursor]);
    ranges.splice(lo, last - lo, [start, stop]);
    return fresh.filter(([, length]) => length > 0);
  }
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

  /** Records an update the document takes next, sent by `userId` (null: the server). */
  add(update: Uint8Array, userId: string | null): void {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      if (struct instanceof Y.Skip) continue;
      const { client, clock } = struct.id;
      const end = clock + struct.length;
      const known = this.clocks.get(client) ?? 0;
      if (end <= known) continue;
      const from = Math.max(clock, known);
      this.clocks.set(client, end);
      if (userId !== null && !(struct instanceof Y.GC))
        this.target.inserted(client, from, end - from, userId);
    }
    for (const [client, ranges] of ds.clients)
      for (const range of ranges)
        for (const [clock, len] of this.deleted.add(client, range.clock, range.len))
          if (userId !== null) this.target.deleted(client, clock, len, userId);
  }
}
