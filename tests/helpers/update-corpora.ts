/**
 * Updates to test readers of the Yjs update format with: real updates of every struct
 * and content kind, a document two people edited with every id in it, random
 * well-formed updates naming those ids, an editing session of three people, and
 * random byte edits of an update. Shared by the update check's tests and the tests
 * that compare what it collects with `Y.decodeUpdate`.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Updates covering every struct and content kind Yjs writes in encoding v1. */
export function sampleUpdates(): Uint8Array[] {
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

/** Yjs's content kinds and info bits, for hand-written updates. */
export const Content = {
  Deleted: 1,
  Json: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
};
export const ORIGIN = 128;
const RIGHT_ORIGIN = 64;
const PARENT_SUB = 32;
export const CLIENT = 999;
export type Id = readonly [client: number, clock: number];

export function writeId(encoder: encoding.Encoder, [client, clock]: Id): void {
  encoding.writeVarUint(encoder, client);
  encoding.writeVarUint(encoder, clock);
}

/** A document two people edited (text with formats, a map, an array, XML), and its ids. */
export function twoPersonDocument(): { doc: Y.Doc; ids: Id[] } {
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
export function randomWellFormedUpdate(random: () => number, ids: readonly Id[]): Uint8Array {
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

/** Real updates of a document three people edit, in the order they were made. */
export function editingSession(random: () => number): Uint8Array[] {
  const docs = [11, 22, 33].map((clientID) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    return doc;
  });
  const updates: Uint8Array[] = [];
  for (let round = 0; round < 40; round++) {
    const doc = docs[round % docs.length] as Y.Doc;
    const text = doc.getText('text');
    const collect = (update: Uint8Array) => updates.push(update);
    doc.on('update', collect);
    doc.transact(() => {
      const at = Math.floor(random() * (text.length + 1));
      if (text.length < 4 || random() < 0.7) {
        text.insert(at, 'ab 🙂c'.slice(0, 1 + Math.floor(random() * 5)), {
          ...(random() < 0.2 ? { bold: true } : {}),
        });
      } else text.delete(Math.min(at, text.length - 2), 2);
      if (random() < 0.3) {
        doc.getMap('fields').set(`k${round % 4}`, round % 2 ? 'value' : new Y.Text('nested'));
      }
      if (random() < 0.3) {
        const section = doc.getXmlFragment('section');
        if (section.length > 0 && random() < 0.4) section.delete(0, 1);
        else section.insert(0, [new Y.XmlElement('paragraph'), new Y.XmlText('hi')]);
      }
      if (random() < 0.2) doc.getArray('list').insert(0, [round, new Y.Map()]);
    });
    doc.off('update', collect);
    for (const other of docs) if (other !== doc) Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  }
  return updates;
}

/** One to three byte edits: a random byte, a nudged number (ids and lengths), a cut or an insert. */
export function mutate(update: Uint8Array, random: () => number): Uint8Array {
  const bytes = Array.from(update);
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * bytes.length);
    const kind = random();
    if (kind < 0.4) bytes[at] = Math.floor(random() * 256);
    else if (kind < 0.8) bytes[at] = ((bytes[at] ?? 0) + (random() < 0.5 ? 1 : -1)) & 0x7f;
    else if (kind < 0.9) bytes.splice(at, 1);
    else bytes.splice(at, 0, Math.floor(random() * 128));
  }
  return Uint8Array.from(bytes);
}
