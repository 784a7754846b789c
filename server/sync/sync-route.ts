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
import type { WSContext } from 'hono/ws';
import { WebSocket } from 'ws';
import { CLOSE_REASONS, CloseCode } from '../../shared/close-codes';
import { SAVED_ACK_PARAM } from '../../shared/protocol';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import { authorizeUpgrade } from './authorize-upgrade';
import type { Connection, SyncSocket } from './connection';
import type { RoomRegistry } from './room-registry';

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
      return {
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
            wantsSavedAck,
          });
        },
        onMessage(event) {
          if (!connection) return;
          if (!(event.data instanceof ArrayBuffer)) {
            logger.warn('text frame on the sync socket; connection closed', {
              docId: decision.ok ? decision.docId : null,
            });
            connection.close(CloseCode.MalformedMessage);
            return;
          }
          registry.receive(connection, new Uint8Array(event.data));
        },
        onClose() {
          if (connection) registry.disconnect(connection);
        },
      };
    }),
  );
  return routes;
}

/**
 * The room layer's view of one socket. The node adapter's `raw` is a `ws` WebSocket;
 * sending on it directly skips Hono's wrapper. A broadcast frame is written straight
 * to the TCP socket, which is what `ws` itself does for an unfragmented binary
 * message (it writes header and payload in one corked go, and queues nothing while
 * no extension is negotiated), so whole frames from both stay in order.
 */
function adaptSocket(ws: WSContext, tcp: Socket | null): SyncSocket {
  const raw = ws.raw;
  if (!(raw instanceof WebSocket)) {
    return {
      send: (message) => ws.send(message as Uint8Array<ArrayBuffer>),
      close: (code, reason) => ws.close(code, reason),
    };
  }
  const socket: SyncSocket = {
    send: (message) => raw.send(message),
    close: (code, reason) => raw.close(code, reason),
  };
  if (tcp === null || raw.extensions !== '') return socket;
  return {
    ...socket,
    sendFramed: (frame) => {
      if (raw.readyState === WebSocket.OPEN) tcp.write(frame);
    },
  };
}
