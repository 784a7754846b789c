/**
 * Builds the client with Vite when its build is missing or older than its sources.
 * Used by `npm start` and by the browser tests' global set-up.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(root, 'dist/client/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function clientIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const sources = Math.max(
    newestMtime(path.join(root, 'client')),
    newestMtime(path.join(root, 'shared')),
    statSync(path.join(root, 'vite.config.ts')).mtimeMs,
    statSync(path.join(root, 'package-lock.json')).mtimeMs,
  );
  return sources > statSync(builtIndex).mtimeMs;
}

/** Returns true when it had to build. */
export async function ensureClientBuilt(log: (line: string) => void): Promise<boolean> {
  if (!clientIsStale()) return false;
  log('Building the client…');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
