/**
 * Decoding and encoding of sync-protocol frames. Decoding is strict: a frame must
 * be exactly one known message with nothing left over, so a truncated or padded
 * frame is refused rather than half-understood.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from '../../shared/protocol';

export type IncomingMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; step: 'step-2' | 'update' }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' };

export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError';
}

function readSync(decoder: decoding.Decoder): IncomingMessage {
  const syncType = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (syncType) {
    case SyncMessageType.Step1:
      return { kind: 'sync-step-1', stateVector: payload };
    case SyncMessageType.Step2:
      return { kind: 'update', update: payload, step: 'step-2' };
    case SyncMessageType.Update:
      return { kind: 'update', update: payload, step: 'update' };
    default:
      throw new MalformedMessageError(`unknown sync message type ${syncType}`);
  }
}

function readMessage(decoder: decoding.Decoder): IncomingMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync:
      return readSync(decoder);
    case MessageType.Awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.QueryAwareness:
      return { kind: 'query-awareness' };
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

/** Decodes one frame; throws `MalformedMessageError` for anything but one whole message. */
export function decodeMessage(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame);
  let message: IncomingMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError('truncated message');
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after message');
  return message;
}

export function encodeSyncStep1(stateVector: Uint8Array): Buffer {
  return encodeSync(SyncMessageType.Step1, stateVector);
}

export function encodeSyncStep2(update: Uint8Array): Buffer {
  return encodeSync(SyncMessageType.Step2, update);
}

/** An update frame, as broadcast to every reader of a document (one Buffer sent to all). */
export function encodeUpdate(update: Uint8Array): Buffer {
  return encodeSync(SyncMessageType.Update, update);
}

/** Bytes of `value` as a lib0 variable-length unsigned integer (7 bits a byte). */
function varUintBytes(value: number): number {
  let bytes = 1;
  for (let rest = value; rest > 0x7f; rest = Math.floor(rest / 0x80)) bytes += 1;
  return bytes;
}

/**
 * A sync frame in one Buffer of its exact size, the bytes lib0's encoder writes: the
 * payload is copied once (the encoder copies one of over 100 bytes twice, into a second
 * chunk and then into the joined result), and `ws` sends a Buffer as it is, where it
 * would wrap a Uint8Array once per reader. Both type numbers are below 128, one byte each.
 */
function encodeSync(syncType: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const frame = Buffer.allocUnsafe(2 + varUintBytes(length) + length);
  frame[0] = MessageType.Sync;
  frame[1] = syncType;
  let offset = 2;
  let rest = length;
  while (rest > 0x7f) {
    frame[offset++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 0x80);
  }
  frame[offset++] = rest;
  frame.set(payload, offset);
  return frame;
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeSaved(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Saved);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/** An update that changes nothing (no structs, empty delete set), as clients send in sync step 2. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
