/**
 * `npm run bench`, scale-out: the fan-out scenario (one writer on process A, 100
 * readers) and the editing trace (a writer on A, two readers on the last process) with
 * the readers on two server processes on one PostgreSQL schema and one Redis, next to
 * one process on the same PostgreSQL and Redis, one embedded process (DATA_DIR) and the
 * stock y-websocket server in memory, in rounds alternating the four in the same run.
 * Prints latency across processes (p50, p99, max: from the writer's send to each
 * reader's receipt, whichever process the reader is on), the server processes' CPU
 * (both, added up) with its ratio to the stock server's, PostgreSQL's and Redis's CPU
 * over the same span, and the trace document's bytes stored after a graceful stop.
 * Skipped, with one line, when PostgreSQL or Redis does not answer (DATABASE_URL and
 * REDIS_URL, or the development defaults).
 *
 *   --rounds N     rounds of each configuration (default 3)
 *   --quick        one round, 2 s of edits
 *   --trace PATH   the editing trace (default ../shared/data/automerge-paper-trace.json)
 *   --json         the figures as JSON
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { probePostgres } from '../scripts/postgres-probe';
import { probeRedis } from '../scripts/redis-probe';
import { testDatabaseUrl, testRedisUrl } from '../scripts/test-requirements';
import { dropSchemas, storedBytes } from './database';
import { type FanoutFigures, runFanoutScenario } from './fanout';
import { ylogPath } from './persistence';
import { clockTicksPerSecond, pidsNamed } from './proc-stats';
import { median, medianOfEach } from './quantiles';
import {
  ChildProcesses,
  type ServerProcess,
  startBaselineServer,
  startOurServer,
} from './server-process';
import { runTraceScenario, type TraceFigures } from './trace';
import { loadTrace } from './trace-file';
import { type DocAccess, newAdminCredentials, provisionDocuments } from './workspace-access';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const STOCK = 'stock y-websocket (in memory), 1 process';
type Mode =
  | typeof STOCK
  | 'embedded, 1 process'
  | 'PostgreSQL + Redis, 1 process'
  | 'PostgreSQL + Redis, 2 processes';
const MODES: readonly Mode[] = [
  STOCK,
  'embedded, 1 process',
  'PostgreSQL + Redis, 1 process',
  'PostgreSQL + Redis, 2 processes',
];
const CROSS_PROCESS: Mode = 'PostgreSQL + Redis, 2 processes';
const P99_TARGET_MS = 25;

interface RoundFigures {
  readonly fanout: FanoutFigures;
  readonly trace: TraceFigures;
  /** The trace document's bytes stored after a graceful stop; null in memory. */
  readonly storedBytes: number | null;
}

function log(line: string): void {
  process.stderr.write(`[bench scale-out] ${line}\n`);
}

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    trace: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
const edits = values.quick ? 100 : 500;
const tracePath = path.resolve(
  values.trace ?? path.resolve(repoRoot, '../shared/data/automerge-paper-trace.json'),
);

/** The baseline opens any id without credentials. */
const STOCK_DOCS: readonly [DocAccess, DocAccess] = [
  { docId: 'bench-fanout', params: {} },
  { docId: 'bench-trace', params: {} },
];

function ratio(value: number, baseline: number | undefined): string {
  return baseline ? `${(value / baseline).toFixed(2)}` : '-';
}

function kilobytes(bytes: number | null): string {
  return bytes === null ? 'in memory' : `${(bytes / 1024).toFixed(0)} KB`;
}

