/**
 * Authorises a sync upgrade request before the WebSocket handshake. The request is
 * read through a small Hono app (public API: `app.fetch` with a Web `Request`), so
 * `authorize-upgrade.ts` reads cookies, headers and the query exactly as the HTTP API
 * does. A path that is neither `/sync/<docId>` nor the lab feed's `/sync/labs/<labId>`
 * gets no verdict.
 */
import type { IncomingMessage } from 'node:http';
import { Hono } from 'hono';
import { CloseCode } from '../../shared/close-codes';
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
  gate.get(`${SYNC_PATH_PREFIX}:docId`, async (c) => {
    c.env.verdict = {
      kind: 'doc',
      decision: await lookingAgain(meta, () => authorizeUpgrade(c, meta, now())),
      wantsSavedAck: c.req.query(SAVED_ACK_PARAM) === '1',
    };
    return c.body(null, 204);
  });
  gate.get(`${LAB_FEED_PATH_PREFIX}:labId`, async (c) => {
    c.env.verdict = {
      kind: 'lab-feed',
      decision: await lookingAgain(meta, () => authorizeLabFeed(c, meta, now())),
    };
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

/**
 * With metadata shared between processes, a refusal may only mean that this
 * process's copy has not yet caught up (a session, an item or a membership just
 * created through another process): it catches up and decides once more.
 */
async function lookingAgain<D extends { ok: boolean; code?: CloseCode }>(
  meta: MetaStore,
  decide: () => D,
): Promise<D> {
  const first = decide();
  const missing = first.code === CloseCode.Unauthenticated || first.code === CloseCode.Forbidden;
  if (first.ok || !meta.shared || !missing) return first;
  await meta.shared.catchUp();
  return decide();
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
