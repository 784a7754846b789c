/**
 * Writes a broadcast frame to one reader's TCP socket. With nothing queued on the
 * socket, the bytes go straight to its file descriptor with one `write(2)`, skipping
 * what `socket.write` does per call (a stream write, a native write request object,
 * a `nextTick` to finish it): with one edit sent to a hundred readers, that per-call
 * work was about a twentieth of the server's CPU. Whatever the kernel does not take
 * at once (a full send buffer: EAGAIN or a short write), and any error, goes through
 * `socket.write`, which queues it in order and reports errors the usual way.
 *
 * Reads `socket._handle.fd`, which Node does not document. Without it (another Node,
 * a socket with no descriptor) every write takes `socket.write`. Never used for TLS
 * sockets, whose descriptor carries ciphertext.
 */
import { writeSync } from 'node:fs';
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

/** The one part of Node's internal TCP handle read here. */
interface HandleWithFd {
  readonly fd?: unknown;
}

function descriptorOf(socket: Socket): number | null {
  if (socket instanceof TLSSocket) return null;
  const handle = (socket as Socket & { _handle?: HandleWithFd | null })._handle;
  const fd = handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

/**
 * Writes `bytes` after everything written to `socket` before. Returns true when they
 * all went to the kernel now, false when some or all were queued on the socket.
 */
export function writeToSocket(socket: Socket, bytes: Uint8Array): boolean {
  // Queued or corked bytes must go first, so only an idle socket is written directly.
  const fd =
    socket.writableLength === 0 && socket.writableCorked === 0 ? descriptorOf(socket) : null;
  let written = 0;
  if (fd !== null) {
    try {
      written = writeSync(fd, bytes);
    } catch {
      // EAGAIN (nothing taken) or a failing socket: `socket.write` queues or reports it.
      written = 0;
    }
  }
  if (written === bytes.byteLength) return true;
  socket.write(written === 0 ? bytes : bytes.subarray(written));
  return false;
}
