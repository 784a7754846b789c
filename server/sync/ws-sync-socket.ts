/**
 * One `ws` WebSocket as the room layer's `SyncSocket`, with the limits every sync
 * connection has whatever its rights: messages and bytes per second (token buckets,
 * checked before a frame is parsed; over either, close 4529), a cap on bytes waiting
 * for a client that does not read (over it the socket is dropped, never buffered
 * further), and the answer to the keepalive ping.
 *
 * `ws` reads the socket (frames, limits, the close handshake) and writes its control
 * frames (close, ping, pong). Messages to the client are framed here, once per message
 * for all the readers a room sends it to (`ws-frame.ts`), and written whole with one
 * `write` to the TCP socket `ws` was given at the upgrade. Two writers share that socket
 * safely because each writes every frame whole and at once: our frames with one
 * `write`, and `ws` (8.23, pinned; no permessage-deflate, no Blobs) each of its frames in
 * one synchronous call; `tests/integration/sync-frames.test.ts` holds both to that. Only
 * public APIs: `ws`'s `ping`, `pong` event, `close`, `terminate` and `readyState`, and
 * Node's `Duplex` `write`, `writable` and `writableLength`.
 */
import type { Duplex } from 'node:stream';
import { type RawData, WebSocket } from 'ws';
import { CLOSE_REASONS, CloseCode } from '../../shared/close-codes';
import type { SyncLimits } from '../../shared/limits';
import type { Logger } from '../logger';
import type { Connection, SyncSocket } from './connection';
import type { RoomRegistry } from './room-registry';
import type { SyncMeter } from './sync-meter';
import { TokenBucket } from './token-bucket';
import { LastFrame } from './ws-frame';

/** Shared by every socket: a room sends one message to all of its sockets in turn. */
const frames = new LastFrame();

export class WsSyncSocket implements SyncSocket {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private connection: Connection | null = null;
  /** Whether the client answered the last keepalive ping (or none was sent yet). */
  private answered = true;

  constructor(
    private readonly ws: WebSocket,
    /** The TCP socket of the upgrade, which `ws` reads; messages are written to it here. */
    private readonly tcp: Duplex,
    private readonly limits: SyncLimits,
    private readonly logger: Logger,
    /** Counts bytes in and out for `/metrics`. */
    private readonly meter: SyncMeter,
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
  }

  send(message: Uint8Array): void {
    const tcp = this.tcp;
    // Once `ws` is closing, its close frame may be out: nothing may follow it.
    if (this.ws.readyState !== WebSocket.OPEN || !tcp.writable) return;
    // Checked before each send, so what is queued stays under the cap plus one message.
    if (tcp.writableLength > this.limits.maxBufferedBytes) {
      this.drop('slow reader: too much unread data; connection dropped', {
        bufferedBytes: tcp.writableLength,
      });
      return;
    }
    this.meter.bytesSent += message.byteLength;
    tcp.write(frames.of(message));
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /**
   * Hands the socket's frames to `registry` for `connection` until it closes, and keeps
   * the socket in `open` (which the keepalive walks) meanwhile. Every listener is made
   * here, in one scope: per connection, the server keeps the socket, these four
   * closures and what they share, and nothing from the upgrade.
   */
  bind(connection: Connection, registry: RoomRegistry, open: Set<WsSyncSocket>): void {
    const ws = this.ws;
    this.connection = connection;
    open.add(this);
    ws.on('pong', () => {
      this.answered = true;
    });
    // `ws` reports a protocol violation (an oversized or invalid frame) here, after it has
    // closed the socket with the matching code (1009, 1002); the close event cleans up.
    ws.on('error', (error) => this.log.info('sync socket error', { error }));
    ws.on('message', (data, isBinary) => {
      if (connection.closed) return;
      if (!isBinary) {
        this.log.warn('text frame on the sync socket; connection closed');
        connection.close(CloseCode.MalformedMessage);
        return;
      }
      const size = byteLengthOf(data);
      this.meter.bytesReceived += size;
      if (!this.messages.take() || !this.bytes.take(size)) {
        this.log.warn('sync rate limit exceeded; connection closed', {
          code: CloseCode.RateLimited,
        });
        connection.close(CloseCode.RateLimited);
        return;
      }
      registry.receive(connection, bytesOf(data));
    });
    ws.on('close', () => {
      open.delete(this);
      registry.disconnect(connection);
    });
  }

  /**
   * One keepalive tick: a socket that has not answered the previous ping is dead
   * (its presence would otherwise linger) and is dropped; a live one is pinged again.
   */
  keepalive(): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (!this.answered) {
      this.drop('no answer to ping; connection dropped', {});
      return;
    }
    this.answered = false;
    this.ws.ping();
  }

  /** Ends the socket at once: nothing more can reach this client, so nothing is queued for it. */
  private drop(message: string, context: Record<string, unknown>): void {
    this.log.warn(message, context);
    this.ws.terminate();
  }

  /** The connection's logger once bound (its lines name the document, connection and user). */
  private get log(): Logger {
    return this.connection?.logger ?? this.logger;
  }
}

/** Refuses an upgraded socket with a named close code, which stock clients can read. */
export function refuseSocket(ws: WebSocket, code: CloseCode): void {
  ws.on('error', () => undefined); // whatever it sends now changes nothing
  ws.close(code, CLOSE_REASONS[code]);
}

function byteLengthOf(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  return data.byteLength;
}

/**
 * A binary message as `ws` delivers it (a Buffer unless `binaryType` was changed), as
 * bytes of its own: a Buffer is often a view into the whole chunk read from the socket,
 * and Yjs keeps views of some content (binary values in maps), which would pin it.
 */
function bytesOf(data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const buffer = Array.isArray(data) ? Buffer.concat(data) : data;
  return Uint8Array.prototype.slice.call(buffer);
}
