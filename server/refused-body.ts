/**
 * Answering a request whose body is refused while the client may still be sending
 * it, so that the client always gets to read the answer. node:http closes the
 * socket of a `Connection: close` response as soon as the response ends; with the
 * client's bytes still arriving, the kernel then resets the connection, and a
 * client that writes again before it has read loses the 413 it was sent (its write
 * fails and its socket is gone). So the connection is closed in stages (RFC 9112,
 * section 9.6): the answer is written whole (its `Content-Length` ends it for the
 * client), the rest of the body is read and dropped, never kept, and the response
 * ends once the client has sent it all, or the client closes first, as one that
 * reads the answer does. A client that goes on sending past `discardBytes`, or
 * keeps the connection open past `lingerMs`, is cut off.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Refusal {
  readonly status: number;
  /** A JSON body. */
  readonly body: string;
}

export const REFUSED_BODY_LIMITS = {
  /**
   * Bytes of the refused body read (and dropped) after the answer. Far more than a
   * client that reads the answer can have sent before it stops: what the socket
   * buffers at both ends hold, and the write it was making.
   */
  discardBytes: 64 * 1024 * 1024,
  /** How long a refused client may keep its connection (ms). */
  lingerMs: 10_000,
} as const;

export function answerWhileSending(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  { status, body }: Refusal,
  limits: { readonly discardBytes: number; readonly lingerMs: number } = REFUSED_BODY_LIMITS,
): void {
  outgoing.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    // The client should stop sending and close.
    connection: 'close',
  });
  outgoing.write(body);
  const { socket } = incoming;
  const cutOff = () => socket.destroy();
  const deadline = setTimeout(cutOff, limits.lingerMs);
  deadline.unref();
  socket.once('close', () => clearTimeout(deadline));
  if (incoming.readableEnded) {
    outgoing.end();
    return;
  }
  // Whatever was reading the body (the limit's counter) has given up on it: its
  // listener would keep the rest. As node:http's own dump of an unread body does,
  // the body gets one listener, which counts and drops.
  incoming.removeAllListeners('data');
  let discarded = 0;
  incoming.on('data', (chunk: Buffer) => {
    discarded += chunk.byteLength;
    if (discarded > limits.discardBytes) cutOff();
  });
  incoming.once('end', () => outgoing.end());
  incoming.resume();
}
