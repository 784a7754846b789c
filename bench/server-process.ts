/**
 * The two servers under test as child processes: ours (`server/main.ts` through tsx)
 * and the baseline (`@y/websocket-server`'s own program). Owns starting them on
 * 127.0.0.1, knowing when they are ready, noticing when one dies mid-scenario, and
 * making sure none outlives the benchmark (`ChildProcesses.killAll`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { SYNC_PATH_PREFIX } from '../shared/protocol';
import { benchDatabaseUrl, schemaFor } from './database';
import { once } from './wait';
import { type AdminCredentials, adminEnv } from './workspace-access';

export type ServerKind = 'ours' | 'baseline';

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
}

export async function startOurServer(
  options: StartOptions,
  dataDir: string,
): Promise<ServerProcess> {
  const args = [...options.nodeArgs, '--import', 'tsx', 'server/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: options.repoRoot,
    env: {
      ...process.env,
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
      ...adminEnv(options.admin),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.children.track(child);
  const output = recordOutput(child);
  const ready = /Improvement Lab is running at http:\/\/([^\s:]+):(\d+)/;
  const port = await waitUntilReady(child, 'ours', output, (text) => ready.exec(text)?.[2]);
  const syncPath = SYNC_PATH_PREFIX.replace(/\/$/, '');
  return watch(child, 'ours', output, { httpBase: `http://${HOST}:${port}`, syncPath });
}

export async function startBaselineServer(options: StartOptions): Promise<ServerProcess> {
  const port = await findFreePort();
  const program = path.join(options.repoRoot, 'node_modules/@y/websocket-server/src/server.js');
  // Without YPERSISTENCE (even an empty one turns LevelDB on) it keeps documents in memory only.
  const { YPERSISTENCE: _persistence, ...env } = process.env;
  const child = spawn(process.execPath, [program], {
    cwd: options.repoRoot,
    env: { ...env, HOST, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.children.track(child);
  const output = recordOutput(child);
  // server.js logs `running at '<host>' on port <port>` from its listen callback.
  const ready = /running at '[^']*' on port (\d+)/;
  await waitUntilReady(child, 'baseline', output, (text) => ready.exec(text)?.[1]);
  return watch(child, 'baseline', output, { httpBase: `http://${HOST}:${port}`, syncPath: '' });
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
  readyIn: (output: string) => string | undefined,
): Promise<string> {
  const port = await once<string | null>(
    `the ${kind} server to report that it is running`,
    (resolve) => {
      const onData = () => {
        const found = readyIn(output());
        if (found !== undefined) resolve(found);
      };
      const onExit = () => resolve(null);
      child.stdout?.on('data', onData);
      child.once('exit', onExit);
      return () => {
        child.stdout?.off('data', onData);
        child.off('exit', onExit);
      };
    },
    READY_TIMEOUT_MS,
  );
  if (port === null) {
    throw new Error(`the ${kind} server exited before it was ready; its output:\n${output()}`);
  }
  return port;
}

function watch(
  child: ChildProcess,
  kind: ServerKind,
  output: () => string,
  urls: { httpBase: string; syncPath: string },
): ServerProcess {
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
    httpBase: urls.httpBase,
    syncBase: `${urls.httpBase.replace(/^http/, 'ws')}${urls.syncPath}`,
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
