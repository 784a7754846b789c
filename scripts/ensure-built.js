// @ts-check
/**
 * Builds `dist/` when it is missing or older than its sources, in a child process so
 * the build tools never stay in the memory of what runs afterwards; `npm start` and
 * `npm run migrate-store` call it before importing what they run from `dist/server/`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { CLIENT_BUILD, isStale, ROOT, SERVER_BUILD } from './build-freshness.js';

/** The TypeScript runner for the build script, if development dependencies are installed. */
function findTsx() {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return null;
  }
}

/** Builds what is stale, or exits saying why it cannot. */
export function ensureBuilt() {
  if (!isStale(SERVER_BUILD) && !isStale(CLIENT_BUILD)) return;
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
