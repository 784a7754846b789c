// @ts-check
/**
 * Whether `dist/` is older than what it is built from. Plain JavaScript, so that
 * `npm start` can decide with `node` alone, without loading a TypeScript runner or
 * a bundler when nothing needs building; `client-build.ts` asks the same question.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root (this file is in `scripts/`). */
export const ROOT = path.resolve(import.meta.dirname, '..');

/** What the built client (`dist/client`) is made from. */
export const CLIENT_BUILD = {
  output: 'dist/client/index.html',
  sources: [
    'client',
    'shared',
    'vite.config.ts',
    'package-lock.json',
    'scripts/client-build.ts',
    'scripts/precompress-plugin.ts',
    'scripts/nhsuk-css-plugin.ts',
  ],
};

/** What the built server (`dist/server`) is made from. */
export const SERVER_BUILD = {
  output: 'dist/server/main.js',
  sources: ['server', 'shared', 'package-lock.json', 'scripts/server-build.ts'],
};

/**
 * The newest modification time under `file` (a file or a folder), in ms.
 * @param {string} file
 * @returns {number}
 */
function newestMtime(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

/**
 * True when `build.output` is missing or older than any of its sources.
 * @param {{ output: string, sources: readonly string[] }} build
 * @param {string} [root]
 * @returns {boolean}
 */
export function isStale(build, root = ROOT) {
  const output = path.join(root, build.output);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return build.sources.some((source) => newestMtime(path.join(root, source)) > built);
}
