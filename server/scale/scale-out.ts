/**
 * Scale-out across processes (REDIS_URL with DATABASE_URL): everything one process
 * needs to serve the same labs as any number of others behind a load balancer. It
 * owns the Redis connections and gives the rest of the server: the document fan-out
 * for the rooms (`redis-fanout.ts`), the metadata kept current with the other
 * processes (`shared-meta-link.ts`) and what their changes close here
 * (`remote-access.ts`), presence across processes (`shared-presence.ts`), the
 * request throttles shared (`shared-throttles.ts`), and the `/readyz` check. Loaded
 * only when REDIS_URL is set, with ioredis.
 */
import { randomUUID } from 'node:crypto';
import type { RequestThrottles } from '../auth/request-throttles';
import type { Logger } from '../logger';
import type { ReadinessCheck } from '../ops/readiness';
import type { RemoteMetaChange, SharedMeta } from '../store/meta-store';
import type { DocFanout } from '../sync/doc-fanout';
import { createRedisFanout } from './redis-fanout';
import { openRedisLink, type RedisLink } from './redis-link';
import { linkSharedMeta, type SharedMetaLink } from './shared-meta-link';
import { type PresentPerson, type SharedPresence, startSharedPresence } from './shared-presence';
import { shareThrottles } from './shared-throttles';

export interface ScaleOut {
  /** This process's id among the others (in the metadata journal and on every message). */
  readonly processId: string;
  readonly link: RedisLink;
  readonly fanout: DocFanout;
  readonly readiness: ReadinessCheck;
  /** Starts following the other processes' metadata writes; `onChange` is told of each. */
  shareMeta(meta: SharedMeta, onChange: (change: RemoteMetaChange) => void): Promise<void>;
  /** The throttles, with every change shared with the other processes. */
  shareThrottles(local: RequestThrottles): Promise<RequestThrottles>;
  /** Starts sharing presence; `local` is this process's, per lab. */
  sharePresence(local: () => ReadonlyMap<string, PresentPerson[]>): SharedPresence;
  close(): Promise<void>;
}

export async function startScaleOut(options: {
  readonly url: string;
  readonly prefix: string;
  readonly logger: Logger;
}): Promise<ScaleOut> {
  const { url, prefix, logger } = options;
  const processId = randomUUID();
  const link = await openRedisLink(url, logger);
  const fanout = createRedisFanout({ link, prefix, processId, logger });
  let metaLink: SharedMetaLink | null = null;
  let presence: SharedPresence | null = null;
  return {
    processId,
    link,
    fanout,
    readiness: { name: 'redis', check: () => link.ping() },
    async shareMeta(meta, onChange) {
      meta.onRemoteChange(onChange);
      metaLink = await linkSharedMeta({ link, prefix, processId, meta, logger });
    },
    shareThrottles: (local) => shareThrottles({ local, link, prefix, processId, logger }),
    sharePresence(local) {
      presence = startSharedPresence({ link, prefix, processId, local, logger });
      return presence;
    },
    async close() {
      metaLink?.stop();
      await presence?.stop();
      await link.close();
    },
  };
}
