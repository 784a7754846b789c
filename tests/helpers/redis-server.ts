/**
 * A Redis server of a test's own, on a free port, that the test can kill and start
 * again on the same port: a real restart (every key and subscription gone), not a cut
 * connection. It keeps nothing on disk, as the development and CI Redis does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

export interface OwnRedis {
  readonly url: string;
  /** Kills the server (SIGKILL) and resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port was given');
  return address.port;
}

function launch(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise<ChildProcess>((resolve, reject) => {
    const settle = (error: Error | null) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(child);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) settle(null);
    };
    const onExit = (code: number | null) =>
      settle(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`));
    const giveUp = () => {
      child.kill('SIGKILL');
      settle(new Error(`redis-server on port ${port} did not start: ${output.slice(-500)}`));
    };
    const timer = setTimeout(giveUp, 15_000); // allowed: a deadline that fails, not a sleep
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = await launch(port);
  const kill = async () => {
    const running = child;
    child = null;
    if (running === null) return;
    running.kill('SIGKILL');
    await exited(running);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    async start() {
      if (child !== null) throw new Error('this Redis is already running');
      child = await launch(port);
    },
    close: kill,
  };
}
