/**
 * Builds the client with Vite when its build is missing or older than its sources.
 * Used by `npm run build`, `npm start` and by the browser tests' global set-up.
 */
import path from 'node:path';
import { build } from 'vite';
import { CLIENT_BUILD, isStale, ROOT } from './build-freshness.js';

/** Builds the client into `dist/client/`, whether or not it is up to date. */
export async function buildClient(log: (line: string) => void): Promise<void> {
  log('Building the client…');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** Returns true when it had to build. */
export async function ensureClientBuilt(log: (line: string) => void): Promise<boolean> {
  if (!isStale(CLIENT_BUILD)) return false;
  await buildClient(log);
  return true;
}
