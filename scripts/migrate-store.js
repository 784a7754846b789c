// @ts-check
/**
 * `npm run migrate-store -- --to postgres|embedded`: runs the bundled copy tool
 * (`dist/server/migrate-store.js`, from `server/migrate-store.ts`) with plain `node`,
 * building `dist/` first when it is stale, as `npm start` does.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SERVER_BUILD } from './build-freshness.js';
import { ensureBuilt } from './ensure-built.js';

ensureBuilt();
const tool = path.join(ROOT, path.dirname(SERVER_BUILD.output), 'migrate-store.js');
await import(pathToFileURL(tool).href);
