/**
 * A binary WebSocket message framed for the wire once, so a broadcast writes the
 * same bytes to every socket instead of having `ws` build a header, wrap the
 * payload and run its sender for each reader (RFC 6455 §5.2: FIN, opcode 2, no
 * mask, as a server sends). Only for sockets with no extension negotiated: with
 * permessage-deflate the frame would have to be compressed per connection.
 */
import { Buffer } from 'node:buffer';

/** FIN bit set, opcode 0x2 (binary). */
const FIN_BINARY = 0x82;
const LENGTH_16 = 126;
const LENGTH_64 = 127;

/** A whole frame, header and payload, ready to be written to a TCP socket as is. */
export type WireFrame = Buffer & { readonly __wireFrame: true };

export function frameBinaryMessage(payload: Uint8Array): WireFrame {
  const length = payload.byteLength;
  const headerBytes = length < LENGTH_16 ? 2 : length <= 0xffff ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerBytes + length);
  frame[0] = FIN_BINARY;
  if (headerBytes === 2) {
    frame[1] = length;
  } else if (headerBytes === 4) {
    frame[1] = LENGTH_16;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = LENGTH_64;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerBytes);
  return frame as WireFrame;
}
