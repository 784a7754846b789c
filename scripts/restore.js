// @ts-check
/**
 * `npm run restore`: runs the bundled command
 * (`dist/server/restore.js`, from `server/restore-command.ts`) with plain `node`,
 * building `dist/` first when it is stale, as `npm start` does.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SERVER_BUILD } from './build-freshness.js';
import { ensureBuilt } from './ensure-built.js';

ensureBuilt();
const tool = path.join(ROOT, path.dirname(SERVER_BUILD.output), 'restore.js');
await import(pathToFileURL(tool).href);
