/**
 * Authorises a sync upgrade request before the WebSocket handshake. The request is
 * read through a small Hono app (public API: `app.fetch` with a Web `Request`), so
 * `authorize-upgrade.ts` reads cookies, headers and the query exactly as the HTTP API
 * does. A path that is neither `/sync/<docId>` nor the lab feed's `/sync/labs/<labId>`
 * gets no verdict.
 */
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { SAVED_ACK_PARAM, SYNC_PATH_PREFIX } from '../../shared/protocol';
import { LAB_FEED_PATH_PREFIX } from '../../shared/schemas/lab-feed';
import type { MetaStore } from '../store/meta-store';
import { authorizeLabFeed, type LabFeedDecision } from './authorize-lab-feed';
import { authorizeUpgrade, type UpgradeDecision } from './authorize-upgrade';

export type UpgradeVerdict =
  | {
      readonly kind: 'doc';
      readonly decision: UpgradeDecision;
      /** Whether the client asked for `Saved` acknowledgements (`?saved=1`). */
      readonly wantsSavedAck: boolean;
    }
  | { readonly kind: 'lab-feed'; readonly decision: LabFeedDecision };

/** What the gate's one route hands back through Hono's `c.env`. */
interface GateEnv {
  verdict?: UpgradeVerdict;
}

/** Only the path and query are routed on; the Host header still reaches the Origin check. */
const ROUTING_BASE = 'http://sync.invalid';

export type UpgradeGate = (request: IncomingMessage) => Promise<UpgradeVerdict | null>;

export function createUpgradeGate(meta: MetaStore, now: () => Date): UpgradeGate {
  const gate = new Hono<{ Bindings: GateEnv }>();
  gate.get(`${SYNC_PATH_PREFIX}:docId`, (c) => {
    c.env.verdict = {
      kind: 'doc',
      decision: authorizeUpgrade(c, meta, now()),
      wantsSavedAck: c.req.query(SAVED_ACK_PARAM) === '1',
    };
    return c.body(null, 204);
  });
  gate.get(`${LAB_FEED_PATH_PREFIX}:labId`, (c) => {
    c.env.verdict = { kind: 'lab-feed', decision: authorizeLabFeed(c, meta, now()) };
    return c.body(null, 204);
  });
  return async (request) => {
    let webRequest: Request;
    try {
      webRequest = new Request(new URL(request.url ?? '/', ROUTING_BASE), {
        headers: headersOf(request),
      });
    } catch {
      return null; // a request line or header a Web Request cannot hold
    }
    const env: GateEnv = {};
    await gate.fetch(webRequest, env);
    return env.verdict ?? null;
  };
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i];
    const value = raw[i + 1];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  return headers;
}
