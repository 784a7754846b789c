/**
 * The rounds of each scenario: every round on fresh server processes, ours and the
 * baseline alternating (the machine is shared, so each figure is the median of rounds
 * that saw the same conditions, not one server's run after the other's). The trace and
 * fan-out rounds also run the stock handler on our `ws` version, third in each round.
 */
import { type FanoutFigures, runFanoutScenario } from './fanout';
import { type IdleConnectionFigures, runIdleConnectionScenario } from './idle-connections';
import { type ItemCreationFigures, runItemCreationScenario } from './item-creation';
import {
  type DiskFigures,
  measureDisk,
  restartSample,
  type StartupSample,
  startupOf,
} from './persistence';
import {
  type ChildProcesses,
  type ServerProcess,
  type StartOptions,
  startBaselineServer,
  startOurServer,
} from './server-process';
import { runTraceScenario, type TraceFigures } from './trace';
import type { Trace } from './trace-file';
import { type AdminCredentials, type DocAccess, provisionDocuments } from './workspace-access';

/** The baseline opens any id without credentials; ours gets ids from `provisionDocuments`. */
const BASELINE_TRACE_DOC: DocAccess = { docId: 'bench-trace', params: {} };
const BASELINE_FANOUT_DOC: DocAccess = { docId: 'bench-fanout', params: {} };
const BASELINE_IDLE_DOC: DocAccess = { docId: 'bench-idle', params: {} };

export interface Run {
  readonly rounds: number;
  readonly quick: boolean;
  /** Writes V8 CPU profiles of our server processes here, or null. */
  readonly profileDir: string | null;
  readonly repoRoot: string;
  readonly trace: Trace;
  readonly ticksPerSecond: number;
  readonly children: ChildProcesses;
  readonly admin: AdminCredentials;
  /** A new temporary data directory, removed at the end of the run. */
  makeDataDir(label: string): string;
  /** Progress, on stderr. */
  log(line: string): void;
}

/** Each server's figures, one per round or sample. */
export interface Rounds<T> {
  readonly ours: T[];
  readonly baseline: T[];
}

/** The CPU scenarios' rounds also run the stock handler on our `ws` version. */
export interface CpuRounds<T> extends Rounds<T> {
  readonly stockOnOurWs: T[];
}

function startOptions(run: Run, inspect = false): StartOptions {
  const { profileDir } = run;
  const nodeArgs = profileDir === null ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
  return { repoRoot: run.repoRoot, children: run.children, admin: run.admin, nodeArgs, inspect };
}

