/**
 * A room passes each stored update on at once but applies it to its document only
 * when the document is read, or once enough are waiting. These tests drive a real
 * Room over the in-memory DocStore, with sockets that record what they are sent.
 */
import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '../../server/logger';
import { createMemoryDocStore } from '../../server/store/memory-doc-store';
import { MAX_UNAPPLIED_UPDATES } from '../../server/sync/apply-queue';
import { DEFAULT_COMPACTION_POLICY } from '../../server/sync/compaction-policy';
import { Connection, type SyncSocket } from '../../server/sync/connection';
import { encodeSyncStep1, encodeUpdate } from '../../server/sync/message-codec';
import { Room } from '../../server/sync/room';
import { SyncMeter } from '../../server/sync/sync-meter';
import { Limits, SyncLimits } from '../../shared/limits';
import { MessageType, SyncMessageType } from '../../shared/protocol';

const DOC_ID = 'room-apply';

/** A socket that keeps every message it is sent, decoded to its sync type and payload. */
function recordingSocket() {
  const received: Array<{ type: number; payload: Uint8Array }> = [];
  const closes: number[] = [];
  const socket: SyncSocket = {
    send(message) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
      received.push({
        type: decoding.readVarUint(decoder),
        payload: decoding.readVarUint8Array(decoder),
      });
    },
    close: (code) => closes.push(code),
  };
  return { socket, received, closes };
}

function connect(id: number, socket: SyncSocket, canWrite = true): Connection {
  return new Connection(
    id,
    socket,
    {
      docId: DOC_ID,
      canWrite,
      wantsSavedAck: false,
      user: { id: `user-${id}`, name: `Person ${id}` },
      isReviewer: false,
      labId: 'lab',
      sessionTokenHash: null,
      apiTokenId: null,
      expiresAt: null,
    },
    SyncLimits,
    createMemoryLogger(),
    new SyncMeter(),
  );
}

/** A writer's document whose every transaction becomes one update frame. */
function typist() {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(encodeUpdate(update)));
  return { text: doc.getText('text'), frames };
}

/** The text of the document in the sync step 2 a newcomer was sent. */
function textOfFirstSync(received: ReadonlyArray<{ type: number; payload: Uint8Array }>): string {
  const step2 = received.find(({ type }) => type === SyncMessageType.Step2);
  if (!step2) throw new Error('no sync step 2');
  const copy = new Y.Doc();
  Y.applyUpdate(copy, step2.payload);
  return copy.getText('text').toString();
}

describe('a room applies stored updates when its document is read', () => {
  let room: Room;
  let updated: number;

  /** A newcomer with nothing (one who may only read unless `canWrite`) asks for the document. */
  const join = (id: number, canWrite = true) => {
    const newcomer = recordingSocket();
    const connection = connect(id, newcomer.socket, canWrite);
    room.attach(connection);
    room.receive(connection, encodeSyncStep1(Y.encodeStateVector(new Y.Doc())));
    return newcomer.received;
  };

  beforeEach(async () => {
    updated = 0;
    room = new Room({
      docId: DOC_ID,
      store: createMemoryDocStore(),
      logger: createMemoryLogger(),
      compaction: DEFAULT_COMPACTION_POLICY,
      maxDocumentBytes: Limits.maxDocumentBytes,
      onEmpty: () => undefined,
      onUpdated: () => {
        updated += 1;
      },
    });
    await room.load();
  });
  afterEach(() => room.unload());

  it('passes each update on at once and applies them all when the document is read', () => {
    const reader = recordingSocket();
    room.attach(connect(1, reader.socket));
    const writer = connect(2, recordingSocket().socket);
    room.attach(writer);
    const { text, frames } = typist();
    for (const word of ['Falls ', 'at ', 'night']) text.insert(text.length, word);
    for (const frame of frames) room.receive(writer, frame);

    const passedOn = reader.received.filter(({ type }) => type === SyncMessageType.Update);
    expect(passedOn).toHaveLength(3);
    expect(updated).toBe(3);
    // Still queued: awareness holds the document itself, not the room's reading of it.
    expect(room.awareness.doc.getText('text').toString()).toBe('');
    expect(room.doc.getText('text').toString()).toBe('Falls at night');
  });

  it('gives a newcomer every update in its first sync, applied or not', () => {
    const writer = connect(1, recordingSocket().socket);
    room.attach(writer);
    const { text, frames } = typist();
    text.insert(0, 'Aim: ');
    text.insert(5, 'fewer falls');
    for (const frame of frames) room.receive(writer, frame);
    expect(textOfFirstSync(join(2))).toBe('Aim: fewer falls');
  });

  it('gives a newcomer after a change the newest document, not the one kept before it', () => {
    const writer = connect(1, recordingSocket().socket);
    room.attach(writer);
    const { text, frames } = typist();
    text.insert(0, 'Aim: fewer falls');
    room.receive(writer, frames[0] ?? new Uint8Array());
    expect(textOfFirstSync(join(2))).toBe('Aim: fewer falls');
    text.insert(text.length, ' at night');
    room.receive(writer, frames[1] ?? new Uint8Array());
    expect(textOfFirstSync(join(3))).toBe('Aim: fewer falls at night');
    expect(textOfFirstSync(join(4, false))).toBe('Aim: fewer falls at night');
  });

  it('applies the queue without a read once it reaches its bound', () => {
    const writer = connect(1, recordingSocket().socket);
    room.attach(writer);
    const { text, frames } = typist();
    for (let i = 0; i < MAX_UNAPPLIED_UPDATES; i++) text.insert(text.length, 'x');
    const last = frames.pop();
    if (!last) throw new Error('no updates');
    for (const frame of frames) room.receive(writer, frame);
    expect(room.awareness.doc.getText('text').length).toBe(0);
    room.receive(writer, last);
    expect(room.awareness.doc.getText('text').length).toBe(MAX_UNAPPLIED_UPDATES);
  });
});
