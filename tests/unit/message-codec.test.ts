import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  decodeMessage,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isEmptyUpdate,
  MalformedMessageError,
} from '../../server/sync/message-codec';
import { isUpdateCarryingFrame, MessageType } from '../../shared/protocol';

describe('sync message codec', () => {
  it('round-trips the standard messages', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeMessage(encodeUpdate(update))).toEqual({ kind: 'update', update, step: 'update' });
    const sv = Y.encodeStateVector(doc);
    expect(decodeMessage(encodeSyncStep1(sv))).toEqual({ kind: 'sync-step-1', stateVector: sv });
    expect(decodeMessage(Uint8Array.from([MessageType.QueryAwareness]))).toEqual({
      kind: 'query-awareness',
    });
  });

  it('frames sync messages byte for byte as y-protocols does, at every length-prefix size', () => {
    // What a stock client and server write: y-protocols' message types and lib0's encoder.
    const reference = (syncType: number) => (payload: Uint8Array) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      encoding.writeVarUint(encoder, syncType);
      encoding.writeVarUint8Array(encoder, payload);
      return encoding.toUint8Array(encoder);
    };
    const cases = [
      [encodeUpdate, reference(syncProtocol.messageYjsUpdate)],
      [encodeSyncStep1, reference(syncProtocol.messageYjsSyncStep1)],
      [encodeSyncStep2, reference(syncProtocol.messageYjsSyncStep2)],
    ] as const;
    // Lengths on each side of a one-, two- and three-byte prefix, and past the Buffer pool.
    for (const length of [0, 1, 99, 100, 127, 128, 16_383, 16_384, 70_000]) {
      const payload = Uint8Array.from({ length }, (_, index) => (index * 31) % 251);
      for (const [encode, expected] of cases) {
        const frame = encode(payload);
        // A Buffer, which `ws` sends as it is to every reader.
        expect(Buffer.isBuffer(frame)).toBe(true);
        // Compared as bytes in one call: element by element, a large frame takes seconds.
        expect(frame.equals(expected(payload))).toBe(true);
      }
    }
  });

  it('refuses truncated, padded and unknown frames', () => {
    const frame = encodeUpdate(Uint8Array.from([0, 0]));
    expect(() => decodeMessage(frame.slice(0, frame.length - 1))).toThrow(MalformedMessageError);
    expect(() => decodeMessage(Uint8Array.from([...frame, 0]))).toThrow(MalformedMessageError);
    expect(() => decodeMessage(Uint8Array.from([MessageType.Saved, 1]))).toThrow(
      MalformedMessageError,
    );
    expect(() => decodeMessage(new Uint8Array())).toThrow(MalformedMessageError);
  });

  it('encodes Saved as the message type and a count', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Saved);
    encoding.writeVarUint(encoder, 300);
    expect(encodeSaved(300)).toEqual(encoding.toUint8Array(encoder));
  });

  it('classifies content-carrying frames the same way on client and server', () => {
    expect(isUpdateCarryingFrame(encodeUpdate(Uint8Array.from([0, 0])))).toBe(true);
    expect(isUpdateCarryingFrame(encodeSyncStep1(Uint8Array.from([0])))).toBe(false);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
  });
});
