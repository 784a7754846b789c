/**
 * What `checkUpdate(update, true)` collects for the schema guard, in the pass that
 * checks the update, against what the guard read before from `Y.decodeUpdate`: for
 * every update of the check's corpora (real updates of every kind, every truncation
 * and single-byte change of them, random well-formed updates, thousands of mutated
 * updates of an editing session) that the check accepts, Yjs reads it too and the two
 * agree on every struct and deleted range the guard looks at. Collecting changes
 * nothing the check decides: the same updates are accepted, with the same shape.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, type UpdateShape } from '../../server/sync/update-check';
import { loneValue, type UpdateStruct } from '../../server/sync/update-structs';
import { prng } from '../helpers/prng';
import {
  editingSession,
  mutate,
  randomWellFormedUpdate,
  sampleUpdates,
  twoPersonDocument,
} from '../helpers/update-corpora';

/** Yjs's type refs, by class (subclasses first: XmlText is a Text, XmlHook a Map). */
function typeRefOf(type: Y.AbstractType<unknown>): number {
  if (type instanceof Y.XmlText) return 6;
  if (type instanceof Y.XmlHook) return 5;
  if (type instanceof Y.XmlElement) return 3;
  if (type instanceof Y.XmlFragment) return 4;
  if (type instanceof Y.Text) return 2;
  if (type instanceof Y.Map) return 1;
  if (type instanceof Y.Array) return 0;
  throw new Error('unknown type');
}

const idOf = (id: Y.ID | null) => (id === null ? null : { client: id.client, clock: id.clock });

/** A struct as the guard reads it, from Yjs's decoding. */
function fromYjs(struct: Y.Item | Y.GC | Y.Skip) {
  const { client, clock } = struct.id;
  if (!(struct instanceof Y.Item)) {
    return { is: struct instanceof Y.Skip ? 'skip' : 'gc', client, clock, length: struct.length };
  }
  const { content, parent } = struct;
  const lone = content instanceof Y.ContentAny && content.arr.length === 1;
  return {
    is: 'item',
    client,
    clock,
    length: struct.length,
    origin: idOf(struct.origin),
    rightOrigin: idOf(struct.rightOrigin),
    // Decoding an update leaves a root type's name (a string) or an id here.
    parent: typeof parent === 'string' ? parent : idOf(parent as Y.ID | null),
    parentSub: struct.parentSub,
    content: content.getRef(),
    typeRef: content instanceof Y.ContentType ? typeRefOf(content.type) : -1,
    value: lone ? { one: content.arr[0] } : null,
  };
}

/** A struct as the check collected it, its lone value decoded. */
function fromCheck(struct: UpdateStruct) {
  if (struct.is !== 'item') return { ...struct };
  return { ...struct, value: struct.value === null ? null : { one: loneValue(struct) } };
}

function decodedByYjs(update: Uint8Array) {
  const { structs, ds } = Y.decodeUpdate(update);
  const deletes = [...ds.clients].map(([client, ranges]) => [
    client,
    ranges.map(({ clock, len }) => ({ clock, len })),
  ]);
  return { structs: structs.map(fromYjs), deletes };
}

function collectedByCheck(shape: UpdateShape) {
  if (shape.written === null) throw new Error('nothing collected');
  const { structs, deletes } = shape.written;
  return { structs: structs.map(fromCheck), deletes: [...deletes] };
}

/** What the check decides, without what it collects. */
function verdict(update: Uint8Array, collect: boolean) {
  try {
    const { runs, references } = checkUpdate(update, collect);
    return { runs, references };
  } catch (error) {
    return { refused: String(error) };
  }
}

/** Compares the two readings of every accepted update; returns how many were compared. */
function compareAll(updates: Iterable<Uint8Array>, problems: string[]): number {
  let compared = 0;
  for (const update of updates) {
    const plain = verdict(update, false);
    const collecting = verdict(update, true);
    const bytes = `[${Array.from(update).join(',')}]`;
    try {
      expect(collecting).toEqual(plain);
    } catch {
      problems.push(`${bytes}: collecting changed the verdict`);
      continue;
    }
    if ('refused' in plain) continue;
    compared++;
    let yjs: ReturnType<typeof decodedByYjs>;
    try {
      yjs = decodedByYjs(update);
    } catch (error) {
      problems.push(`${bytes}: accepted, but Yjs cannot read it (${String(error)})`);
      continue;
    }
    try {
      expect(collectedByCheck(checkUpdate(update, true))).toEqual(yjs);
    } catch (error) {
      problems.push(`${bytes}: ${String(error).slice(0, 400)}`);
    }
  }
  return compared;
}

function* truncationsAndByteChanges(updates: readonly Uint8Array[]): Generator<Uint8Array> {
  for (const update of updates) {
    yield update;
    for (let end = 0; end < update.length; end++) yield update.slice(0, end);
    for (let at = 0; at < update.length; at++) {
      for (const value of [0x00, 0x01, 0x02, 0x0a, 0x7f, 0x80, 0xff]) {
        const changed = update.slice();
        changed[at] = value;
        yield changed;
      }
    }
  }
}

describe('what the update check collects for the schema guard', () => {
  it('agrees with Y.decodeUpdate on real updates, their truncations and byte changes', () => {
    const problems: string[] = [];
    const compared = compareAll(truncationsAndByteChanges(sampleUpdates()), problems);
    expect(problems.slice(0, 3)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });

  it('agrees with Y.decodeUpdate on random well-formed updates', () => {
    const random = prng(20261203);
    const { ids } = twoPersonDocument();
    const updates = Array.from({ length: 3000 }, () => randomWellFormedUpdate(random, ids));
    const problems: string[] = [];
    const compared = compareAll(updates, problems);
    expect(problems.slice(0, 3)).toEqual([]);
    expect(compared).toBeGreaterThan(1500);
  });

  it('agrees with Y.decodeUpdate on mutated updates of an editing session', () => {
    const random = prng(20261204);
    const session = editingSession(random);
    const updates = [...session, Y.mergeUpdates(session)];
    for (let round = 0; round < 10_000; round++) {
      updates.push(mutate(session[Math.floor(random() * session.length)] as Uint8Array, random));
    }
    const problems: string[] = [];
    const compared = compareAll(updates, problems);
    expect(problems.slice(0, 3)).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  }, 60_000);
});