/** Our server on a fresh data directory, with one document the benchmark may open. */
async function startOursWithDocument(run: Run, label: string, title: string, inspect = false) {
  const dataDir = run.makeDataDir(label);
  const server = await startOurServer(startOptions(run, inspect), dataDir);
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

function describeTrace(trace: TraceFigures): string {
  return (
    `${(trace.wallMs / 1000).toFixed(1)} s, server CPU ${trace.serverCpuMs.toFixed(0)} ms, ` +
    `late join ${trace.lateJoinMs.toFixed(1)} ms`
  );
}

/**
 * Trace rounds; our first round's data directory (compacted by the SIGTERM that ends
 * the round) is measured on disk and kept for the restart samples.
 */
export async function traceRounds(run: Run) {
  const rounds: CpuRounds<TraceFigures> = { ours: [], baseline: [], stockOnOurWs: [] };
  let first: { dataDir: string; access: DocAccess } | null = null;
  for (let round = 1; round <= run.rounds; round++) {
    const ours = await startOursWithDocument(run, 'trace', 'Editing trace');
    const trace = await on(ours.server, (s) =>
      runTraceScenario(s, run.trace, ours.access, run.ticksPerSecond),
    );
    run.log(`ours: trace round ${round}: ${describeTrace(trace)}; SIGTERM sent, log compacted`);
    rounds.ours.push(trace);
    first ??= ours;
    const baseline = await startBaselineServer(startOptions(run));
    const stock = await on(baseline, (s) =>
      runTraceScenario(s, run.trace, BASELINE_TRACE_DOC, run.ticksPerSecond),
    );
    run.log(`baseline: trace round ${round}: ${describeTrace(stock)}`);
    rounds.baseline.push(stock);
    const onOurWs = await startBaselineServer(startOptions(run), 'stockOnOurWs');
    const sameWs = await on(onOurWs, (s) =>
      runTraceScenario(s, run.trace, BASELINE_TRACE_DOC, run.ticksPerSecond),
    );
    run.log(`stock on our ws: trace round ${round}: ${describeTrace(sameWs)}`);
    rounds.stockOnOurWs.push(sameWs);
  }
  if (first === null) throw new Error('no trace round ran');
  const disk: DiskFigures = await measureDisk(first.dataDir, first.access.docId);
  return { rounds, disk, traced: first };
}

/**
 * Start-up samples: ours on the trace's data directory (its first client gets the whole
 * text, then a second one after the room has unloaded), the baseline as it starts.
 */
export async function startupRounds(run: Run, traced: { dataDir: string; access: DocAccess }) {
  const samples: Rounds<StartupSample> = { ours: [], baseline: [] };
  const count = run.quick ? 3 : 5;
  for (let sample = 1; sample <= count; sample++) {
    const ours = await startOurServer(startOptions(run), traced.dataDir);
    const figures = await on(ours, (s) => restartSample(s, traced.access, run.trace));
    run.log(
      `ours: start ${sample}/${count}: listening after ${figures.startToListeningMs.toFixed(0)} ms, ` +
        `full text after ${figures.startToFullTextMs?.toFixed(0)} ms ` +
        `(cold start ${figures.coldStartMs?.toFixed(1)} ms, room reload ` +
        `${figures.roomReloadMs?.toFixed(1)} ms)`,
    );
    samples.ours.push(figures);
    const baseline = await startBaselineServer(startOptions(run));
    samples.baseline.push(await on(baseline, async (s) => startupOf(s)));
    run.log(
      `baseline: start ${sample}/${count}: listening after ${baseline.startToListeningMs.toFixed(0)} ms`,
    );
  }
  return samples;
}

/** Idle-connection rounds, each server with its inspector open to read the heap. */
export async function idleRounds(run: Run) {
  const rounds: Rounds<IdleConnectionFigures> = { ours: [], baseline: [] };
  const connections = run.quick ? 200 : 500;
  const describe = (figures: IdleConnectionFigures) =>
    `${(figures.heapPerConnectionBytes / 1024).toFixed(2)} KB heap, ` +
    `${(figures.rssPerConnectionBytes / 1024).toFixed(2)} KB RSS per idle connection`;
  for (let round = 1; round <= run.rounds; round++) {
    const ours = await startOursWithDocument(run, 'idle', 'Idle connections', true);
    const figures = await on(ours.server, (s) =>
      runIdleConnectionScenario(s, ours.access, connections),
    );
    run.log(`ours: idle connections round ${round}: ${describe(figures)}`);
    rounds.ours.push(figures);
    const baseline = await startBaselineServer(startOptions(run, true));
    const stock = await on(baseline, (s) =>
      runIdleConnectionScenario(s, BASELINE_IDLE_DOC, connections),
    );
    run.log(`baseline: idle connections round ${round}: ${describe(stock)}`);
    rounds.baseline.push(stock);
  }
  return rounds;
}

async function fanoutOn(run: Run, server: ServerProcess, access: DocAccess, round: number) {
  run.log(`${server.kind}: fan-out round ${round}`);
  const figures = await on(server, (s) =>
    runFanoutScenario(s, {
      access,
      readers: 100,
      // 10 s at one edit every 20 ms; --quick: 2 s.
      edits: run.quick ? 100 : 500,
      intervalMs: 20,
      ticksPerSecond: run.ticksPerSecond,
    }),
  );
  run.log(
    `${server.kind}: fan-out p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms`,
  );
  return figures;
}

export async function fanoutRounds(run: Run) {
  const rounds: CpuRounds<FanoutFigures> = { ours: [], baseline: [], stockOnOurWs: [] };
  for (let round = 1; round <= run.rounds; round++) {
    const ours = await startOursWithDocument(run, 'fanout', 'Fan-out');
    rounds.ours.push(await fanoutOn(run, ours.server, ours.access, round));
    const baseline = await startBaselineServer(startOptions(run));
    rounds.baseline.push(await fanoutOn(run, baseline, BASELINE_FANOUT_DOC, round));
    const onOurWs = await startBaselineServer(startOptions(run), 'stockOnOurWs');
    rounds.stockOnOurWs.push(await fanoutOn(run, onOurWs, BASELINE_FANOUT_DOC, round));
  }
  return rounds;
}

/** Item creation on ours only (the baseline has no items), one fresh server per round. */
export async function itemCreationRounds(run: Run): Promise<ItemCreationFigures[]> {
  const rounds: ItemCreationFigures[] = [];
  for (let round = 1; round <= run.rounds; round++) {
    const server = await startOurServer(startOptions(run), run.makeDataDir('items'));
    const figures = await on(server, (s) =>
      runItemCreationScenario(s, run.admin, run.quick ? 10 : 30),
    );
    run.log(
      `ours: item creation round ${round}: median ${figures.medianMs.toFixed(1)} ms, ` +
        `p90 ${figures.p90Ms.toFixed(1)} ms`,
    );
    rounds.push(figures);
  }
  return rounds;
}
