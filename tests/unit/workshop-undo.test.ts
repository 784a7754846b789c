/**
 * Undo on a workshop board: a cluster's rename is one step, undone and redone; and a
 * cluster the server has written into (it became a change idea) is not undone away, so
 * neither the undo nor the redo makes this client write what only the server writes.
 * Every update the client sends is put through the server's schema guard, as the room
 * would.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCluster, renameCluster } from '../../client/features/workshop/board-edits';
import { structuredUndo } from '../../client/lib/undo/structured-undo';
import { SchemaGuard } from '../../server/sync/schema-guard';
import { checkUpdate } from '../../server/sync/update-check';
import { initItemDoc, list } from '../../shared/documents/item-doc';
import { readBoard } from '../../shared/documents/workshop-board';

const SERVER = 'server';

/** A client's document and the server's, the client's updates checked by the guard first. */
function pair() {
  const server = new Y.Doc();
  initItemDoc(server, 'workshop', 'Board');
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server), SERVER);
  const guard = new SchemaGuard('workshop', server);
  const refused: string[] = [];
  client.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === SERVER) return;
    try {
      guard.check(checkUpdate(update, true));
      Y.applyUpdate(server, update, 'client');
    } catch (error) {
      refused.push(String(error));
    }
  });
  const fromServer = (change: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(server);
    change(server);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, before), SERVER);
  };
  return { server, client, refused, fromServer };
}

describe('undo on a workshop board', () => {
  it('undoes and redoes a cluster’s rename as one step', () => {
    const { client, server, refused } = pair();
    const undo = structuredUndo(client, 'workshop');
    const id = addCluster(client, 'Noise');
    undo.stopCapturing();
    renameCluster(client, id, 'Noise at night');
    expect(readBoard(server).clusters[0]?.label).toBe('Noise at night');
    undo.undo();
    expect(readBoard(server).clusters[0]?.label).toBe('Noise');
    undo.redo();
    expect(readBoard(server).clusters[0]?.label).toBe('Noise at night');
    expect(refused).toEqual([]);
  });

  it('leaves a cluster the server linked standing, and writes nothing of the server’s', () => {
    const { client, server, refused, fromServer } = pair();
    const undo = structuredUndo(client, 'workshop');
    const id = addCluster(client, 'Lighting');
    undo.stopCapturing();
    fromServer((doc) => list(doc, 'clusters').get(0).set('ideaId', 'idea-1'));
    undo.undo();
    undo.redo();
    undo.undo();
    expect(refused).toEqual([]);
    for (const doc of [client, server])
      expect(readBoard(doc).clusters).toMatchObject([{ id, label: 'Lighting', ideaId: 'idea-1' }]);
  });
});
