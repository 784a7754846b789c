/**
 * The benchmark splits a server's CPU time between its main thread (the event loop)
 * and the rest of the process (V8's helper threads, libuv's pool), read from /proc.
 * Work on a worker thread must count for the process and not for its main thread
 * (measured on a child process of its own), work on the main thread for both
 * (measured on this test's process).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { clockTicksPerSecond, startCpuMeter } from '../../bench/proc-stats';

/**
 * A process whose main thread, once it has said "ready" and been answered, starts a
 * worker that spins until the kernel has charged the worker's own thread 300 ms of CPU,
 * waits for it and says "spun". Its own process, so that nothing else (a test runner,
 * another file's leftovers) runs on the main thread being measured.
 */
const CHILD = `
const { Worker } = require('node:worker_threads');
const SPIN = \`
  const { readFileSync } = require('node:fs');
  const { parentPort, workerData } = require('node:worker_threads');
  const threadCpuMs = () => {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / workerData.ticks;
  };
  for (let x = 0; threadCpuMs() < 300; ) for (let i = 0; i < 1e6; i++) x += i;
  parentPort.postMessage('spun');
\`;
process.stdin.once('data', () => {
  const worker = new Worker(SPIN, { eval: true, workerData: { ticks: Number(process.argv[1]) } });
  worker.once('message', () => {
    process.stdout.write('spun\\n');
    worker.terminate();
  });
});
process.stdout.write('ready\\n');
`;

/** Resolves at the first line `child` writes that is `line`. */
function lineFrom(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (!seen.split('\n').includes(line)) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the child exited (${code}) before "${line}"`)));
  });
}

describe('server CPU by thread', () => {
  const ticks = clockTicksPerSecond();
  let child: ChildProcess | null = null;

  afterEach(() => {
    child?.kill();
    child = null;
  });

  it('counts work on another thread for the process only', async () => {
    const spawned = spawn(process.execPath, ['-e', CHILD, String(ticks)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    child = spawned;
    await lineFrom(spawned, 'ready');
    const pid = spawned.pid;
    if (pid === undefined) throw new Error('the child has no pid');
    const meter = startCpuMeter(pid, ticks);
    const spun = lineFrom(spawned, 'spun');
    spawned.stdin?.write('go\n');
    await spun;
    const cpu = meter();
    const otherThreadsMs = cpu.totalMs - cpu.mainThreadMs;
    // The worker's 300 ms count for the process; the main thread only started it and waited.
    expect(otherThreadsMs).toBeGreaterThanOrEqual(300);
    expect(cpu.mainThreadMs).toBeLessThan(otherThreadsMs);
    expect(cpu.systemMs).toBeLessThanOrEqual(cpu.totalMs);
  });

  it('counts work on the main thread for both', () => {
    const meter = startCpuMeter(process.pid, ticks);
    const started = performance.now();
    // Busy on this thread until the kernel has charged it 100 ms (bounded, as a
    // synchronous loop cannot be stopped by the test's timeout).
    while (meter().mainThreadMs < 100 && performance.now() - started < 10_000);
    const cpu = meter();
    expect(cpu.mainThreadMs).toBeGreaterThanOrEqual(100);
    expect(cpu.totalMs).toBeGreaterThanOrEqual(cpu.mainThreadMs);
  });
});
