/**
 * The WebSocket endpoint `/sync/<docId>`: authorises the connection at upgrade
 * and adapts Hono's WebSocket to the room layer. A refused connection is accepted
 * and closed at once with a named close code, which stock clients can read (an
 * HTTP error at upgrade would only show as a network failure). Size limits are
 * enforced by the `ws` server itself (`maxPayload`), before a frame is buffered.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import type { WSContext, WSEvents } from 'hono/ws';
import { type RawData, WebSocket } from 'ws';
import { CLOSE_REASONS, CloseCode } from '../../shared/close-codes';
import { SAVED_ACK_PARAM } from '../../shared/protocol';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import { authorizeUpgrade } from './authorize-upgrade';
import type { Connection, SyncSocket } from './connection';
import type { RoomRegistry } from './room-registry';
import { writeToSocket } from './socket-write';
import type { WireFrame } from './wire-frame';

export interface SyncRouteDeps {
  readonly registry: RoomRegistry;
  readonly meta: MetaStore;
  readonly logger: Logger;
  readonly now: () => Date;
}

export function createSyncRoutes({ registry, meta, logger, now }: SyncRouteDeps): Hono {
  const routes = new Hono();
  routes.get(
    '/:docId',
    upgradeWebSocket((c) => {
      const decision = authorizeUpgrade(c, meta, now());
      const wantsSavedAck = c.req.query(SAVED_ACK_PARAM) === '1';
      // The upgrade request's socket is the one `ws` takes over (Node's 'upgrade' event).
      const tcp = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket ?? null;
      let connection: Connection | undefined;
      /** False once frames are read from the `ws` socket directly (see onOpen). */
      let throughHono = true;
      const receive = (frame: Uint8Array | null) => {
        if (!connection) return;
        if (frame === null) {
          logger.warn('text frame on the sync socket; connection closed', {
            docId: decision.ok ? decision.docId : null,
          });
          connection.close(CloseCode.MalformedMessage);
          return;
        }
        registry.receive(connection, frame);
      };
      const events: WSEvents = {
        onOpen(_event, ws: WSContext) {
          if (!decision.ok) {
            logger.info('sync connection refused', {
              code: decision.code,
              reason: decision.reason,
            });
            ws.close(decision.code, CLOSE_REASONS[decision.code]);
            return;
          }
          connection = registry.connect(adaptSocket(ws, tcp), {
            docId: decision.docId,
            labId: decision.labId,
            user: { id: decision.userId, name: decision.userName },
            canWrite: decision.canWrite,
            sessionTokenHash: decision.sessionTokenHash,
            apiTokenId: decision.apiTokenId,
            expiresAt: decision.expiresAt,
            wantsSavedAck,
          });
          const raw = ws.raw;
          if (!(raw instanceof WebSocket)) return;
          // Hono copies every frame into a new ArrayBuffer and wraps it in a MessageEvent
          // before calling onMessage. Frames from now on are read from the `ws` socket
          // itself; the ones Hono buffered before this call it replays synchronously right
          // after it, so they still come through onMessage, until this microtask.
          raw.on('message', (data, isBinary) => receive(isBinary ? bytesOf(data) : null));
          queueMicrotask(() => {
            throughHono = false;
            // Hono looks the handler up per frame and skips the copy when there is none.
            events.onMessage = undefined;
          });
        },
        onMessage(event) {
          if (!throughHono) return;
          receive(event.data instanceof ArrayBuffer ? new Uint8Array(event.data) : null);
        },
        onClose() {
          if (connection) registry.disconnect(connection);
        },
      };
      return events;
    }),
  );
  return routes;
}

/**
 * The room layer's view of one socket. The node adapter's `raw` is a `ws` WebSocket;
 * sending on it directly skips Hono's wrapper. A broadcast frame is written straight
 * to the TCP socket (`socket-write.ts`), which is what `ws` itself does for an
 * unfragmented binary message (it writes header and payload in one corked go, and
 * queues nothing while no extension is negotiated), so whole frames from both stay
 * in order.
 */
function adaptSocket(ws: WSContext, tcp: Socket | null): SyncSocket {
  const raw = ws.raw;
  if (!(raw instanceof WebSocket)) {
    return {
      send: (message) => ws.send(message as Uint8Array<ArrayBuffer>),
      close: (code, reason) => ws.close(code, reason),
    };
  }
  if (tcp === null || raw.extensions !== '') return new WsSocket(raw);
  return new FramingWsSocket(raw, tcp);
}

// Classes rather than object literals of closures: a broadcast calls one of these on
// every reader, and objects of one class share a shape, so those calls stay fast
// (literals with closures made V8 see a new shape per connection).

/** Messages go through `ws`. */
class WsSocket implements SyncSocket {
  constructor(protected readonly raw: WebSocket) {}

  send(message: Uint8Array): void {
    this.raw.send(message);
  }

  close(code: number, reason: string): void {
    this.raw.close(code, reason);
  }
}

/** Messages go through `ws`; broadcast frames go straight to the TCP socket. */
class FramingWsSocket extends WsSocket {
  constructor(
    raw: WebSocket,
    private readonly tcp: Socket,
  ) {
    super(raw);
  }

  sendFramed(frame: WireFrame): void {
    if (this.raw.readyState === WebSocket.OPEN) writeToSocket(this.tcp, frame);
  }
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
