/**
 * The WebSocket endpoint `/sync/<docId>` (and the lab feeds, `/sync/labs/<labId>`,
 * `lab-feeds.ts`), on the HTTP server's `upgrade` event with
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
import type { LabFeedDecision } from './authorize-lab-feed';
import type { UpgradeDecision } from './authorize-upgrade';
import { LabFeedSocket } from './lab-feed-socket';
import type { LabFeeds } from './lab-feeds';
import { createUpgradeGate, type UpgradeVerdict } from './upgrade-gate';
import { refuseSocket, WsSyncSocket } from './ws-sync-socket';

export interface SyncEndpointDeps {
  readonly registry: RoomRegistry;
  readonly feeds: LabFeeds;
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
  const { registry, feeds, logger, limits } = deps;
  // No permessage-deflate: messages go out as they are, and a frame's size is its cost; it
  // also keeps every frame `ws` writes whole and synchronous beside ours (`ws-sync-socket.ts`).
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Limits.maxMessageBytes,
    perMessageDeflate: false,
  });
  const gate = createUpgradeGate(deps.meta, deps.now);
  const sockets = new Set<WsSyncSocket>();

  /** Whether the decision lets the socket open; if not, it has been refused and closed. */
  const admitted = (ws: WebSocket, decision: UpgradeDecision | LabFeedDecision) => {
    if (!decision.ok) {
      logger.info('sync connection refused', { code: decision.code, reason: decision.reason });
      refuseSocket(ws, decision.code);
      return false;
    }
    const open = registry.openSocketsOf(decision.userId) + feeds.openSocketsOf(decision.userId);
    if (open >= limits.maxSocketsPerAccount) {
      logger.warn('sync connection refused: too many sockets for the account', {
        userId: decision.userId,
        code: CloseCode.TooManySockets,
      });
      refuseSocket(ws, CloseCode.TooManySockets);
      return false;
    }
    return true;
  };

  const openFeed = (ws: WebSocket, decision: LabFeedDecision) => {
    if (!admitted(ws, decision) || !decision.ok) return;
    const { labId, userId } = decision;
    feeds.follow(new LabFeedSocket(ws, limits, logger, { labId, userId }), {
      labId,
      user: { id: userId },
      sessionTokenHash: decision.sessionTokenHash,
      apiTokenId: decision.apiTokenId,
      expiresAt: decision.expiresAt,
    });
  };

  const open = (ws: WebSocket, tcp: Duplex, verdict: UpgradeVerdict) => {
    if (verdict.kind === 'lab-feed') {
      openFeed(ws, verdict.decision);
      return;
    }
    const { decision, wantsSavedAck } = verdict;
    if (!admitted(ws, decision) || !decision.ok) return;
    const socket = new WsSyncSocket(ws, tcp, limits, logger, registry.meter);
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
          open(ws, tcp, verdict);
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
    feeds.keepalive();
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
