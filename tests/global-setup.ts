/**
 * Builds what the suite runs, once, before it: the client (for the browser tests to
 * load) and the server bundle (for the test of a production install), each only when
 * it is missing or older than its sources.
 */
import { ensureClientBuilt } from '../scripts/client-build';
import { ensureServerBuilt } from '../scripts/server-build';

export default async function setup(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  await ensureClientBuilt(log);
  await ensureServerBuilt(log);
}
