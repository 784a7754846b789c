/**
 * `checkUpdate` must agree with `Y.decodeUpdate` on every input: it accepts every
 * update Yjs writes (all struct and content kinds) and refuses exactly what Yjs
 * cannot read, which is checked on every truncation and on thousands of damaged
 * copies of those updates.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../server/sync/update-check';

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

function yjsReads(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
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

/** A small deterministic generator, so a failure can be reproduced. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
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

  it('refuses reading past the end of the update even when more bytes follow in its buffer', () => {
    const [update] = samples;
    if (!update) throw new Error('no sample');
    const inBigger = new Uint8Array(update.length + 64).fill(0);
    inBigger.set(update.subarray(0, update.length - 1));
    expect(() => checkUpdate(inBigger.subarray(0, update.length - 1))).toThrow();
  });
});
