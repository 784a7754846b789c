/**
 * `npm run bench`: runs every scenario against our server and then against the stock
 * `@y/websocket-server`, each on a fresh process, and prints the figures. Owns the
 * command line, the order of the run and the clean-up: every child process is
 * killed and every temporary directory removed, whether the run passes or fails.
 *
 *   --trace PATH   the editing trace (default ../shared/data/automerge-paper-trace.json)
 *   --rounds N     trace and fan-out rounds per server, alternating ours and baseline;
 *                  figures are medians (default 3: this machine is shared, single runs
 *                  are noisy)
 *   --quick        one round of each, a short fan-out and fewer cold starts, for a smoke run
 *   --json         print the figures as one JSON document instead of the table
 *   --profile DIR  write a V8 CPU profile of each of our server processes into DIR
 *                  (slows the server down: for finding hot spots, not for figures)
 *
 * Exits 0 whether targets pass or fail (it is a report); non-zero only when the
 * benchmark itself failed (wrong text, a server crash, a timeout).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type FanoutFigures, runFanoutScenario } from './fanout';
import { measurePersistence } from './persistence';
import { clockTicksPerSecond } from './proc-stats';
import { medianOfEach } from './quantiles';
import { type BenchResults, formatJson, formatReport } from './report';
import { benchDatabaseUrl, dropSchemas, schemaFor } from './database';
import {
  ChildProcesses,
  type ServerProcess,
  startBaselineServer,
  startOurServer,
} from './server-process';
import { runTraceScenario, type TraceFigures } from './trace';
import { loadTrace, type Trace } from './trace-file';
import {
  type AdminCredentials,
  type DocAccess,
  newAdminCredentials,
  provisionDocuments,
} from './workspace-access';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The baseline opens any id without credentials; ours gets ids from `provisionDocuments`. */
const BASELINE_TRACE_DOC: DocAccess = { docId: 'bench-trace', params: {} };
const BASELINE_FANOUT_DOC: DocAccess = { docId: 'bench-fanout', params: {} };
const BASELINE_NAME = '@y/websocket-server 0.1.1 (stock server.js, in memory)';

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
  const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
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

interface Run {
  readonly options: Options;
  readonly trace: Trace;
  readonly ticksPerSecond: number;
  readonly children: ChildProcesses;
  readonly temp: TempDirs;
  readonly admin: AdminCredentials;
}

function startOptions(run: Run) {
  const { profileDir } = run.options;
  const nodeArgs = profileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  return { repoRoot, children: run.children, admin: run.admin, nodeArgs };
}

/** Our server on a fresh data directory, with one document the benchmark may open. */
async function startOursWithDocument(run: Run, label: string, title: string) {
  const dataDir = run.temp.make(label);
  const server = await startOurServer(startOptions(run), dataDir);
  const [access] = await server.guard(provisionDocuments(server.httpBase, run.admin, [title]));
  if (!access) throw new Error('no document was provisioned');
  return { server, dataDir, access };
}

/** Runs `work` on `server`, failing as soon as the server dies, and stops the server after. */
async function on<T>(server: ServerProcess, work: (server: ServerProcess) => Promise<T>) {
  const result = await server.guard(work(server));
  await server.stop();
  return result;
}

/** One trace round on our server; the data directory keeps the compacted document. */
async function traceOnOurs(run: Run, round: number) {
  const { server, dataDir, access } = await startOursWithDocument(run, 'trace', 'Editing trace');
  const trace = await on(server, (s) => runTraceScenario(s, run.trace, access, run.ticksPerSecond));
  log(`ours: trace round ${round}: ${describeTrace(trace)}; SIGTERM sent, log compacted`);
  return { trace, dataDir, access };
}

async function traceOnBaseline(run: Run, round: number): Promise<TraceFigures> {
  const server = await startBaselineServer(startOptions(run));
  const trace = await on(server, (s) =>
    runTraceScenario(s, run.trace, BASELINE_TRACE_DOC, run.ticksPerSecond),
  );
  log(`baseline: trace round ${round}: ${describeTrace(trace)}`);
  return trace;
}

function describeTrace(trace: TraceFigures): string {
  return `${(trace.wallMs / 1000).toFixed(1)} s, server CPU ${trace.serverCpuMs.toFixed(0)} ms`;
}

/** Trace rounds alternating ours and the baseline, then disk and cold start on round 1's data. */
async function traceScenario(run: Run) {
  const ours: TraceFigures[] = [];
  const baseline: TraceFigures[] = [];
  let first: { dataDir: string; access: DocAccess } | null = null;
  for (let round = 1; round <= run.options.rounds; round++) {
    const result = await traceOnOurs(run, round);
    ours.push(result.trace);
    first ??= result;
    baseline.push(await traceOnBaseline(run, round));
  }
  if (first === null) throw new Error('no trace round ran');
  const { dataDir, access } = first;
  const disk = await measurePersistence({
    start: () => startOurServer(startOptions(run), dataDir),
    dataDir,
    access,
    trace: run.trace,
    samples: run.options.quick ? 3 : 5,
    log: (line) => log(`ours: ${line}`),
  });
  return { ours, baseline, disk };
}

async function fanout(
  run: Run,
  server: ServerProcess,
  access: DocAccess,
  round: number,
): Promise<FanoutFigures> {
  log(`${server.kind}: fan-out round ${round}`);
  const figures = await on(server, (s) =>
    runFanoutScenario(s, {
      access,
      readers: 100,
      // 10 s at one edit every 20 ms; --quick: 2 s.
      edits: run.options.quick ? 100 : 500,
      intervalMs: 20,
      ticksPerSecond: run.ticksPerSecond,
    }),
  );
  log(
    `${server.kind}: fan-out p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms`,
  );
  return figures;
}

async function benchmark(run: Run): Promise<BenchResults> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? 0;
  const traces = await traceScenario(run);
  const oursFanout: FanoutFigures[] = [];
  const baselineFanout: FanoutFigures[] = [];
  for (let round = 1; round <= run.options.rounds; round++) {
    const fanoutOn = await startOursWithDocument(run, 'fanout', 'Fan-out');
    oursFanout.push(await fanout(run, fanoutOn.server, fanoutOn.access, round));
    const baselineServer = await startBaselineServer(startOptions(run));
    baselineFanout.push(await fanout(run, baselineServer, BASELINE_FANOUT_DOC, round));
  }
  return {
    meta: {
      startedAt,
      node: process.version,
      cpus: availableParallelism(),
      clockTicksPerSecond: run.ticksPerSecond,
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      quick: run.options.quick,
      rounds: run.options.rounds,
      tracePath: run.trace.path,
      traceName: run.trace.name,
      baseline: BASELINE_NAME,
    },
    ours: {
      trace: medianOfEach(traces.ours),
      traceRounds: traces.ours,
      fanout: medianOfEach(oursFanout),
      fanoutRounds: oursFanout,
      persistence: traces.disk,
    },
    baseline: {
      trace: medianOfEach(traces.baseline),
      traceRounds: traces.baseline,
      fanout: medianOfEach(baselineFanout),
      fanoutRounds: baselineFanout,
      persistence: null,
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
    const trace = await loadTrace(options.tracePath);
    const admin = newAdminCredentials();
    const run = { options, trace, ticksPerSecond: clockTicksPerSecond(), children, temp, admin };
    const database = benchDatabaseUrl();
    if (database !== null)
      log('ours runs on PostgreSQL (DATABASE_URL), a schema per data directory');
    const results = await benchmark(run).finally(async () => {
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
