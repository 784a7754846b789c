/**
 * The workspace's API with the export routes mounted as `server/app.ts` mounts
 * them, but with export dependencies a test can replace (a comment source, a
 * smaller archive limit), served on its own port.
 */

import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { createApiApp } from '../../server/api/api-app';
import type { ApiDeps } from '../../server/api/context';
import { type ExportDeps, mountExportRoutes } from '../../server/api/routes/export-routes';
import { createRequestThrottles } from '../../server/auth/request-throttles';
import { createDocReader } from '../../server/export/doc-reader';
import { createMemoryLogger } from '../../server/logger';
import { createNotifier } from '../../server/notifications/notifier';
import { initItemDoc } from '../../shared/documents/item-doc';
import { TEST_PASSWORD_HASH_COST } from './accounts';
import type { TestWorkspace } from './workspace';

/** The API of the workspace with the export routes mounted, as `server/app.ts` assembles it. */
export function exportApi(workspace: TestWorkspace, exportDeps: Partial<ExportDeps> = {}): Hono {
  const { meta, registry, store } = workspace.server;
  const deps: ApiDeps = {
    sso: null,
    meta,
    logger: createMemoryLogger(),
    now: () => new Date(),
    secureCookies: false,
    mailer: null,
    onAccountClosed: () => undefined,
    publicUrl: () => 'http://localhost',
    sessionTtlMs: 3_600_000,
    throttles: createRequestThrottles(() => new Date()),
    trustProxy: 0,
    passwordHashCost: TEST_PASSWORD_HASH_COST,
    onAccessChanged: () => undefined,
    presenceInLab: async () => [],
    onItemSharingChanged: () => undefined,
    notifier: createNotifier({ meta, logger: createMemoryLogger(), digests: null }),
    onGroupLeft: () => undefined,
    onSessionsEnded: () => undefined,
    onApiTokensRevoked: () => undefined,
    onAdminCreated: async () => undefined,
    history: workspace.server.history,
    docs: {
      initItem: (itemId, kind, title) =>
        registry.change(itemId, (d) => initItemDoc(d, kind, title)),
      setTitle: async () => undefined,
      change: (docId, change) => registry.change(docId, change),
      read: (docId, read) => registry.read(docId, read),
    },
  };
  const api = createApiApp(deps);
  mountExportRoutes(api, { reader: createDocReader(store), store, ...exportDeps });
  const app = new Hono();
  app.route('/api', api);
  return app;
}

export async function serve(app: Hono): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createAdaptorServer({ fetch: app.fetch });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
