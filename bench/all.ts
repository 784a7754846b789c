/**
 * `npm run bench`: the sync benchmark (`run.ts`), the export benchmark (`export.ts`),
 * the cost of the schema check on the edit path (`schema-guard.ts`), archive
 * import (`archive-import.ts`), fan-out across processes on PostgreSQL and Redis
 * (`scale-out.ts`), item history over the editing trace (`history.ts`), then the
 * pages in a browser (`pages.ts`), the diagram canvas with 300 nodes (`diagram-canvas.ts`)
 * and a 200-note workshop board with 10 people editing (`workshop-board.ts`),
 * each in its own process, with the command line's options passed
 * to the one that knows them. Exits non-zero if either benchmark failed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
const exportArgs = args.filter(
  (arg, i) =>
    arg === '--json' || (args[i - 1] === '--rounds' && /^\d+$/.test(arg)) || arg === '--rounds',
);

function run(script: string, scriptArgs: string[]): number {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, script), ...scriptArgs],
    {
      stdio: 'inherit',
    },
  );
  return result.status ?? 1;
}

const sync = run('run.ts', args);
const exports = run('export.ts', exportArgs);
const guard = run('schema-guard.ts', exportArgs);
const imports = run('archive-import.ts', args.includes('--json') ? ['--json'] : []);
const scaleOut = run(
  'scale-out.ts',
  exportArgs.concat(args.includes('--quick') ? ['--quick'] : []),
);
const history = run('history.ts', args.includes('--json') ? ['--json'] : []);
const pages = run('pages.ts', args.includes('--json') ? ['--json'] : []);
const canvas = run('diagram-canvas.ts', args.includes('--json') ? ['--json'] : []);
const board = run('workshop-board.ts', args.includes('--json') ? ['--json'] : []);
process.exitCode =
  [sync, exports, guard, imports, scaleOut, history, pages, canvas, board].find(
    (status) => status !== 0,
  ) ?? 0;