async function main(): Promise<number> {
  const databaseUrl = testDatabaseUrl(process.env.DATABASE_URL);
  const redisUrl = testRedisUrl(process.env.REDIS_URL);
  const problems = [
    await probePostgres(databaseUrl).then((p) => (p ? `PostgreSQL: ${p}` : null)),
    await probeRedis(redisUrl).then((p) => (p ? `Redis: ${p}` : null)),
  ].filter((p) => p !== null);
  if (problems.length > 0) {
    process.stdout.write(
      `Scale-out benchmark skipped (${problems.join('; ')}): set DATABASE_URL and REDIS_URL to run it.\n`,
    );
    return 0;
  }
  // Each configuration says for itself whether it uses them.
  delete process.env.DATABASE_URL;
  delete process.env.REDIS_URL;
  const trace = await loadTrace(tracePath);
  const children = new ChildProcesses();
  const dirs: string[] = [];
  const schemas: string[] = [];
  const admin = newAdminCredentials();
  const ticksPerSecond = clockTicksPerSecond();
  const results = new Map<Mode, RoundFigures[]>(MODES.map((mode) => [mode, []]));
  const base = { repoRoot, children, admin, nodeArgs: [] };
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const mode of MODES) {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'improvement-lab-bench-scale-'));
        dirs.push(dataDir);
        const suffix = path
          .basename(dataDir)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '_');
        const schema = `bench_scale_${suffix}`;
        const onPostgres = mode === 'PostgreSQL + Redis, 1 process' || mode === CROSS_PROCESS;
        const shared: Record<string, string> = onPostgres
          ? {
              DATABASE_URL: databaseUrl,
              DATABASE_SCHEMA: schema,
              REDIS_URL: redisUrl,
              REDIS_PREFIX: `bench-${suffix}`,
            }
          : {};
        if (onPostgres) schemas.push(schema);
        const servers: ServerProcess[] = [
          mode === STOCK
            ? await startBaselineServer(base)
            : await startOurServer({ ...base, env: shared }, dataDir),
        ];
        if (mode === CROSS_PROCESS) {
          servers.push(await startOurServer({ ...base, env: shared }, dataDir));
        }
        const [writerServer] = servers as [ServerProcess];
        const readerServer = servers[servers.length - 1] ?? writerServer;
        let stopped = false;
        try {
          const [fanoutDoc, traceDoc] =
            mode === STOCK
              ? STOCK_DOCS
              : await provisionDocuments(writerServer.httpBase, admin, [
                  'Fan-out',
                  'Editing trace',
                ]);
          if (!fanoutDoc || !traceDoc) throw new Error('no document was provisioned');
          log(`${mode}: round ${round}`);
          const fanout = await writerServer.guard(
            runFanoutScenario(writerServer, {
              access: fanoutDoc,
              readers: 100,
              edits,
              intervalMs: 20,
              ticksPerSecond,
              readerServers: servers,
              servicePids: () => (onPostgres ? pidsNamed(['postgres', 'redis-server']) : []),
            }),
          );
          const traced = await writerServer.guard(
            runTraceScenario(writerServer, trace, traceDoc, ticksPerSecond, readerServer),
          );
          // A graceful stop compacts what each room stored.
          for (const server of servers) await server.stop();
          stopped = true;
          const stored =
            mode === STOCK
              ? null
              : onPostgres
                ? (await storedBytes(databaseUrl, schema, traceDoc.docId)).doc
                : statSync(ylogPath(dataDir, traceDoc.docId)).size;
          log(
            `${mode}: fan-out p50 ${fanout.p50Ms.toFixed(1)} ms, p99 ${fanout.p99Ms.toFixed(1)} ms, ` +
              `servers' CPU ${fanout.serverCpuMs.toFixed(0)} ms; trace ${(traced.wallMs / 1000).toFixed(1)} s, ` +
              `servers' CPU ${traced.serverCpuMs.toFixed(0)} ms, ${kilobytes(stored)}`,
          );
          results.get(mode)?.push({ fanout, trace: traced, storedBytes: stored });
        } finally {
          if (!stopped) for (const server of servers) await server.stop();
        }
      }
    }
    const table = MODES.map((mode) => {
      const figures = results.get(mode) ?? [];
      const bytes = figures.map((f) => f.storedBytes).filter((b) => b !== null);
      return {
        mode,
        fanout: medianOfEach(figures.map((f) => f.fanout)),
        trace: medianOfEach(figures.map((f) => f.trace)),
        storedBytes: bytes.length > 0 ? median(bytes) : null,
      };
    });
    const stock = table.find((row) => row.mode === STOCK);
    const cross = table.find((row) => row.mode === CROSS_PROCESS);
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ rounds, edits, readers: 100, trace: trace.name, table }, null, 2)}\n`,
      );
    } else {
      const lines = [
        '',
        `Scale-out fan-out: 1 writer on process A, 100 readers (split across the processes), ${edits} edits every 20 ms; medians of ${rounds} round(s)`,
        '',
        '| configuration | p50 ms | p99 ms | max ms | servers CPU ms | × stock | PostgreSQL + Redis CPU ms |',
        '|---|---:|---:|---:|---:|---:|---:|',
        ...table.map(
          ({ mode, fanout }) =>
            `| ${mode} | ${fanout.p50Ms.toFixed(1)} | ${fanout.p99Ms.toFixed(1)} | ${fanout.maxMs.toFixed(1)} | ` +
            `${fanout.serverCpuMs.toFixed(0)} | ${ratio(fanout.serverCpuMs, stock?.fanout.serverCpuMs)} | ` +
            `${fanout.servicesCpuMs.toFixed(0)} |`,
        ),
        '',
        `Editing trace (${trace.edits.length} operations, writer on process A, 2 readers on the last process); medians of ${rounds} round(s)`,
        '',
        '| configuration | wall s | servers CPU ms | × stock | late join ms | stored after a graceful stop |',
        '|---|---:|---:|---:|---:|---:|',
        ...table.map(
          ({ mode, trace: t, storedBytes: bytes }) =>
            `| ${mode} | ${(t.wallMs / 1000).toFixed(2)} | ${t.serverCpuMs.toFixed(0)} | ` +
            `${ratio(t.serverCpuMs, stock?.trace.serverCpuMs)} | ${t.lateJoinMs.toFixed(1)} | ${kilobytes(bytes)} |`,
        ),
        '',
        `Target: cross-process p99 under ${P99_TARGET_MS} ms at 100 readers: ` +
          (cross
            ? `${cross.fanout.p99Ms.toFixed(1)} ms (${(cross.fanout.p99Ms / P99_TARGET_MS).toFixed(2)} × target), ` +
              `${cross.fanout.p99Ms < P99_TARGET_MS ? 'met' : 'missed'}.`
            : 'not measured.'),
        '',
      ];
      process.stdout.write(lines.join('\n'));
    }
    return 0;
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    children.killAll();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    if (schemas.length > 0) await dropSchemas(databaseUrl, schemas).catch(() => undefined);
  }
}

main().then((code) => process.exit(code));
