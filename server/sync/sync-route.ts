/**
 * The WebSocket endpoint `/sync/<docId>`: authorises the connection at upgrade
 * and adapts Hono's WebSocket to the room layer. A refused connection is accepted
 * and closed at once with a named close code, which stock clients can read (an
 * HTTP error at upgrade would only show as a network failure). Size limits are
 * enforced by the `ws` server itself (`maxPayload`), before a frame is buffered.
 */
import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import type { WSContext } from 'hono/ws';
import { CLOSE_REASONS, CloseCode } from '../../shared/close-codes';
import { SAVED_ACK_PARAM } from '../../shared/protocol';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import { authorizeUpgrade } from './authorize-upgrade';
import type { Connection } from './connection';
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
          connection = registry.connect(
            {
              send: (frame) => ws.send(frame as Uint8Array<ArrayBuffer>),
              close: (code, reason) => ws.close(code, reason),
            },
            {
              docId: decision.docId,
              labId: decision.labId,
              user: { id: decision.userId, name: decision.userName },
              canWrite: decision.canWrite,
              sessionTokenHash: decision.sessionTokenHash,
              wantsSavedAck,
            },
          );
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
