// @ts-check
/**
 * `npm start`: runs the built server (`dist/server/main.js`) with plain `node`, which
 * serves the client, the API and sync on one port. When `dist/` is missing or older
 * than its sources, it is built first (`ensure-built.js`). Plain JavaScript: nothing
 * but `node` is needed when `dist/` is up to date (as after `npm run build` and
 * `npm ci --omit=dev`).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SERVER_BUILD } from './build-freshness.js';
import { ensureBuilt } from './ensure-built.js';

ensureBuilt();
await import(pathToFileURL(path.join(ROOT, SERVER_BUILD.output)).href);
