/**
 * The operator's endpoints, outside `/api` and its authentication:
 *  - `GET /healthz`: the process is alive and answering (200, always);
 *  - `GET /readyz`: every readiness check passes now (200), else 503 naming the
 *    failing ones, so a load balancer stops sending people here;
 *  - `GET /metrics`: Prometheus text format; with `METRICS_TOKEN` set, only for
 *    `Authorization: Bearer <token>` (compared in constant time).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { ServerMetrics } from './metrics';
import type { Readiness } from './readiness';

export interface OpsDeps {
  readonly metrics: ServerMetrics;
  readonly readiness: Readiness;
  /** Required as a bearer token for `/metrics` when set. */
  readonly metricsToken: string | null;
}

const NO_STORE = { 'cache-control': 'no-store' } as const;

/** Equal digests of equal length: the comparison takes the same time wherever they differ. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearer(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? '';
}

export function opsRoutes(deps: OpsDeps): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  routes.get('/readyz', async (c) => {
    const report = await deps.readiness.report();
    return c.json(
      { status: report.ready ? 'ready' : 'not_ready', checks: report.checks },
      report.ready ? 200 : 503,
      NO_STORE,
    );
  });
  routes.get('/metrics', async (c) => {
    const { metricsToken } = deps;
    if (metricsToken !== null && !sameSecret(bearer(c.req.header('authorization')), metricsToken)) {
      return c.text('metrics need the METRICS_TOKEN as a bearer token\n', 401, {
        'www-authenticate': 'Bearer realm="metrics"',
        ...NO_STORE,
      });
    }
    return c.body(await deps.metrics.render(), 200, {
      'content-type': deps.metrics.contentType,
      ...NO_STORE,
    });
  });
  return routes;
}
