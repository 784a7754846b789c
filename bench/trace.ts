/**
 * Scenario "trace": one stock writer replays a real editing trace in transactions
 * of 100 edits while two stock readers follow on the same document. It ends when
 * both readers hold every edit; their text must then hash to the trace's stated
 * SHA-256, or the benchmark fails. Then a late joiner: a new stock client on the
 * document everyone still has open, timed from opening its socket to holding the
 * whole text.
 */
import * as Y from 'yjs';
import { readPeakRssBytes, readRssBytes, resetPeakRss, startCpuMeter } from './proc-stats';
import type { ServerProcess } from './server-process';
import { connectStockClient, type StockClient } from './stock-client';
import { sha256, type Trace, type TraceEdit } from './trace-file';
import { nextTurn } from './wait';
import type { DocAccess } from './workspace-access';

export const EDITS_PER_TRANSACTION = 100;
const READERS = 2;
/** Generous: the replay takes seconds; only a stalled server should reach this. */
const REPLAY_TIMEOUT_MS = 120_000;
const LATE_JOIN_TIMEOUT_MS = 10_000;

export interface TraceFigures {
  readonly edits: number;
  readonly transactions: number;
  readonly readers: number;
  /** From the first transaction to both readers holding the final text. */
  readonly wallMs: number;
  readonly serverCpuMs: number;
  /** The kernel's part of `serverCpuMs` (writes, fsync, sockets). */
  readonly serverSystemCpuMs: number;
  /** The part of `serverCpuMs` on the servers' main threads (their event loops). */
  readonly serverMainThreadCpuMs: number;
  readonly serverPeakRssBytes: number;
  /** Resident memory just before the workload (what start-up alone costs). */
  readonly serverRssBeforeBytes: number;
  /** A new client on the loaded document: from opening its socket to the whole text. */
  readonly lateJoinMs: number;
}

function applyEdit(text: Y.Text, edit: TraceEdit): void {
  if (edit[1] === 0) text.insert(edit[0], edit[2]);
  else text.delete(edit[0], 1);
}

/**
 * One transaction (so one update frame) per 100 edits, yielding to the event loop
 * between them so frames go out and the readers apply them as the replay runs.
 */
async function replay(writer: StockClient, edits: readonly TraceEdit[]): Promise<void> {
  for (let start = 0; start < edits.length; start += EDITS_PER_TRANSACTION) {
    const batch = edits.slice(start, start + EDITS_PER_TRANSACTION);
    writer.doc.transact(() => {
      for (const edit of batch) applyEdit(writer.text, edit);
    });
    await nextTurn();
  }
}

/** Milliseconds from a new client opening its socket to its holding all of `trace`'s text. */
export async function timeToFullText(
  server: ServerProcess,
  access: DocAccess,
  trace: Trace,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  const client = connectStockClient(server.syncBase, access);
  try {
    await client.whenDoc(
      `a new client of ${access.docId} to hold the whole text`,
      () => client.text.length === trace.finalText.length,
      timeoutMs,
    );
    const elapsed = performance.now() - started;
    const hash = sha256(client.text.toString());
    if (hash !== trace.finalSha256) {
      throw new Error(`a new client of ${access.docId} got the wrong text (SHA-256 ${hash})`);
    }
    return elapsed;
  } finally {
    // Resolves once the socket has closed.
    await client.destroy();
  }
}

function verify(trace: Trace, writer: StockClient, readers: readonly StockClient[]): void {
  if (writer.text.toString() !== trace.finalText) {
    throw new Error('the writer did not end with the final text: the trace replay itself is wrong');
  }
  readers.forEach((reader, index) => {
    const hash = sha256(reader.text.toString());
    if (hash !== trace.finalSha256) {
      throw new Error(
        `reader ${index + 1} ended with the wrong text (${reader.text.length} characters, ` +
          `SHA-256 ${hash}; expected ${trace.finalText.length}, ${trace.finalSha256})`,
      );
    }
  });
}

/**
 * The trace replayed by a writer on `server`, with two readers on `readerServer` (the
 * same process by default; another process serving the document in scale-out).
 */
export async function runTraceScenario(
  server: ServerProcess,
  trace: Trace,
  access: DocAccess,
  ticksPerSecond: number,
  readerServer: ServerProcess = server,
): Promise<TraceFigures> {
  const writer = connectStockClient(server.syncBase, access);
  const readers = Array.from({ length: READERS }, () =>
    connectStockClient(readerServer.syncBase, access),
  );
  const clients = [writer, ...readers];
  try {
    await Promise.all(clients.map((client) => client.whenSynced()));
    const writerId = writer.doc.clientID;
    const serverRssBeforeBytes = readRssBytes(server.pid);
    resetPeakRss(server.pid);
    const pids = [...new Set([server.pid, readerServer.pid])];
    const stopCpus = pids.map((pid) => startCpuMeter(pid, ticksPerSecond));
    const started = performance.now();
    // Each inserted character advances the writer's clock by one; deletes do not.
    const received = readers.map((reader, index) =>
      reader.whenDoc(
        `reader ${index + 1} to receive all ${trace.edits.length} edits`,
        () => Y.getState(reader.doc.store, writerId) >= trace.insertCount,
        REPLAY_TIMEOUT_MS,
      ),
    );
    await Promise.all([replay(writer, trace.edits), ...received]);
    const wallMs = performance.now() - started;
    const cpus = stopCpus.map((stop) => stop());
    const cpu = {
      totalMs: cpus.reduce((sum, each) => sum + each.totalMs, 0),
      systemMs: cpus.reduce((sum, each) => sum + each.systemMs, 0),
      mainThreadMs: cpus.reduce((sum, each) => sum + each.mainThreadMs, 0),
    };
    const serverPeakRssBytes = readPeakRssBytes(server.pid);
    verify(trace, writer, readers);
    const lateJoinMs = await timeToFullText(readerServer, access, trace, LATE_JOIN_TIMEOUT_MS);
    return {
      edits: trace.edits.length,
      transactions: Math.ceil(trace.edits.length / EDITS_PER_TRANSACTION),
      readers: READERS,
      wallMs,
      serverCpuMs: cpu.totalMs,
      serverSystemCpuMs: cpu.systemMs,
      serverMainThreadCpuMs: cpu.mainThreadMs,
      serverPeakRssBytes,
      serverRssBeforeBytes,
      lateJoinMs,
    };
  } finally {
    await Promise.all(clients.map((client) => client.destroy()));
  }
}
