/**
 * A binary message as the one WebSocket frame a server sends for it (RFC 6455, 5.2): FIN
 * set, opcode 2 (binary), no extension bits, unmasked (a server never masks), the payload
 * length in 7 bits, or 126 and 16 bits, or 127 and 64 bits, then the payload. One Buffer,
 * so the socket writes it with one `write`. `ws` frames each `send` on its own, as a
 * header and a payload in one `writev`; a room sends the same message to every reader,
 * and framing it once for all of them took about an eighth off the server's CPU with 100
 * readers (`ws-sync-socket.ts`, `bench/README.md`). The last frame is kept until the next
 * message: at most one message's bytes, up to `Limits.maxMessageBytes`.
 */

const FIN_BINARY = 0x82;
const LENGTH_16 = 126;
const LENGTH_64 = 127;
/** Largest payload whose length fits in the first 7 bits. */
const MAX_SHORT = 125;
const MAX_16 = 0xffff;

export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length <= MAX_SHORT ? 2 : length <= MAX_16 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = FIN_BINARY;
  if (length <= MAX_SHORT) {
    frame[1] = length;
  } else if (length <= MAX_16) {
    frame[1] = LENGTH_16;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = LENGTH_64;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, header);
  return frame;
}

/**
 * Frames messages, keeping the last one's frame: a room passes one message object to
 * each of its sockets in turn (`Room.broadcast`), so it is framed once per message, not
 * once per reader. Only by identity, which is safe as a message is never changed once
 * encoded (each is a new Buffer from `message-codec.ts`).
 */
export class LastFrame {
  private message: Uint8Array | null = null;
  private frame: Buffer = Buffer.alloc(0);

  of(message: Uint8Array): Buffer {
    if (message !== this.message) {
      this.frame = binaryFrame(message);
      this.message = message;
    }
    return this.frame;
  }
}
