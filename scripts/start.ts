/**
 * `npm start`: builds the client if needed, then runs the server, which serves
 * the client, the API and sync on one port.
 */
import { ensureClientBuilt } from './client-build';

await ensureClientBuilt((line) => process.stdout.write(`${line}\n`));
await import('../server/main');
