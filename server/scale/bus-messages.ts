/**
 * What processes send each other through Redis, as bytes (lib0 encoding): the
 * sender's process id (so a process ignores its own messages), a kind, and its
 * contents. Read strictly: a message that does not decode whole is dropped.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

const KIND_UPDATE = 1;
const KIND_AWARENESS = 2;
const KIND_META = 3;
const KIND_THROTTLE = 4;

export type BusMessage =
  | { readonly kind: 'update'; readonly origin: string; readonly update: Uint8Array }
  | {
      readonly kind: 'awareness';
      readonly origin: string;
      readonly update: Uint8Array;
      /** Client ids published by reviewers, with their user ids. */
      readonly reviewers: ReadonlyMap<number, string>;
    }
  | { readonly kind: 'meta'; readonly origin: string }
  | {
      readonly kind: 'throttle';
      readonly origin: string;
      /** Which throttle and what happened to it, as `shared-throttles.ts` writes it. */
      readonly event: string;
    };

export function encodeBusMessage(message: BusMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, message.origin);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, KIND_UPDATE);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint(encoder, KIND_AWARENESS);
      encoding.writeVarUint8Array(encoder, message.update);
      encoding.writeVarUint(encoder, message.reviewers.size);
      for (const [clientId, userId] of message.reviewers) {
        encoding.writeVarUint(encoder, clientId);
        encoding.writeVarString(encoder, userId);
      }
      break;
    case 'meta':
      encoding.writeVarUint(encoder, KIND_META);
      break;
    case 'throttle':
      encoding.writeVarUint(encoder, KIND_THROTTLE);
      encoding.writeVarString(encoder, message.event);
      break;
  }
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** The message, or null when the bytes are not one. */
export function decodeBusMessage(bytes: Uint8Array): BusMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const origin = decoding.readVarString(decoder);
    const kind = decoding.readVarUint(decoder);
    let message: BusMessage | null = null;
    if (kind === KIND_UPDATE) {
      message = { kind: 'update', origin, update: decoding.readVarUint8Array(decoder) };
    } else if (kind === KIND_AWARENESS) {
      const update = decoding.readVarUint8Array(decoder);
      const count = decoding.readVarUint(decoder);
      const reviewers = new Map<number, string>();
      for (let i = 0; i < count; i += 1) {
        reviewers.set(decoding.readVarUint(decoder), decoding.readVarString(decoder));
      }
      message = { kind: 'awareness', origin, update, reviewers };
    } else if (kind === KIND_META) {
      message = { kind: 'meta', origin };
    } else if (kind === KIND_THROTTLE) {
      message = { kind: 'throttle', origin, event: decoding.readVarString(decoder) };
    }
    return message !== null && !decoding.hasContent(decoder) ? message : null;
  } catch {
    return null;
  }
}
