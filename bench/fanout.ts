/**
 * Scenario "fan-out": one stock writer makes a small edit every 20 ms while many
 * readers on the same document receive it. Readers are bare `ws` sockets that do
 * the sync handshake and then only count update frames, so the benchmark process
 * stays light: the i-th update frame a reader gets after its handshake is edit i
 * (the writer sends nothing else), and its latency is arrival minus send time.
 */
import { setTimeout as delay } from 'node:timers/promises';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../shared/protocol';
import {
  readPeakRssBytes,
  readRssBytes,
  resetPeakRss,
  startCpuMeter,
  startCpuMeters,
  startOwnCpuMeter,
} from './proc-stats';
import { quantileOfSorted } from './quantiles';
import type { ServerProcess } from './server-process';
import { connectStockClient } from './stock-client';
import { waitFor } from './wait';
import { type DocAccess, docUrl } from './workspace-access';

export interface FanoutOptions {
  readonly access: DocAccess;
  readonly readers: number;
  readonly edits: number;
  readonly intervalMs: number;
  readonly ticksPerSecond: number;
  /**
   * The servers readers connect to, reader i to `readerServers[i % n]` (several
   * processes serving one document); the writer's server alone by default.
   */
  readonly readerServers?: readonly ServerProcess[];
  /** Further processes whose CPU the figures report apart (PostgreSQL, Redis). */
  readonly servicePids?: () => readonly number[];
}

export interface FanoutFigures {
  readonly readers: number;
  readonly edits: number;
  readonly intervalMs: number;
  /** Latency samples: one per (edit, reader). */
  readonly samples: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** From the first edit sent to the last one received by every reader. */
  readonly wallMs: number;
  /** Every server process's, added up. */
  readonly serverCpuMs: number;
  /** The service processes' (`servicePids`), added up; 0 without them. */
  readonly servicesCpuMs: number;
  /** The kernel's part of `serverCpuMs` (writes, fsync, sockets). */
  readonly serverSystemCpuMs: number;
  /** The part of `serverCpuMs` on the servers' main threads (their event loops). */
  readonly serverMainThreadCpuMs: number;
  readonly serverPeakRssBytes: number;
  /** Resident memory just before the workload (what start-up alone costs). */
  readonly serverRssBeforeBytes: number;
  /** CPU of the benchmark process (writer + readers) over the same span. */
  readonly benchCpuMs: number;
}

const EDIT_TEXT = 'abc ';
const HANDSHAKE_TIMEOUT_MS = 20_000;
/** Time allowed after the last edit is sent for every reader to receive it. */
const DRAIN_TIMEOUT_MS = 20_000;

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** What every reader sends: its (empty) state, then an empty step 2 for the server's step 1. */
function handshakeFrames(): { step1: Uint8Array; step2: Uint8Array } {
  const empty = new Y.Doc();
  const frames = {
    step1: syncFrame(SyncMessageType.Step1, Y.encodeStateVector(empty)),
    step2: syncFrame(SyncMessageType.Step2, Y.encodeStateAsUpdate(empty)),
  };
  empty.destroy();
  return frames;
}

/** The readers' shared state: latencies land in one flat array, [reader * edits + edit]. */
class ReaderPool {
  readonly sockets: WebSocket[] = [];
  readonly latencies: Float64Array;
  readonly sendTimes: Float64Array;
  private readonly counts: Uint32Array;
  private readonly listeners = new Set<() => void>();
  handshaken = 0;
  complete = 0;
  failure: Error | null = null;
  closing = false;

