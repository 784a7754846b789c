/**
 * The update check against a real apply: over tens of thousands of randomly mutated
 * real updates (seeded), every update `checkUpdate` accepts applies to a copy of a
 * document without error, as a stock client applies it (an `update` listener and
 * observers that read their events), and leaves nothing behind that fails later: the
 * updates the copy was still missing then apply too (filling the gaps an accepted
 * update may wait on as pending), and a newcomer loads the resulting state.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate } from '../../server/sync/update-check';
import { RoomClocks } from '../../server/sync/update-fit';
import { prng } from '../helpers/prng';

/** Real updates of a document three people edit, in the order they were made. */
function editingSession(random: () => number): Uint8Array[] {
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
function mutate(update: Uint8Array, random: () => number): Uint8Array {
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

/** A copy of `state` that behaves as a stock client: it encodes and observes every change. */
function stockClientCopy(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  doc.on('update', () => undefined);
  doc.getText('text').observe((event) => event.delta);
  doc.getMap('fields').observe((event) => event.keys);
  doc.getXmlFragment('section').observeDeep((events) => events.map((event) => event.changes));
  return doc;
}

function applies(state: Uint8Array, update: Uint8Array, missing: Uint8Array): string | null {
  const copy = stockClientCopy(state);
  try {
    Y.applyUpdate(copy, update);
    if (copy.store.pendingStructs) return 'structs left pending';
    Y.applyUpdate(copy, missing);
    const newcomer = new Y.Doc();
    newcomer.on('update', () => undefined);
    Y.applyUpdate(newcomer, Y.encodeStateAsUpdate(copy));
    newcomer.toJSON();
    newcomer.destroy();
    return null;
  } catch (error) {
    return String(error);
  } finally {
    copy.destroy();
  }
}

/** Null if the room would take the update, else why not: the check, then the fit. */
function refusal(update: Uint8Array, clocks: RoomClocks): string | null {
  try {
    return clocks.misfit(checkUpdate(update));
  } catch (error) {
    return String(error);
  }
}

describe('checkUpdate against a real apply', () => {
  it('accepts no mutated update that a stock client cannot apply, now or when gaps fill', () => {
    const random = prng(20261202);
    const updates = editingSession(random);
    const known = updates.slice(0, updates.length / 2);
    const missing = Y.mergeUpdates(updates.slice(updates.length / 2));
    // Half the mutations are of the updates that come next, which the room would take.
    const next = updates.slice(updates.length / 2, updates.length / 2 + 6);
    const state = Y.mergeUpdates(known);
    const clocks = RoomClocks.of(stockClientCopy(state));
    const failures: string[] = [];
    let accepted = 0;
    let forwardReferences = 0;
    let refusedThatFail = 0;
    const rounds = 20_000;
    for (let round = 0; round < rounds; round++) {
      const sources = random() < 0.5 ? next : updates;
      const source = sources[Math.floor(random() * sources.length)] as Uint8Array;
      const update = mutate(source, random);
      const refused = refusal(update, clocks);
      if (refused) {
        // Enough of the refusals Yjs reads to show what the check stops.
        if (refused.includes('not before it') && forwardReferences < 300) {
          forwardReferences++;
          if (applies(state, update, missing) !== null) refusedThatFail++;
        }
        continue;
      }
      accepted++;
      const failure = applies(state, update, missing);
      if (failure) failures.push(`[${Array.from(update).join(',')}]: ${failure}`);
    }
    expect(failures.slice(0, 3)).toEqual([]);
    expect(accepted).toBeGreaterThan(1000);
    // The reference rule is what stops most of them: without it they were accepted.
    expect(refusedThatFail).toBeGreaterThan(forwardReferences / 2);
  }, 60_000); // about 5 s alone; the margin is for a machine shared with other runs
});
