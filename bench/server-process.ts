/**
 * The servers under test as child processes: ours (the built server,
 * `dist/server/main.js`, with plain node, as `npm start` runs it) and the baseline
 * (`@y/websocket-server`'s own program, or its handler on our `ws` version). Owns
 * starting them on 127.0.0.1, knowing when they are ready (and how long that took,
 * and their memory then), opening the inspector when asked, noticing when one dies
 * mid-scenario, and making sure none outlives the benchmark (`ChildProcesses.killAll`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { SERVER_BUILD } from '../scripts/build-freshness.js';
import { ensureServerBuilt } from '../scripts/server-build';
import { SYNC_PATH_PREFIX } from '../shared/protocol';
import { benchDatabaseUrl, schemaFor } from './database';
import { INSPECT_FLAG, INSPECTOR_URL } from './inspector';
import { serverEnvironment } from './node-start';
import { readRssBytes } from './proc-stats';
import { once } from './wait';
import { type AdminCredentials, adminEnv } from './workspace-access';

export type ServerKind = 'ours' | 'baseline';

/**
 * Which stock server: its own program (`server.js`, on the `ws` 6.2 it depends on), or
 * the same connection handler on the `ws` version ours pins (`stock-server-on-our-ws.mjs`).
 */
export type BaselineProgram = 'stock' | 'stockOnOurWs';

export const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 30_000;
/** Ours compacts every loaded document on SIGTERM, so give it time. */
const STOP_TIMEOUT_MS = 30_000;
const OUTPUT_KEPT_CHARS = 4_000;

export interface ServerProcess {
  readonly kind: ServerKind;
  readonly pid: number;
  /** `http://127.0.0.1:<port>`, for the HTTP API. */
  readonly httpBase: string;
  /** Base WebSocket URL; a document's socket is `${syncBase}/${docId}`. */
  readonly syncBase: string;
  /** `performance.now()` in this process when the server's process was spawned. */
  readonly spawnedAt: number;
  /** From spawning the process to its saying it is listening. */
  readonly startToListeningMs: number;
  /** Resident memory (VmRSS) when it said it was listening, before anyone connected. */
  readonly rssAtListeningBytes: number;
  /** The V8 inspector's WebSocket URL when started with `inspect`, else null. */
  readonly inspectorUrl: string | null;
  /** Settles like `work`, but rejects as soon as the server exits on its own. */
  guard<T>(work: Promise<T>): Promise<T>;
  /** SIGTERM, then waits for the exit; rejects unless it was clean. */
  stop(): Promise<void>;
}

/** Every child the benchmark started, so that all of them die with it, even on failure. */
export class ChildProcesses {
  private readonly children = new Set<ChildProcess>();

  track(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
  }

  killAll(): void {
    for (const child of this.children) child.kill('SIGKILL');
    this.children.clear();
  }
}

export interface StartOptions {
  readonly repoRoot: string;
  readonly children: ChildProcesses;
  /** The administrator our server creates on its first start on a data directory. */
  readonly admin: AdminCredentials;
  /** Extra node flags for our server (e.g. `--cpu-prof`); none for a normal run. */
  readonly nodeArgs: readonly string[];
  /** Settings for our server beyond the benchmark's own (e.g. `DEMO: 'true'`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Opens the V8 inspector on a free loopback port (to read the heap). */
  readonly inspect?: boolean;
}

/** What `waitUntilReady` learns from a starting process. */
interface Started {
  readonly port: string;
  readonly spawnedAt: number;
  readonly startToListeningMs: number;
  readonly rssAtListeningBytes: number;
  readonly inspectorUrl: string | null;
}

