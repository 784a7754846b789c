/**
 * Runs the real server as a child process, as `npm start` does (the bundle in
 * `dist/server/`, which the suite's global set-up rebuilds whenever `server/` or
 * `shared/` is newer), so that tests can send it signals or kill it outright.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { SERVER_BUILD } from '../../scripts/build-freshness.js';
import { TEST_PASSWORD_HASH_COST } from './accounts';
import { once } from './wait';

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited(): Promise<number | string>;
}

const READY = /Improvement Lab is running at (http:\/\/\S+)/;

/**
 * The test runner's environment without the scale-out settings CI exports for the
 * suites that ask for them: a server gets PostgreSQL or Redis only when a test says so.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, DATABASE_SCHEMA: _schema, REDIS_URL: _redis, ...env } = process.env;
  return env;
}

export async function spawnServer(
  env: Record<string, string>,
  /** Run as this user and group (the test must be root to ask). */
  user: { uid: number; gid: number } | null = null,
): Promise<ServerProcess> {
  // The bundle, not `server/main.ts` through tsx: it is what `npm start` runs, and a
  // process starts on about a third of the CPU time without a TypeScript loader.
  const child = spawn(process.execPath, [path.resolve(SERVER_BUILD.output)], {
    ...(user ?? {}),
    env: {
      ...inheritedEnv(),
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      PASSWORD_HASH_COST: String(TEST_PASSWORD_HASH_COST),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exitedPromise = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  const url = await once<string>(
    'the server process to report its address',
    (resolve) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = READY.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      const onExit = () => resolve('');
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', onExit);
      return () => {
        child.off('exit', onExit);
      };
    },
    30_000,
  );
  if (!url) throw new Error(`server process exited before it was ready:\n${output}`);
  return { child, url, output: () => output, exited: () => exitedPromise };
}
