/** Builds the client once before the suite, for the browser tests to load. */
import { ensureClientBuilt } from '../scripts/client-build';

export default async function setup(): Promise<void> {
  await ensureClientBuilt((line) => process.stdout.write(`${line}\n`));
}
