/**
 * `npm run build`: the client with Vite into `dist/client/` and the server with
 * esbuild into `dist/server/`. With `--if-stale` (how `npm start` calls it) each is
 * built only when it is missing or older than its sources.
 */
import { buildClient, ensureClientBuilt } from './client-build';
import { ensureServerBuilt } from './server-build';

const log = (line: string) => process.stdout.write(`${line}\n`);
const always = !process.argv.includes('--if-stale');

if (always) await buildClient(log);
else await ensureClientBuilt(log);
await ensureServerBuilt(log, always);
