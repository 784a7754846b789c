/**
 * The schema guard on its own: what it places from the room's document, from the
 * update itself, and from accepted updates the room has not applied yet.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRow, fieldText, initItemDoc, list } from '../../shared/documents/item-doc';
import { SchemaGuard, SchemaViolation } from '../../server/sync/schema-guard';
import { checkUpdate } from '../../server/sync/update-check';

/** A room's document for a measure, and a client's copy of it. */
function measureRoom() {
  const room = new Y.Doc();
  initItemDoc(room, 'measure', 'Falls');
  addRow(room, 'measure', 'points', 'p1', { period: '2026-01', value: 3 });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const guard = new SchemaGuard('measure', room);
  // As the room does: the update check's pass collects what the guard reads.
  return {
    room,
    client,
    guard: {
      check: (update: Uint8Array) => guard.check(checkUpdate(update, true)),
      note: (update: Uint8Array) => guard.note(checkUpdate(update, true)),
    },
  };
}

function change(doc: Y.Doc, mutate: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  mutate();
  return Y.encodeStateAsUpdate(doc, before);
}

describe('schema guard', () => {
  it('places a keystroke on one it accepted but the room has not applied yet', () => {
    const { client, guard } = measureRoom();
    const text = fieldText(client, 'definition');
    const first = change(client, () => text.insert(0, 'a'));
    const second = change(client, () => text.insert(1, 'b'));
    guard.check(first);
    expect(() => guard.check(second)).not.toThrow();
  });

  it('refuses what builds on content it never saw', () => {
    const { client, guard } = measureRoom();
    const points = list(client, 'points');
    change(client, () => addRow(client, 'measure', 'points', 'p2')); // never sent
    const stray = change(client, () => points.push(['x' as never]));
    expect(() => guard.check(stray)).toThrow(SchemaViolation);
  });

  it('refuses a string placed after a row, found through its origin in the document', () => {
    const { client, guard } = measureRoom();
    const update = change(client, () => list(client, 'points').push(['12' as never]));
    expect(() => guard.check(update)).toThrow(/rows of points must be maps/);
  });

  it('accepts deleting a whole row, whose id goes with it', () => {
    const { client, guard } = measureRoom();
    expect(() =>
      guard.check(change(client, () => list(client, 'points').delete(0, 1))),
    ).not.toThrow();
  });

  it('accepts a text field replaced by a new text, and refuses one deleted outright', () => {
    const { client, guard } = measureRoom();
    const fields = client.getMap('fields');
    expect(() =>
      guard.check(change(client, () => fields.set('unit', new Y.Text('%')))),
    ).not.toThrow();
    expect(() => guard.check(change(client, () => fields.delete('unit')))).toThrow(
      /deletes "unit"/,
    );
  });

  it('checks the columns of a row written in the same update', () => {
    const { client, guard } = measureRoom();
    const bad = change(client, () => {
      const row = new Y.Map<unknown>();
      row.set('id', 'p9');
      row.set('value', 'nine');
      list(client, 'points').push([row]);
    });
    expect(() => guard.check(bad)).toThrow(/not a valid Value/);
  });

  it('remembers what the server itself wrote, so clients may build on it', () => {
    const { room, client, guard } = measureRoom();
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(room));
    const serverChange = change(server, () => fieldText(server, 'unit').insert(0, 'falls'));
    guard.note(serverChange);
    Y.applyUpdate(client, serverChange);
    const typed = change(client, () => fieldText(client, 'unit').insert(5, '!'));
    expect(() => guard.check(typed)).not.toThrow();
  });
});
