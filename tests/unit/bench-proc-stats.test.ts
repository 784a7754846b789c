/**
 * The benchmark splits a server's CPU time between its main thread (the event loop)
 * and the rest of the process (V8's helper threads, libuv's pool), read from /proc.
 * Measured on this test's own process: work on a worker thread must count for the
 * process and not for the main thread, work on the main thread for both.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { clockTicksPerSecond, startCpuMeter } from '../../bench/proc-stats';

/**
 * Spins until its own thread has been charged 300 ms of CPU (read from the kernel's
 * record of the calling thread), then says so: CPU time on a thread that is not the
 * main one, while the main thread only waits for the message.
 */
const SPIN = `
const { readFileSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const threadCpuMs = () => {
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / workerData.ticks;
};
for (let x = 0; threadCpuMs() < 300; ) for (let i = 0; i < 1e6; i++) x += i;
parentPort.postMessage('spun');
`;

describe('server CPU by thread', () => {
  const ticks = clockTicksPerSecond();
  let worker: Worker | null = null;

  afterEach(async () => {
    await worker?.terminate();
    worker = null;
  });

  it('counts work on another thread for the process only', async () => {
    const meter = startCpuMeter(process.pid, ticks);
    worker = new Worker(SPIN, { eval: true, workerData: { ticks } });
    await new Promise((resolve) => worker?.once('message', resolve));
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
