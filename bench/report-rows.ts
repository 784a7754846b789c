/**
 * The benchmark's table: each figure for ours and the baseline (and, for CPU, the
 * stock handler on our `ws`), with how each is written. Pure: `report.ts` prints it,
 * as text or JSON.
 */
import type { BenchResults } from './results';

export type Format = (value: number) => string;

export interface Row {
  /** Key of the figure in the JSON output. */
  readonly id: string;
  readonly label: string;
  readonly format: Format;
  readonly ours: number | null;
  readonly baseline: number | null;
}

export function fixed(digits: number): Format {
  return (value) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
export const ms: Format = (value) => `${fixed(1)(value)} ms`;
export const mib: Format = (value) => `${fixed(1)(value / 1024 / 1024)} MiB`;
export const kib: Format = (value) => `${fixed(2)(value / 1024)} KiB`;
export const bytes: Format = (value) => `${fixed(0)(value)} B`;

export function ratio(ours: number | null, baseline: number | null): number | null {
  if (ours === null || baseline === null || baseline === 0) return null;
  return ours / baseline;
}

function row(
  id: string,
  label: string,
  format: Format,
  ours: number | null,
  baseline: number | null = null,
): Row {
  return { id, label, format, ours, baseline };
}

/** The CPU figures the trace and fan-out scenarios both report. */
interface CpuFigures {
  readonly serverCpuMs: number;
  readonly serverSystemCpuMs: number;
  readonly serverMainThreadCpuMs: number;
}

/** CPU time off the event loop: V8's helper threads (optimising compiler, garbage collector). */
function otherThreads(figures: CpuFigures): number {
  return figures.serverCpuMs - figures.serverMainThreadCpuMs;
}

/** A scenario's server CPU rows: the total, its parts, and the total against stock on our ws. */
function cpuRows(
  id: 'trace' | 'fanout',
  scenario: string,
  ours: CpuFigures,
  baseline: CpuFigures,
  stockOnOurWs: CpuFigures,
): Row[] {
  return [
    row(
      `${id}CpuMs`,
      `${scenario}: server CPU (user+sys)`,
      ms,
      ours.serverCpuMs,
      baseline.serverCpuMs,
    ),
    row(
      `${id}SystemCpuMs`,
      '  of which system (kernel)',
      ms,
      ours.serverSystemCpuMs,
      baseline.serverSystemCpuMs,
    ),
    row(
      `${id}MainThreadCpuMs`,
      '  of which the event-loop thread',
      ms,
      ours.serverMainThreadCpuMs,
      baseline.serverMainThreadCpuMs,
    ),
    row(
      `${id}OtherThreadsCpuMs`,
      '  of which the other threads',
      ms,
      otherThreads(ours),
      otherThreads(baseline),
    ),
    row(
      `${id}CpuMsStockOnOurWs`,
      '  against stock on our ws (user+sys)',
      ms,
      ours.serverCpuMs,
      stockOnOurWs.serverCpuMs,
    ),
  ];
}

export function rows({ ours: o, baseline: b, stockOnOurWs: w }: BenchResults): Row[] {
  const disk = o.disk;
  return [
    row('traceWallMs', 'trace: wall time', ms, o.trace.wallMs, b.trace.wallMs),
    ...cpuRows('trace', 'trace', o.trace, b.trace, w.trace),
    row(
      'tracePeakRssBytes',
      'trace: server peak RSS (VmHWM)',
      mib,
      o.trace.serverPeakRssBytes,
      b.trace.serverPeakRssBytes,
    ),
    row(
      'traceRssBeforeBytes',
      '  RSS before the workload (VmRSS)',
      mib,
      o.trace.serverRssBeforeBytes,
      b.trace.serverRssBeforeBytes,
    ),
    row('fanoutP50Ms', 'fan-out: latency p50', ms, o.fanout.p50Ms, b.fanout.p50Ms),
    row('fanoutP99Ms', 'fan-out: latency p99', ms, o.fanout.p99Ms, b.fanout.p99Ms),
    row('fanoutMaxMs', 'fan-out: latency max', ms, o.fanout.maxMs, b.fanout.maxMs),
    ...cpuRows('fanout', 'fan-out', o.fanout, b.fanout, w.fanout),
    row(
      'fanoutPeakRssBytes',
      'fan-out: server peak RSS (VmHWM)',
      mib,
      o.fanout.serverPeakRssBytes,
      b.fanout.serverPeakRssBytes,
    ),
    row(
      'fanoutRssBeforeBytes',
      '  RSS before the workload (VmRSS)',
      mib,
      o.fanout.serverRssBeforeBytes,
      b.fanout.serverRssBeforeBytes,
    ),
    row(
      'fanoutBenchCpuMs',
      'fan-out: bench process CPU (clients)',
      ms,
      o.fanout.benchCpuMs,
      b.fanout.benchCpuMs,
    ),
    row(
      'startToListeningMs',
      'start: process start to listening',
      ms,
      o.startup.startToListeningMs,
      b.startup.startToListeningMs,
    ),
    row(
      'baseRssBytes',
      'start: base RSS (VmRSS when listening)',
      mib,
      o.startup.rssAtListeningBytes,
      b.startup.rssAtListeningBytes,
    ),
    row('startToFullTextMs', 'start: process start to full text', ms, o.startup.startToFullTextMs),
    row('coldStartMs', '  cold start to full text (median)', ms, o.startup.coldStartMs),
    row('roomReloadMs', 'room reload, warm process (median)', ms, o.startup.roomReloadMs),
    row('lateJoinMs', 'late join to full text', ms, o.trace.lateJoinMs, b.trace.lateJoinMs),
    row(
      'heapPerIdleConnectionBytes',
      'idle connection: heap each',
      kib,
      o.idle.heapPerConnectionBytes,
      b.idle.heapPerConnectionBytes,
    ),
    row(
      'rssPerIdleConnectionBytes',
      'idle connection: RSS each',
      kib,
      o.idle.rssPerConnectionBytes,
      b.idle.rssPerConnectionBytes,
    ),
    row('diskYlogBytes', 'disk: trace .ylog after compaction', bytes, disk?.ylogBytes ?? null),
    row('diskDataDirBytes', 'disk: whole DATA_DIR', bytes, disk?.dataDirBytes ?? null),
    row('itemCreationMs', 'item creation: median', ms, o.itemCreation?.medianMs ?? null),
    row('itemCreationP90Ms', 'item creation: p90', ms, o.itemCreation?.p90Ms ?? null),
  ];
}
