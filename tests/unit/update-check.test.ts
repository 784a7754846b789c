/**
 * `checkUpdate` must agree with `Y.decodeUpdate` on every input but two kinds: it
 * accepts every update Yjs writes (all struct and content kinds) and refuses exactly
 * what Yjs cannot read, plus structs and deleted ranges of length 0 and items that name
 * their own client at or after their own clock, which Yjs reads but never writes and
 * cannot apply. Checked on every truncation, on thousands
 * of damaged copies of those updates, and by applying thousands of random well-formed
 * updates to a real document: none that it accepts may fail to apply.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../server/sync/update-check';
import { prng } from '../helpers/prng';
import {
  CLIENT,
  Content,
  ORIGIN,
  randomWellFormedUpdate,
  sampleUpdates,
  twoPersonDocument,
  writeId,
} from '../helpers/update-corpora';

/** Whether an item names its own client at or after its own clock (Yjs cannot find it). */
function namesItselfOrLater(struct: Y.Item | Y.GC | Y.Skip): boolean {
  if (!(struct instanceof Y.Item)) return false;
  const { client, clock } = struct.id;
  const parent = struct.parent instanceof Y.ID ? struct.parent : null;
  return [struct.origin, struct.rightOrigin, parent].some(
    (id) => id !== null && id.client === client && id.clock >= clock,
  );
}

/**
 * What `checkUpdate` should accept: what Yjs reads, without anything of length 0 and
 * without an item that names its own client at or after its own clock.
 */
function yjsReads(update: Uint8Array): boolean {
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    if (structs.some((struct) => struct.length === 0 || namesItselfOrLater(struct))) return false;
    for (const ranges of ds.clients.values())
      if (ranges.some((range) => range.len === 0)) return false;
    return true;
  } catch {
    return false;
  }
}

function checkAccepts(update: Uint8Array): boolean {
  try {
    checkUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** One client's structs from clock 0 (`count` of them, written by `write`), no deletions. */
function handWrittenUpdate(write: (encoder: encoding.Encoder) => void, count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, CLIENT);
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

function yjsReadsLoosely(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

describe('checkUpdate', () => {
  const samples = sampleUpdates();

  it('accepts every kind of update Yjs writes', () => {
    const kinds = new Set<string>();
    for (const update of samples) {
      for (const struct of Y.decodeUpdate(update).structs) {
        kinds.add(
          struct instanceof Y.Item ? struct.content.constructor.name : struct.constructor.name,
        );
      }
      expect(() => checkUpdate(update)).not.toThrow();
    }
    expect([...kinds].sort()).toEqual([
      'ContentAny',
      'ContentBinary',
      'ContentDeleted',
      'ContentDoc',
      'ContentEmbed',
      'ContentFormat',
      'ContentJSON',
      'ContentString',
      'ContentType',
      'GC',
      'Skip',
    ]);
  });

  it('agrees with Y.decodeUpdate on every truncation and every single-byte change', () => {
    const disagreements: string[] = [];
    let refused = 0;
    for (const [index, update] of samples.entries()) {
      const variants: Uint8Array[] = [];
      for (let end = 0; end < update.length; end++) variants.push(update.slice(0, end));
      for (let at = 0; at < update.length; at++) {
        for (const value of [0x00, 0x01, 0x02, 0x0a, 0x7f, 0x80, 0xff]) {
          const changed = update.slice();
          changed[at] = value;
          variants.push(changed);
        }
      }
      for (const variant of variants) {
        const yjs = yjsReads(variant);
        if (!yjs) refused++;
        if (yjs !== checkAccepts(variant)) {
          disagreements.push(`sample ${index}: [${Array.from(variant).join(',')}] yjs=${yjs}`);
        }
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(refused).toBeGreaterThan(1000);
  });

  it('agrees with Y.decodeUpdate on randomly damaged and spliced updates', () => {
    const random = prng(20261126);
    const pick = <T>(items: readonly T[]): T => {
      const item = items[Math.floor(random() * items.length)];
      if (item === undefined) throw new Error('nothing to pick from');
      return item;
    };
    const disagreements: string[] = [];
    for (let round = 0; round < 5000; round++) {
      const bytes = Array.from(pick(samples));
      const edits = 1 + Math.floor(random() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (bytes.length + 1));
        const kind = random();
        if (kind < 0.4) bytes[at] = Math.floor(random() * 256);
        else if (kind < 0.6) bytes.splice(at, 0, Math.floor(random() * 256));
        else if (kind < 0.8) bytes.splice(at, 1 + Math.floor(random() * 3));
        else bytes.splice(at, 0, ...Array.from(pick(samples)).slice(0, 8));
      }
      const variant = Uint8Array.from(bytes);
      const yjs = yjsReads(variant);
      if (yjs !== checkAccepts(variant)) {
        disagreements.push(`[${bytes.join(',')}] yjs=${yjs}`);
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('refuses structs and deleted ranges of length 0, which Yjs reads but cannot always apply', () => {
    const emptyString = handWrittenUpdate((encoder) => {
      encoding.writeUint8(encoder, Content.String);
      encoding.writeVarUint(encoder, 1); // parent: a root type named by a string
      encoding.writeVarString(encoder, 'text');
      encoding.writeVarString(encoder, '');
      // The next item names the empty one as its origin: Yjs throws while integrating it.
      encoding.writeUint8(encoder, Content.String | ORIGIN);
      writeId(encoder, [CLIENT, 0]);
      encoding.writeVarString(encoder, 'x');
    }, 2);
    expect(yjsReadsLoosely(emptyString)).toBe(true);
    expect(() => Y.applyUpdate(new Y.Doc(), emptyString)).toThrow();
    expect(() => checkUpdate(emptyString)).toThrow('empty struct or range');
    const emptyDeletion = Uint8Array.from([0, 1, 7, 1, 3, 0]); // client 7: clock 3, length 0
    expect(yjsReadsLoosely(emptyDeletion)).toBe(true);
    expect(() => checkUpdate(emptyDeletion)).toThrow('empty struct or range');
  });

  it('accepts no update that then fails to apply to a real document', () => {
    const random = prng(1126);
    const target = twoPersonDocument();
    const state = Y.encodeStateAsUpdate(target.doc);
    const failures: string[] = [];
    let accepted = 0;
    let refusedEmpty = 0;
    for (let round = 0; round < 3000; round++) {
      const update = randomWellFormedUpdate(random, target.ids);
      try {
        checkUpdate(update);
      } catch (error) {
        if (String(error).includes('empty struct or range')) refusedEmpty++;
        continue;
      }
      accepted++;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, state);
      try {
        Y.applyUpdate(doc, update);
        Y.encodeStateAsUpdate(doc);
      } catch (error) {
        failures.push(`[${Array.from(update).join(',')}]: ${String(error)}`);
      }
      doc.destroy();
    }
    expect(failures.slice(0, 3)).toEqual([]);
    expect(accepted).toBeGreaterThan(1500);
    expect(refusedEmpty).toBeGreaterThan(100);
  });

  it('refuses reading past the end of the update even when more bytes follow in its buffer', () => {
    const [update] = samples;
    if (!update) throw new Error('no sample');
    const inBigger = new Uint8Array(update.length + 64).fill(0);
    inBigger.set(update.subarray(0, update.length - 1));
    expect(() => checkUpdate(inBigger.subarray(0, update.length - 1))).toThrow();
  });
});
