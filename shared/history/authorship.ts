/**
 * Who wrote and who deleted each character of a document: ranges of Yjs struct ids
 * (client, clock, length) with the account that sent them. The server records a
 * range for the account of the connection the update arrived on, and only for
 * clocks it had not seen before, so a client that reuses someone else's client id
 * is recorded as the author of what it sent, never the other person.
 */
export type AuthorRange = readonly [client: number, clock: number, length: number, author: number];

/** Plain JSON: the people once, then ranges naming them by index. */
export interface AuthorshipData {
  readonly people: readonly string[];
  readonly inserted: readonly AuthorRange[];
  readonly deleted: readonly AuthorRange[];
}

type Run = { clock: number; len: number; author: number };

/**
 * For ranges sorted by clock: the end of the range holding `clock`, or else the start
 * of the next range (Infinity if none), so that nothing about `clock` changes before it.
 */
export function rangeBoundary(
  ranges: ReadonlyArray<{ readonly clock: number; readonly len: number }> | undefined,
  clock: number,
): number {
  if (!ranges) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = ranges.length;
  // First range that ends after `clock`.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid] as { clock: number; len: number };
    if (range.clock + range.len <= clock) lo = mid + 1;
    else hi = mid;
  }
  const range = ranges[lo];
  if (!range) return Number.POSITIVE_INFINITY;
  return range.clock <= clock ? range.clock + range.len : range.clock;
}

class RangeIndex {
  private readonly byClient = new Map<number, Run[]>();

  add(client: number, clock: number, len: number, author: number): void {
    if (len <= 0) return;
    let runs = this.byClient.get(client);
    if (!runs) {
      runs = [];
      this.byClient.set(client, runs);
    }
    const last = runs[runs.length - 1];
    if (last && last.author === author && last.clock + last.len === clock) {
      last.len += len;
      return;
    }
    if (!last || last.clock + last.len <= clock) {
      runs.push({ clock, len, author });
      return;
    }
    // Out of order (deletions can be of any earlier clock): insert sorted, found by
    // binary search (a long document has tens of thousands of runs), and joined to a
    // neighbour by the same author that it touches, so the list stays short.
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((runs[mid] as Run).clock > clock) hi = mid;
      else lo = mid + 1;
    }
    const before = runs[lo - 1];
    const after = runs[lo];
    const joinsBefore = before?.author === author && before.clock + before.len === clock;
    const joinsAfter = after?.author === author && clock + len === after.clock;
    if (joinsBefore && joinsAfter) {
      before.len += len + after.len;
      runs.splice(lo, 1);
    } else if (joinsBefore) before.len += len;
    else if (joinsAfter) {
      after.clock = clock;
      after.len += len;
    } else runs.splice(lo, 0, { clock, len, author });
  }

  find(client: number, clock: number): number | null {
    const runs = this.byClient.get(client);
    if (!runs) return null;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = runs[mid] as Run;
      if (clock < run.clock) hi = mid - 1;
      else if (clock >= run.clock + run.len) lo = mid + 1;
      else return run.author;
    }
    return null;
  }

  /** The first clock after `clock` at which the run that holds it (or the gap) ends. */
  boundary(client: number, clock: number): number {
    return rangeBoundary(this.byClient.get(client), clock);
  }

  ranges(): AuthorRange[] {
    const out: AuthorRange[] = [];
    for (const [client, runs] of this.byClient)
      for (const run of runs) out.push([client, run.clock, run.len, run.author]);
    return out;
  }
}

export class Authorship {
  private readonly people: string[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly inserts = new RangeIndex();
  private readonly deletes = new RangeIndex();

  static from(data: AuthorshipData | null): Authorship {
    const authorship = new Authorship();
    if (!data) return authorship;
    for (const person of data.people) authorship.person(person);
    for (const [client, clock, len, author] of data.inserted)
      authorship.inserts.add(client, clock, len, author);
    for (const [client, clock, len, author] of data.deleted)
      authorship.deletes.add(client, clock, len, author);
    return authorship;
  }

  private person(userId: string): number {
    let index = this.indexOf.get(userId);
    if (index === undefined) {
      index = this.people.length;
      this.people.push(userId);
      this.indexOf.set(userId, index);
    }
    return index;
  }

  /** Records that `userId` created the structs `(client, clock … clock+len-1)`. */
  inserted(client: number, clock: number, len: number, userId: string): void {
    this.inserts.add(client, clock, len, this.person(userId));
  }

  /** Records that `userId` deleted the structs `(client, clock … clock+len-1)`. */
  deleted(client: number, clock: number, len: number, userId: string): void {
    this.deletes.add(client, clock, len, this.person(userId));
  }

  authorOf(client: number, clock: number): string | null {
    const index = this.inserts.find(client, clock);
    return index === null ? null : (this.people[index] ?? null);
  }

  /** The first clock after `clock` whose author or deleter may differ from its. */
  boundary(client: number, clock: number): number {
    return Math.min(this.inserts.boundary(client, clock), this.deletes.boundary(client, clock));
  }

  deleterOf(client: number, clock: number): string | null {
    const index = this.deletes.find(client, clock);
    return index === null ? null : (this.people[index] ?? null);
  }

  /** Adds everything `other` records. */
  merge(other: Authorship): void {
    const data = other.toJSON();
    for (const [client, clock, len, author] of data.inserted)
      this.inserted(client, clock, len, data.people[author] ?? '');
    for (const [client, clock, len, author] of data.deleted)
      this.deleted(client, clock, len, data.people[author] ?? '');
  }

  toJSON(): AuthorshipData {
    return {
      people: this.people.slice(),
      inserted: this.inserts.ranges(),
      deleted: this.deletes.ranges(),
    };
  }
}
