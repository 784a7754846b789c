/**
 * Serves the built client (Vite's output) with a single-page-app fallback: any
 * GET that is not a file, the API or the sync endpoint gets `index.html`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

export function serveClient(clientDir: string): Hono {
  const routes = new Hono();
  const indexPath = path.join(clientDir, 'index.html');
  routes.use('/assets/*', serveStatic({ root: clientDir }));
  routes.use('/*', serveStatic({ root: clientDir }));
  routes.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text(
        'The client is not built. Run `npm start` (which builds it) or `npm run build`.',
        503,
      );
    }
    return c.html(readFileSync(indexPath, 'utf8'));
  });
  return routes;
}
