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
  // Vite builds for the NODE_ENV it finds, and the test runner sets it to `test`: that
  // gives React's development build, where StrictMode runs every effect twice (two of
  // each request and socket). Tests must load what people get, so build for production.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Returns true when it had to build. */
export async function ensureClientBuilt(log: (line: string) => void): Promise<boolean> {
  if (!isStale(CLIENT_BUILD)) return false;
  await buildClient(log);
  return true;
}
