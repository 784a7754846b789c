/**
 * `npm run bench`: runs every scenario against our server and then against the stock
 * `@y/websocket-server`, each on a fresh process, and prints the figures. Owns the
 * command line, the order of the run and the clean-up: every child process is
 * killed and every temporary directory removed, whether the run passes or fails.
 *
 *   --trace PATH   the editing trace (default ../shared/data/automerge-paper-trace.json)
 *   --rounds N     rounds per server of the trace, idle connections, fan-out and item
 *                  creation, alternating ours and baseline; figures are medians
 *                  (default 5: this machine is shared, and single rounds' CPU ratios
 *                  spread by about 0.1 either way)
 *   --quick        one round of each, a short fan-out, fewer connections, items and
 *                  restarts, for a smoke run
 *   --json         print the figures as one JSON document instead of the table
 *   --profile DIR  write a V8 CPU profile of each of our server processes into DIR
 *                  (slows the server down: for finding hot spots, not for figures)
 *
 * Exits 0 whether targets pass or fail (it is a report); non-zero only when the
 * benchmark itself failed (wrong text, a server crash, a timeout).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl, dropSchemas, schemaFor } from './database';
import { measureNodeStart } from './node-start';
import { startupFigures } from './persistence';
import { clockTicksPerSecond } from './proc-stats';
import { median, medianOfEach } from './quantiles';
import { formatJson, formatReport } from './report';
import type { BenchResults } from './results';
import {
  fanoutRounds,
  idleRounds,
  itemCreationRounds,
  type Run,
  startupRounds,
  traceRounds,
} from './rounds';
import { ChildProcesses } from './server-process';
import { loadTrace } from './trace-file';
import { newAdminCredentials } from './workspace-access';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASELINE_NAME = '@y/websocket-server 0.1.1 (stock server.js, in memory)';
const STOCK_ON_OUR_WS_NAME = `stock on our ws: its setupWSConnection on ws ${wsVersion()}`;

/** The `ws` version ours pins (and the stock handler is also run on). */
function wsVersion(): string {
  const { version } = createRequire(import.meta.url)('ws/package.json') as { version: string };
  return version;
}

interface Options {
  readonly tracePath: string;
  readonly quick: boolean;
  readonly rounds: number;
  readonly json: boolean;
  readonly profileDir: string | null;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      trace: { type: 'string' },
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      json: { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds ?? (values.quick ? 1 : 5));
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 9) {
    throw new Error(`--rounds must be a whole number from 1 to 9, not "${values.rounds}"`);
  }
  return {
    rounds,
    tracePath: path.resolve(
      values.trace ?? path.resolve(repoRoot, '../shared/data/automerge-paper-trace.json'),
    ),
    quick: values.quick,
    json: values.json,
    profileDir: values.profile === undefined ? null : path.resolve(values.profile),
  };
}

/** Progress goes to stderr, so stdout holds only the report (or the JSON). */
function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/** Temporary data directories of this run, removed at the end whatever happens. */
class TempDirs {
  private readonly dirs: string[] = [];

  make(label: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), `improvement-lab-bench-${label}-`));
    this.dirs.push(dir);
    return dir;
  }

  removeAll(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }

  /** The PostgreSQL schemas of the directories made so far (scale-out mode only). */
  schemas(): string[] {
    return this.dirs.map(schemaFor);
  }
}

async function benchmark(run: Run, options: Options): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? 0;
  const traces = await traceRounds(run);
  const starts = await startupRounds(run, traces.traced);
  const nodeStart = await measureNodeStart(run.quick ? 5 : 15);
  const idle = await idleRounds(run);
  const fanouts = await fanoutRounds(run);
  const items = await itemCreationRounds(run);
  return {
    meta: {
      startedAt,
      node: process.version,
      cpus: availableParallelism(),
      clockTicksPerSecond: run.ticksPerSecond,
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      quick: options.quick,
      rounds: options.rounds,
      tracePath: run.trace.path,
      traceName: run.trace.name,
      baseline: BASELINE_NAME,
      nodeStart,
    },
    ours: {
      trace: medianOfEach(traces.rounds.ours),
      traceRounds: traces.rounds.ours,
      fanout: medianOfEach(fanouts.ours),
      fanoutRounds: fanouts.ours,
      startup: startupFigures(starts.ours),
      startupSamples: starts.ours,
      idle: medianOfEach(idle.ours),
      idleRounds: idle.ours,
      disk: traces.disk,
      itemCreation: {
        items: items[0]?.items ?? 0,
        medianMs: median(items.map((round) => round.medianMs)),
        p90Ms: median(items.map((round) => round.p90Ms)),
      },
      itemCreationRounds: items,
    },
    baseline: {
      trace: medianOfEach(traces.rounds.baseline),
      traceRounds: traces.rounds.baseline,
      fanout: medianOfEach(fanouts.baseline),
      fanoutRounds: fanouts.baseline,
      startup: startupFigures(starts.baseline),
      startupSamples: starts.baseline,
      idle: medianOfEach(idle.baseline),
      idleRounds: idle.baseline,
      disk: null,
      itemCreation: null,
      itemCreationRounds: [],
    },
    stockOnOurWs: {
      name: STOCK_ON_OUR_WS_NAME,
      trace: medianOfEach(traces.rounds.stockOnOurWs),
      traceRounds: traces.rounds.stockOnOurWs,
      fanout: medianOfEach(fanouts.stockOnOurWs),
      fanoutRounds: fanouts.stockOnOurWs,
    },
  };
}

async function main(): Promise<number> {
  const children = new ChildProcesses();
  const temp = new TempDirs();
  const cleanUp = () => {
    children.killAll();
    temp.removeAll();
  };
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    cleanUp();
    process.exit(1);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const options = readOptions();
    const run: Run = {
      rounds: options.rounds,
      quick: options.quick,
      profileDir: options.profileDir,
      repoRoot,
      trace: await loadTrace(options.tracePath),
      ticksPerSecond: clockTicksPerSecond(),
      children,
      admin: newAdminCredentials(),
      makeDataDir: (label) => temp.make(label),
      log,
    };
    const database = benchDatabaseUrl();
    if (database !== null)
      log('ours runs on PostgreSQL (DATABASE_URL), a schema per data directory');
    const results = await benchmark(run, options).finally(async () => {
      if (database !== null) await dropSchemas(database, temp.schemas());
    });
    process.stdout.write(options.json ? formatJson(results) : formatReport(results));
    return 0;
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    cleanUp();
  }
}

// Exit explicitly: after a failure, timers of abandoned waits would otherwise keep the
// process alive until they fire.
main().then((code) => process.exit(code));
