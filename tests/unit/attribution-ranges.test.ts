/**
 * Attributing an update from what the update check read of it (the edit path, which no
 * longer decodes each update again) gives exactly what attributing its bytes gives, and
 * both agree with a plain per-clock record of who wrote and who deleted each struct, also
 * when deletions arrive out of clock order and touch earlier ranges of the same person.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../server/sync/update-check';
import { UpdateAttribution } from '../../shared/history/attribute-update';
import { Authorship } from '../../shared/history/authorship';
import { prng } from '../helpers/prng';
import { editingSession } from '../helpers/update-corpora';

const PEOPLE = ['ann', 'bob', 'cat'];

/** The plainest record: who first wrote and who first deleted each clock, one by one. */
class EveryClock {
  private readonly known = new Map<number, number>();
  readonly wrote = new Map<string, string>();
  readonly deleted = new Map<string, string>();

  add(update: Uint8Array, person: string): void {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) {
      const { client, clock } = struct.id;
      if (struct instanceof Y.Skip) continue;
      const known = this.known.get(client) ?? 0;
      for (let at = Math.max(clock, known); at < clock + struct.length; at++)
        if (struct instanceof Y.Item) this.wrote.set(`${client}:${at}`, person);
      this.known.set(client, Math.max(known, clock + struct.length));
    }
    for (const [client, ranges] of ds.clients)
      for (const { clock, len } of ranges)
        for (let at = clock; at < clock + len; at++)
          if (!this.deleted.has(`${client}:${at}`)) this.deleted.set(`${client}:${at}`, person);
  }

  /** What `authorship` says of every clock this record has seen. */
  read(authorship: Authorship): { wrote: Map<string, string>; deleted: Map<string, string> } {
    const wrote = new Map<string, string>();
    const deleted = new Map<string, string>();
    for (const [client, end] of this.known)
      for (let at = 0; at < end; at++) {
        const author = authorship.authorOf(client, at);
        const deleter = authorship.deleterOf(client, at);
        if (author !== null) wrote.set(`${client}:${at}`, author);
        if (deleter !== null) deleted.set(`${client}:${at}`, deleter);
      }
    return { wrote, deleted };
  }
}

describe('attribution from the update check', () => {
  it('records the same authors and deleters as attribution from the bytes, for many sessions', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = prng(seed);
      const updates = editingSession(random);
      const doc = new Y.Doc({ gc: false });
      const fromBytes = new Authorship();
      const fromCheck = new Authorship();
      const bytes = new UpdateAttribution(fromBytes, doc);
      const checked = new UpdateAttribution(fromCheck, doc);
      const plain = new EveryClock();
      updates.forEach((update, index) => {
        const person = PEOPLE[index % PEOPLE.length] as string;
        const { written } = checkUpdate(update, true);
        if (written === null) throw new Error('the check collected nothing');
        bytes.add(update, person);
        checked.add(written, person);
        // The same update again (a sync answer) is nobody's new work.
        checked.add(written, 'mallory');
        plain.add(update, person);
        Y.applyUpdate(doc, update);
      });
      expect(fromCheck.toJSON(), `seed ${seed}`).toEqual(fromBytes.toJSON());
      expect(JSON.stringify(fromCheck.toJSON())).not.toContain('mallory');
      const read = plain.read(fromCheck);
      expect(read.wrote, `seed ${seed}`).toEqual(plain.wrote);
      expect(read.deleted, `seed ${seed}`).toEqual(plain.deleted);
    }
  });

  it('keeps who deleted what when deletions come out of clock order', () => {
    const writer = new Y.Doc();
    writer.clientID = 7;
    const text = writer.getText('text');
    text.insert(0, 'abcdefghijklmnopqrstuvwxyz0123456789');
    const doc = new Y.Doc({ gc: false });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer));
    const authorship = new Authorship();
    const attribution = new UpdateAttribution(authorship, doc);
    const expected = new Map<number, string>();
    const random = prng(99);
    // Single characters deleted at random places by three people, so their ranges
    // land before, between and after earlier ones, touching them or not.
    for (let round = 0; round < 30 && text.length > 0; round++) {
      const person = PEOPLE[Math.floor(random() * PEOPLE.length)] as string;
      const before = Y.encodeStateVector(writer);
      const at = Math.floor(random() * text.length);
      const deletedClock = Y.createRelativePositionFromTypeIndex(text, at).item?.clock;
      text.delete(at, 1);
      const update = Y.encodeStateAsUpdate(writer, before);
      const { written } = checkUpdate(update, true);
      if (written === null || deletedClock === undefined) throw new Error('nothing to attribute');
      attribution.add(written, person);
      Y.applyUpdate(doc, update);
      expected.set(deletedClock, person);
    }
    const recorded = new Map<number, string>();
    for (let clock = 0; clock < 36; clock++) {
      const deleter = authorship.deleterOf(7, clock);
      if (deleter !== null) recorded.set(clock, deleter);
    }
    expect(recorded.size).toBeGreaterThan(20);
    expect(recorded).toEqual(expected);
  });
});
