/**
 * `npm run bench`, scale-out: the fan-out scenario (one writer on process A, 100
 * readers) with the readers split across two server processes on one PostgreSQL
 * schema and one Redis, next to one process on the same PostgreSQL and Redis and one
 * embedded process (DATA_DIR), in rounds alternating the three in the same run.
 * Prints latency across processes (p50, p99, max: from the writer's send to each
 * reader's receipt, whichever process the reader is on), the server processes' CPU
 * (both, added up) and PostgreSQL's and Redis's CPU over the same span. Skipped, with
 * one line, when PostgreSQL or Redis does not answer (DATABASE_URL and REDIS_URL, or
 * the development defaults).
 *
 *   --rounds N   rounds of each configuration (default 3)
 *   --quick      one round, 2 s of edits
 *   --json       the figures as JSON
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { probePostgres } from '../scripts/postgres-probe';
import { probeRedis } from '../scripts/redis-probe';
import { testDatabaseUrl, testRedisUrl } from '../scripts/test-requirements';
import { dropSchemas } from './database';
import { type FanoutFigures, runFanoutScenario } from './fanout';
import { clockTicksPerSecond, pidsNamed } from './proc-stats';
import { medianOfEach } from './quantiles';
import { ChildProcesses, type ServerProcess, startOurServer } from './server-process';
import { newAdminCredentials, provisionDocuments } from './workspace-access';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Mode =
  | 'embedded, 1 process'
  | 'PostgreSQL + Redis, 1 process'
  | 'PostgreSQL + Redis, 2 processes';
const MODES: readonly Mode[] = [
  'embedded, 1 process',
  'PostgreSQL + Redis, 1 process',
  'PostgreSQL + Redis, 2 processes',
];

function log(line: string): void {
  process.stderr.write(`[bench scale-out] ${line}\n`);
}

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds ?? (values.quick ? 1 : 3));
const edits = values.quick ? 100 : 500;

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
  const children = new ChildProcesses();
  const dirs: string[] = [];
  const schemas: string[] = [];
  const admin = newAdminCredentials();
  const ticksPerSecond = clockTicksPerSecond();
  const results = new Map<Mode, FanoutFigures[]>(MODES.map((mode) => [mode, []]));
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
        const shared: Record<string, string> =
          mode === 'embedded, 1 process'
            ? {}
            : {
                DATABASE_URL: databaseUrl,
                DATABASE_SCHEMA: schema,
                REDIS_URL: redisUrl,
                REDIS_PREFIX: `bench-${suffix}`,
              };
        if (mode !== 'embedded, 1 process') schemas.push(schema);
        const servers: ServerProcess[] = [await startOurServer({ ...base, env: shared }, dataDir)];
        if (mode === 'PostgreSQL + Redis, 2 processes') {
          servers.push(await startOurServer({ ...base, env: shared }, dataDir));
        }
        const [writerServer] = servers as [ServerProcess];
        try {
          const [access] = await provisionDocuments(writerServer.httpBase, admin, ['Fan-out']);
          if (!access) throw new Error('no document was provisioned');
          log(`${mode}: round ${round}`);
          const figures = await writerServer.guard(
            runFanoutScenario(writerServer, {
              access,
              readers: 100,
              edits,
              intervalMs: 20,
              ticksPerSecond,
              readerServers: servers,
              servicePids: () =>
                mode === 'embedded, 1 process' ? [] : pidsNamed(['postgres', 'redis-server']),
            }),
          );
          log(
            `${mode}: p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, ` +
              `servers' CPU ${figures.serverCpuMs.toFixed(0)} ms`,
          );
          results.get(mode)?.push(figures);
        } finally {
          for (const server of servers) await server.stop();
        }
      }
    }
    const table = MODES.map((mode) => ({ mode, ...medianOfEach(results.get(mode) ?? []) }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ rounds, edits, readers: 100, table }, null, 2)}\n`);
    } else {
      const lines = [
        '',
        `Scale-out fan-out: 1 writer on process A, 100 readers (split across the processes), ${edits} edits every 20 ms; medians of ${rounds} round(s)`,
        '',
        '| configuration | p50 ms | p99 ms | max ms | servers CPU ms | PostgreSQL + Redis CPU ms |',
        '|---|---:|---:|---:|---:|---:|',
        ...table.map(
          (row) =>
            `| ${row.mode} | ${row.p50Ms.toFixed(1)} | ${row.p99Ms.toFixed(1)} | ${row.maxMs.toFixed(1)} | ` +
            `${row.serverCpuMs.toFixed(0)} | ${row.servicesCpuMs.toFixed(0)} |`,
        ),
        '',
        'Target: cross-process p99 under 25 ms at 100 readers.',
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