export async function startOurServer(
  options: StartOptions,
  dataDir: string,
): Promise<ServerProcess> {
  // What `npm start` runs: the bundle, built first if the sources changed since.
  await ensureServerBuilt((line) => process.stderr.write(`${line}\n`));
  const inspect = options.inspect ?? false;
  const args = [...options.nodeArgs, ...inspectArgs(options), SERVER_BUILD.output];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: options.repoRoot,
    env: {
      ...serverEnvironment(),
      PORT: '0',
      HOST,
      DATA_DIR: dataDir,
      // Scale-out mode when DATABASE_URL is set: a schema per data directory.
      ...(benchDatabaseUrl() === null ? {} : { DATABASE_SCHEMA: schemaFor(dataDir) }),
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      // The trace replays a paper's worth of typing in about two seconds, far beyond any
      // person's rate; the limit is still checked on every message, so its cost is measured.
      SYNC_MESSAGES_PER_SECOND: String(1_000_000),
      // The idle-connection scenario opens hundreds of sockets with one account's token.
      SYNC_MAX_SOCKETS_PER_ACCOUNT: String(10_000),
      ...adminEnv(options.admin),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.children.track(child);
  const output = recordOutput(child);
  const ready = /Improvement Lab is running at http:\/\/([^\s:]+):(\d+)/;
  const started = await waitUntilReady(child, 'ours', output, spawnedAt, inspect, (text) => {
    return ready.exec(text)?.[2];
  });
  const syncPath = SYNC_PATH_PREFIX.replace(/\/$/, '');
  return watch(child, 'ours', output, started, syncPath);
}

export async function startBaselineServer(
  options: StartOptions,
  which: BaselineProgram = 'stock',
): Promise<ServerProcess> {
  const port = await findFreePort();
  const program = path.join(
    options.repoRoot,
    which === 'stock'
      ? 'node_modules/@y/websocket-server/src/server.js'
      : 'bench/stock-server-on-our-ws.mjs',
  );
  // Without YPERSISTENCE (even an empty one turns LevelDB on) it keeps documents in memory only.
  const { YPERSISTENCE: _persistence, ...env } = serverEnvironment();
  const inspect = options.inspect ?? false;
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...inspectArgs(options), program], {
    cwd: options.repoRoot,
    env: { ...env, HOST, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.children.track(child);
  const output = recordOutput(child);
  // Both log `running at '<host>' on port <port>` from their listen callback.
  const ready = /running at '[^']*' on port (\d+)/;
  const started = await waitUntilReady(child, 'baseline', output, spawnedAt, inspect, (text) => {
    return ready.exec(text)?.[1];
  });
  return watch(child, 'baseline', output, started, '');
}

function inspectArgs(options: StartOptions): string[] {
  return options.inspect ? [INSPECT_FLAG] : [];
}

/** A port that was free a moment ago (the baseline takes its port from PORT only). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port found'))));
    });
  });
}

/** Keeps the tail of a child's output for error messages; reading it also keeps the pipes flowing. */
function recordOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

async function waitUntilReady(
  child: ChildProcess,
  kind: ServerKind,
  output: () => string,
  spawnedAt: number,
  inspect: boolean,
  readyIn: (output: string) => string | undefined,
): Promise<Started> {
  let listening: Omit<Started, 'inspectorUrl'> | null = null;
  const started = await once<Started | null>(
    `the ${kind} server to report that it is running`,
    (resolve) => {
      const onData = () => {
        const text = output();
        if (listening === null) {
          const port = readyIn(text);
          if (port === undefined || child.pid === undefined) return;
          // Timed and measured when the line is first seen, whatever else is awaited.
          const startToListeningMs = performance.now() - spawnedAt;
          listening = {
            port,
            spawnedAt,
            startToListeningMs,
            rssAtListeningBytes: readRssBytes(child.pid),
          };
        }
        // The inspector's address is printed on stderr, which may arrive after stdout.
        const inspectorUrl = INSPECTOR_URL.exec(text)?.[1] ?? null;
        if (!inspect || inspectorUrl !== null) resolve({ ...listening, inspectorUrl });
      };
      const onExit = () => resolve(null);
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', onExit);
      return () => {
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        child.off('exit', onExit);
      };
    },
    READY_TIMEOUT_MS,
  );
  if (started === null) {
    throw new Error(`the ${kind} server exited before it was ready; its output:\n${output()}`);
  }
  return started;
}

function watch(
  child: ChildProcess,
  kind: ServerKind,
  output: () => string,
  started: Started,
  syncPath: string,
): ServerProcess {
  const httpBase = `http://${HOST}:${started.port}`;
  const { pid } = child;
  if (pid === undefined) throw new Error(`the ${kind} server has no process id`);
  let stopping = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const crashed = exited.then(({ code, signal }) => {
    if (stopping) return new Promise<never>(() => undefined);
    throw new Error(
      `the ${kind} server (pid ${pid}) exited on its own ` +
        `(code ${code}, signal ${signal}); its last output:\n${output()}`,
    );
  });
  crashed.catch(() => undefined); // Reported through `guard`.
  return {
    kind,
    pid,
    httpBase,
    syncBase: `${httpBase.replace(/^http/, 'ws')}${syncPath}`,
    spawnedAt: started.spawnedAt,
    startToListeningMs: started.startToListeningMs,
    rssAtListeningBytes: started.rssAtListeningBytes,
    inspectorUrl: started.inspectorUrl,
    guard: (work) => Promise.race([work, crashed]),
    async stop() {
      stopping = true;
      child.kill('SIGTERM');
      const { code, signal } = await once<{ code: number | null; signal: NodeJS.Signals | null }>(
        `the ${kind} server (pid ${pid}) to exit after SIGTERM`,
        (resolve) => {
          void exited.then(resolve);
          return () => undefined;
        },
        STOP_TIMEOUT_MS,
      );
      // The stock server has no SIGTERM handler, so the signal itself ends it.
      const clean = code === 0 || (kind === 'baseline' && signal === 'SIGTERM');
      if (!clean) {
        throw new Error(
          `the ${kind} server (pid ${pid}) did not shut down cleanly ` +
            `(code ${code}, signal ${signal}); its last output:\n${output()}`,
        );
      }
    },
  };
}
