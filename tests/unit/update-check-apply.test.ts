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
import { editingSession, mutate } from '../helpers/update-corpora';

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
