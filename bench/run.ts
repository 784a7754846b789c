/**
 * `npm run bench`: runs every scenario against our server and then against the stock
 * `@y/websocket-server`, each on a fresh process, and prints the figures. Owns the
 * command line, the order of the run and the clean-up: every child process is
 * killed and every temporary directory removed, whether the run passes or fails.
 *
 *   --trace PATH   the editing trace (default ../shared/data/automerge-paper-trace.json)
 *   --quick        a short fan-out and fewer cold starts, for a smoke run
 *   --json         print the figures as one JSON document instead of the table
 *
 * Exits 0 whether targets pass or fail (it is a report); non-zero only when the
 * benchmark itself failed (wrong text, a server crash, a timeout).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type FanoutFigures, runFanoutScenario } from './fanout';
import { measurePersistence, type PersistenceFigures } from './persistence';
import { clockTicksPerSecond } from './proc-stats';
import { type BenchResults, formatJson, formatReport } from './report';
import {
  ChildProcesses,
  type ServerProcess,
  startBaselineServer,
  startOurServer,
} from './server-process';
import { runTraceScenario, type TraceFigures } from './trace';
import { loadTrace, type Trace } from './trace-file';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TRACE_DOC = 'bench-trace';
const FANOUT_DOC = 'bench-fanout';
const BASELINE_NAME = '@y/websocket-server 0.1.1 (stock server.js, in memory)';

interface Options {
  readonly tracePath: string;
  readonly quick: boolean;
  readonly json: boolean;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      trace: { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  return {
    tracePath: path.resolve(
      values.trace ?? path.resolve(repoRoot, '../shared/data/automerge-paper-trace.json'),
    ),
    quick: values.quick,
    json: values.json,
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
}

interface Run {
  readonly options: Options;
  readonly trace: Trace;
  readonly ticksPerSecond: number;
  readonly children: ChildProcesses;
  readonly temp: TempDirs;
}

/** Runs `work` on `server`, failing as soon as the server dies, and stops the server after. */
async function on<T>(server: ServerProcess, work: (server: ServerProcess) => Promise<T>) {
  const result = await server.guard(work(server));
  await server.stop();
  return result;
}

async function traceOnOurs(run: Run): Promise<{ trace: TraceFigures; disk: PersistenceFigures }> {
  const start = { repoRoot, children: run.children };
  const dataDir = run.temp.make('trace');
  log('ours: trace replay');
  const server = await startOurServer(start, dataDir);
  const trace = await on(server, (s) =>
    runTraceScenario(s, run.trace, TRACE_DOC, run.ticksPerSecond),
  );
  log(`ours: trace done in ${(trace.wallMs / 1000).toFixed(1)} s; SIGTERM sent, log compacted`);
  const disk = await measurePersistence({
    start: () => startOurServer(start, dataDir),
    dataDir,
    docId: TRACE_DOC,
    trace: run.trace,
    samples: run.options.quick ? 3 : 5,
    log: (line) => log(`ours: ${line}`),
  });
  return { trace, disk };
}

async function traceOnBaseline(run: Run): Promise<TraceFigures> {
  log('baseline: trace replay');
  const server = await startBaselineServer({ repoRoot, children: run.children });
  const trace = await on(server, (s) =>
    runTraceScenario(s, run.trace, TRACE_DOC, run.ticksPerSecond),
  );
  log(`baseline: trace done in ${(trace.wallMs / 1000).toFixed(1)} s`);
  return trace;
}

async function fanout(run: Run, server: ServerProcess): Promise<FanoutFigures> {
  log(`${server.kind}: fan-out`);
  const figures = await on(server, (s) =>
    runFanoutScenario(s, {
      docId: FANOUT_DOC,
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
  const start = { repoRoot, children: run.children };
  const ours = await traceOnOurs(run);
  const baselineTrace = await traceOnBaseline(run);
  const oursFanout = await fanout(run, await startOurServer(start, run.temp.make('fanout')));
  const baselineFanout = await fanout(run, await startBaselineServer(start));
  return {
    meta: {
      startedAt,
      node: process.version,
      cpus: availableParallelism(),
      clockTicksPerSecond: run.ticksPerSecond,
      quick: run.options.quick,
      tracePath: run.trace.path,
      traceName: run.trace.name,
      baseline: BASELINE_NAME,
    },
    ours: { trace: ours.trace, fanout: oursFanout, persistence: ours.disk },
    baseline: { trace: baselineTrace, fanout: baselineFanout, persistence: null },
  };
}

async function main(): Promise<number> {
  const options = readOptions();
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
    const trace = await loadTrace(options.tracePath);
    const run = { options, trace, ticksPerSecond: clockTicksPerSecond(), children, temp };
    const results = await benchmark(run);
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
