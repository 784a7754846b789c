/**
 * The benchmark splits a server's CPU time between its main thread (the event loop)
 * and the rest of the process (V8's helper threads, libuv's pool), read from /proc.
 * Measured on this test's own process: work on a worker thread must count for the
 * process and not for the main thread, work on the main thread for both.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clockTicksPerSecond, startCpuMeter } from '../../bench/proc-stats';

/** Spins until told to stop: CPU time on a thread that is not the main one. */
const SPIN = `
const { parentPort } = require('node:worker_threads');
const flag = new Int32Array(require('node:worker_threads').workerData);
parentPort.postMessage('spinning');
while (Atomics.load(flag, 0) === 0) {}
`;

describe('server CPU by thread', () => {
  const ticks = clockTicksPerSecond();
  let worker: Worker | null = null;

  afterEach(async () => {
    await worker?.terminate();
    worker = null;
  });

  it('counts work on another thread for the process only', async () => {
    const stopFlag = new SharedArrayBuffer(4);
    const meter = startCpuMeter(process.pid, ticks);
    worker = new Worker(SPIN, { eval: true, workerData: stopFlag });
    await new Promise((resolve) => worker?.once('message', resolve));
    await vi.waitFor(
      () => {
        const cpu = meter();
        expect(cpu.totalMs - cpu.mainThreadMs).toBeGreaterThanOrEqual(200);
      },
      { timeout: 20_000, interval: 20 },
    );
    Atomics.store(new Int32Array(stopFlag), 0, 1);
    const cpu = meter();
    expect(cpu.mainThreadMs).toBeLessThan(cpu.totalMs - cpu.mainThreadMs);
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
