/**
 * The WebSocket endpoint `/sync/<docId>`, on the HTTP server's `upgrade` event with
 * `ws`'s `WebSocketServer({ noServer: true })` and `handleUpgrade` (public APIs only).
 * Every connection is authorised before the handshake (`upgrade-gate.ts`). A refused
 * connection is accepted and closed at once with a named close code, which stock
 * clients can read (an HTTP error at upgrade would only show as a network failure).
 * Size limits are enforced by `ws` itself (`maxPayload`, close 1009) before a frame
 * is buffered; rates, unread bytes and the keepalive by `ws-sync-socket.ts`.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from '../../shared/close-codes';
import { Limits, type SyncLimits } from '../../shared/limits';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import type { RoomRegistry } from './room-registry';
import { createUpgradeGate, type UpgradeVerdict } from './upgrade-gate';
import { refuseSocket, WsSyncSocket } from './ws-sync-socket';

export interface SyncEndpointDeps {
  readonly registry: RoomRegistry;
  readonly meta: MetaStore;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly limits: SyncLimits;
}

export interface SyncEndpoint {
  /** Stops the keepalive and ends every socket still open. */
  close(): void;
}

export function attachSyncEndpoint(server: Server, deps: SyncEndpointDeps): SyncEndpoint {
  const { registry, logger, limits } = deps;
  // No permessage-deflate: messages go out as they are, and a frame's size is its cost.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  const gate = createUpgradeGate(deps.meta, deps.now);
  const sockets = new Set<WsSyncSocket>();

  const open = (ws: WebSocket, { decision, wantsSavedAck }: UpgradeVerdict) => {
    if (!decision.ok) {
      logger.info('sync connection refused', { code: decision.code, reason: decision.reason });
      refuseSocket(ws, decision.code);
      return;
    }
    if (registry.openSocketsOf(decision.userId) >= limits.maxSocketsPerAccount) {
      logger.warn('sync connection refused: too many sockets for the account', {
        userId: decision.userId,
        code: CloseCode.TooManySockets,
      });
      refuseSocket(ws, CloseCode.TooManySockets);
      return;
    }
    const socket = new WsSyncSocket(ws, limits, logger);
    const connection = registry.connect(socket, {
      docId: decision.docId,
      labId: decision.labId,
      user: { id: decision.userId, name: decision.userName },
      isReviewer: decision.isReviewer,
      canWrite: decision.canWrite,
      sessionTokenHash: decision.sessionTokenHash,
      apiTokenId: decision.apiTokenId,
      expiresAt: decision.expiresAt,
      wantsSavedAck,
    });
    socket.bind(connection, registry, sockets);
  };

  const onUpgrade = (request: IncomingMessage, tcp: Duplex, head: Buffer) => {
    // Until `ws` owns the socket, an error on it (a reset) must not crash the process.
    const ignore = () => undefined;
    tcp.on('error', ignore);
    gate(request).then(
      (verdict) => {
        if (tcp.destroyed) return;
        if (verdict === null) {
          rejectUpgrade(tcp, '404 Not Found');
          return;
        }
        wss.handleUpgrade(request, tcp, head, (ws) => {
          tcp.off('error', ignore);
          open(ws, verdict);
        });
      },
      (error: unknown) => {
        logger.error('sync upgrade failed', { error });
        rejectUpgrade(tcp, '500 Internal Server Error');
      },
    );
  };
  server.on('upgrade', onUpgrade);

  const keepalive = setInterval(() => {
    for (const socket of sockets) socket.keepalive();
  }, limits.pingIntervalMs);
  keepalive.unref();

  return {
    close() {
      clearInterval(keepalive);
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function rejectUpgrade(tcp: Duplex, status: string): void {
  if (tcp.destroyed) return;
  tcp.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
