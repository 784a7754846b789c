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

/** Updates covering every struct and content kind Yjs writes in encoding v1. */
function sampleUpdates(): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  text.insert(0, 'Falls at night, ünïcödé and emoji 🙂');
  text.format(0, 5, { bold: true, link: { href: 'https://example.org' } });
  text.insertEmbed(3, { image: 'chart.png' });
  text.delete(2, 4);
  const map = doc.getMap('fields');
  map.set('number', 42);
  map.set('negative', -7);
  map.set('float', 3.25);
  map.set('big', 2n ** 40n);
  map.set('flags', [true, false, null, undefined]);
  map.set('nested', { a: [1, 'two', { three: 3 }], b: new Uint8Array([1, 2, 3]) });
  map.set('binary', new Uint8Array([9, 8, 7]));
  map.set('list', new Y.Array());
  (map.get('list') as Y.Array<unknown>).push(['a', 1, { b: 2 }]);
  map.set('number', 43); // overwrites: the old value is deleted
  map.set('subdoc', new Y.Doc({ guid: 'sub-document' }));
  const fragment = doc.getXmlFragment('section');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('class', 'aim');
  paragraph.insert(0, [new Y.XmlText('Reduce falls by 30%')]);
  // Yjs's typings list only elements and text as fragment children; hooks are allowed too.
  const hook = new Y.XmlHook('chart') as unknown as Y.XmlElement;
  fragment.insert(0, [paragraph, hook]);
  fragment.delete(1, 1);
  map.delete('list'); // a deleted type's content is collected: GC structs in the state
  updates.push(Y.encodeStateAsUpdate(doc));
  // A merge of non-adjacent updates holds Skip structs.
  const first = updates[0];
  const third = updates[2];
  if (first && third) updates.push(Y.mergeUpdates([first, third]));
  updates.push(handWrittenJsonContent());
  return updates;
}

/** Yjs no longer writes ContentJSON (kind 2) but still reads it: one Item with two values. */
function handWrittenJsonContent(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // clients
  encoding.writeVarUint(encoder, 1); // structs
  encoding.writeVarUint(encoder, 5); // client
  encoding.writeVarUint(encoder, 0); // clock
  encoding.writeUint8(encoder, 2); // info: ContentJSON, parent follows
  encoding.writeVarUint(encoder, 1); // parent is a root type named by a string
  encoding.writeVarString(encoder, 'legacy');
  encoding.writeVarUint(encoder, 2); // two values
  encoding.writeVarString(encoder, '{"a":1}');
  encoding.writeVarString(encoder, 'undefined');
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

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

/** Yjs's content kinds and info bits, for hand-written updates. */
const Content = { Deleted: 1, Json: 2, Binary: 3, String: 4, Embed: 5, Format: 6, Type: 7, Any: 8 };
const ORIGIN = 128;
const RIGHT_ORIGIN = 64;
const PARENT_SUB = 32;
const CLIENT = 999;
type Id = readonly [client: number, clock: number];

function writeId(encoder: encoding.Encoder, [client, clock]: Id): void {
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
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

/** A document two people edited (text with formats, a map, an array, XML), and its ids. */
function twoPersonDocument(): { doc: Y.Doc; ids: Id[] } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.clientID = 1;
  b.clientID = 2;
  for (const [round, doc] of [a, b, a, b].entries()) {
    const text = doc.getText('text');
    text.insert(text.length, `words ${round} `, round % 2 ? { bold: true } : {});
    text.delete(1, 2);
    text.format(0, 3, { italic: true });
    doc.getMap('fields').set(`k${round}`, round % 2 ? new Y.Text('nested') : round);
    doc.getArray('list').insert(0, [round, 'z', new Y.Map()]);
    doc.getXmlFragment('section').insert(0, [new Y.XmlElement('p'), new Y.XmlText('hi')]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  }
  const ids: Id[] = [];
  for (const [client, structs] of a.store.clients) {
    for (const struct of structs) {
      for (let offset = 0; offset < struct.length; offset++)
        ids.push([client, struct.id.clock + offset]);
    }
  }
  return { doc: a, ids };
}

/**
 * An update Yjs can read, from a new client: items of every content kind (some of
 * length 0) placed after, before or inside random existing structs, or in root and
 * nested types, and a deleted range.
 */
function randomWellFormedUpdate(random: () => number, ids: readonly Id[]): Uint8Array {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  };
  const own: Id[] = [];
  const count = 1 + int(4);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, CLIENT);
  encoding.writeVarUint(encoder, 0);
  let clock = 0;
  for (let s = 0; s < count; s++) {
    const kind = 1 + int(8);
    const someId = () => (own.length > 0 && random() < 0.3 ? pick(own) : pick(ids));
    const origin = random() < 0.6;
    const rightOrigin = random() < 0.4;
    const parentSub = !origin && !rightOrigin && random() < 0.3;
    encoding.writeUint8(
      encoder,
      kind |
        (origin ? ORIGIN : 0) |
        (rightOrigin ? RIGHT_ORIGIN : 0) |
        (parentSub ? PARENT_SUB : 0),
    );
    if (origin) writeId(encoder, someId());
    if (rightOrigin) writeId(encoder, someId());
    if (!origin && !rightOrigin) {
      if (random() < 0.6) {
        encoding.writeVarUint(encoder, 1);
        encoding.writeVarString(encoder, pick(['text', 'fields', 'list', 'section', 'new']));
      } else {
        encoding.writeVarUint(encoder, 0);
        writeId(encoder, someId());
      }
      if (parentSub) encoding.writeVarString(encoder, `k${int(3)}`);
    }
    const length = int(3); // sometimes 0
    switch (kind) {
      case Content.Deleted:
        encoding.writeVarUint(encoder, length);
        break;
      case Content.Json:
        encoding.writeVarUint(encoder, length);
        for (let i = 0; i < length; i++) encoding.writeVarString(encoder, '{"a":1}');
        break;
      case Content.Binary:
        encoding.writeVarUint8Array(encoder, Uint8Array.from([1, 2]));
        break;
      case Content.String:
        encoding.writeVarString(encoder, 'q'.repeat(length));
        break;
      case Content.Embed:
        encoding.writeVarString(encoder, '{"image":"x.png"}');
        break;
      case Content.Format:
        encoding.writeVarString(encoder, pick(['bold', 'italic']));
        encoding.writeVarString(encoder, pick(['true', 'null']));
        break;
      case Content.Type: {
        const typeRef = int(7);
        encoding.writeVarUint(encoder, typeRef);
        if (typeRef === 3 || typeRef === 5) encoding.writeVarString(encoder, 'p');
        break;
      }
      default:
        encoding.writeVarUint(encoder, length);
        for (let i = 0; i < length; i++) encoding.writeAny(encoder, i);
    }
    own.push([CLIENT, clock]);
    clock += 1;
  }
  const deleted = random() < 0.5 ? pick(ids) : null;
  encoding.writeVarUint(encoder, deleted ? 1 : 0);
  if (deleted) {
    encoding.writeVarUint(encoder, deleted[0]);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, deleted[1]);
    encoding.writeVarUint(encoder, int(3)); // sometimes 0
  }
  return encoding.toUint8Array(encoder);
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
