// @ts-check
/**
 * `npm start`: runs the built server (`dist/server/main.js`) with plain `node`, which
 * serves the client, the API and sync on one port. When `dist/` is missing or older
 * than its sources, it is built first, in a child process, so the build tools never
 * stay in the server's memory. Plain JavaScript: nothing but `node` is needed when
 * `dist/` is up to date (as after `npm run build` and `npm ci --omit=dev`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIENT_BUILD, isStale, ROOT, SERVER_BUILD } from './build-freshness.js';

/** The TypeScript runner for the build script, if development dependencies are installed. */
function findTsx() {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return null;
  }
}

if (isStale(SERVER_BUILD) || isStale(CLIENT_BUILD)) {
  const tsx = findTsx();
  if (tsx === null) {
    process.stderr.write(
      'Improvement Lab is not built (dist/ is missing or older than its sources), and the\n' +
        'build tools are not installed. Run `npm ci` and `npm run build`, then start again.\n',
    );
    process.exit(1);
  }
  const built = spawnSync(
    process.execPath,
    ['--import', tsx, path.join(ROOT, 'scripts/build.ts'), '--if-stale'],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}

await import(pathToFileURL(path.join(ROOT, SERVER_BUILD.output)).href);