  constructor(
    readonly size: number,
    readonly edits: number,
  ) {
    this.latencies = new Float64Array(size * edits);
    this.sendTimes = new Float64Array(edits).fill(Number.NaN);
    this.counts = new Uint32Array(size);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  notify(): void {
    for (const listener of this.listeners) listener();
  }

  fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  /** Records the arrival of update frame number counts[reader] at `at`. */
  received(reader: number, at: number): void {
    const edit = this.counts[reader] ?? 0;
    if (edit >= this.edits) {
      this.fail(new Error(`reader ${reader} got more update frames than the ${this.edits} edits`));
      return;
    }
    const sent = this.sendTimes[edit] ?? Number.NaN;
    if (Number.isNaN(sent)) {
      this.fail(new Error(`reader ${reader} got update frame ${edit + 1} before edit ${edit + 1}`));
      return;
    }
    this.latencies[reader * this.edits + edit] = at - sent;
    this.counts[reader] = edit + 1;
    if (edit + 1 === this.edits) {
      this.complete += 1;
      this.notify();
    }
  }
}

type HandshakeFrames = ReturnType<typeof handshakeFrames>;

function connectReader(pool: ReaderPool, index: number, url: string, frames: HandshakeFrames) {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  socket.binaryType = 'nodebuffer';
  pool.sockets.push(socket);
  socket.on('open', () => socket.send(frames.step1));
  socket.on('message', (data) => {
    const at = performance.now();
    if (!Buffer.isBuffer(data) || data[0] !== MessageType.Sync) return; // awareness etc.
    if (data[1] === SyncMessageType.Update) pool.received(index, at);
    else if (data[1] === SyncMessageType.Step1) socket.send(frames.step2);
    else if (data[1] === SyncMessageType.Step2) {
      pool.handshaken += 1;
      pool.notify();
    }
  });
  socket.on('error', (error) => pool.fail(new Error(`reader ${index}: ${error.message}`)));
  socket.on('close', (code) => {
    if (!pool.closing) pool.fail(new Error(`reader ${index} was closed by the server (${code})`));
  });
}

async function until(pool: ReaderPool, what: string, check: () => boolean, timeoutMs: number) {
  await waitFor(what, () => pool.failure !== null || check(), pool.subscribe, timeoutMs);
  if (pool.failure !== null) throw pool.failure;
}

async function closeReaders(pool: ReaderPool): Promise<void> {
  pool.closing = true;
  await Promise.all(
    pool.sockets.map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === WebSocket.CLOSED) return resolve();
          socket.once('close', () => resolve());
          socket.close();
        }),
    ),
  );
}

/** Sends edit i at start + i × interval (drift-free pacing: the pace is the workload). */
async function writeEdits(text: Y.Text, pool: ReaderPool, intervalMs: number) {
  const { sendTimes } = pool;
  const start = performance.now();
  for (let edit = 0; edit < sendTimes.length; edit++) {
    const wait = start + edit * intervalMs - performance.now();
    if (wait > 0) await delay(wait);
    if (pool.failure !== null) throw pool.failure;
    sendTimes[edit] = performance.now();
    // The provider sends the update frame synchronously from the doc's update event.
    text.insert(text.length, EDIT_TEXT);
  }
}

export async function runFanoutScenario(
  server: ServerProcess,
  options: FanoutOptions,
): Promise<FanoutFigures> {
  const { readers, edits, intervalMs } = options;
  const pool = new ReaderPool(readers, edits);
  const readerServers = options.readerServers ?? [server];
  const frames = handshakeFrames();
  for (let index = 0; index < readers; index++) {
    const target = readerServers[index % readerServers.length] ?? server;
    connectReader(pool, index, docUrl(target.syncBase, options.access), frames);
  }
  const writer = connectStockClient(server.syncBase, options.access);
  try {
    const handshakes = until(
      pool,
      `${readers} readers to finish the sync handshake`,
      () => pool.handshaken === readers,
      HANDSHAKE_TIMEOUT_MS,
    );
    await Promise.all([handshakes, writer.whenSynced()]);
    const serverRssBeforeBytes = readRssBytes(server.pid);
    resetPeakRss(server.pid);
    const serverPids = [...new Set([server.pid, ...readerServers.map((s) => s.pid)])];
    const stopServerCpus = serverPids.map((pid) => startCpuMeter(pid, options.ticksPerSecond));
    const stopServicesCpu = startCpuMeters(options.servicePids?.() ?? [], options.ticksPerSecond);
    const stopBenchCpu = startOwnCpuMeter();
    const started = performance.now();
    await writeEdits(writer.text, pool, intervalMs);
    await until(
      pool,
      `every reader to receive all ${edits} edits`,
      () => pool.complete === readers,
      DRAIN_TIMEOUT_MS,
    );
    const wallMs = performance.now() - started;
    const serverCpus = stopServerCpus.map((stop) => stop());
    const servicesCpuMs = stopServicesCpu();
    const benchCpuMs = stopBenchCpu();
    const serverPeakRssBytes = readPeakRssBytes(server.pid);
    const sorted = pool.latencies.slice().sort();
    return {
      readers,
      edits,
      intervalMs,
      samples: sorted.length,
      p50Ms: quantileOfSorted(sorted, 0.5),
      p99Ms: quantileOfSorted(sorted, 0.99),
      maxMs: quantileOfSorted(sorted, 1),
      wallMs,
      serverCpuMs: serverCpus.reduce((sum, cpu) => sum + cpu.totalMs, 0),
      serverSystemCpuMs: serverCpus.reduce((sum, cpu) => sum + cpu.systemMs, 0),
      serverMainThreadCpuMs: serverCpus.reduce((sum, cpu) => sum + cpu.mainThreadMs, 0),
      servicesCpuMs,
      serverPeakRssBytes,
      serverRssBeforeBytes,
      benchCpuMs,
    };
  } finally {
    await Promise.all([closeReaders(pool), writer.destroy()]);
  }
}
