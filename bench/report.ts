/**
 * The benchmark's output: every figure for ours and the baseline with the ratio
 * ours/baseline as a table, the targets with PASS/FAIL, and the same figures as
 * one JSON document for `--json`. Pure formatting: no I/O besides the returned text.
 */
import type { FanoutFigures } from './fanout';
import type { PersistenceFigures } from './persistence';
import type { TraceFigures } from './trace';

export interface ServerResults {
  readonly trace: TraceFigures;
  readonly fanout: FanoutFigures;
  /** Null for the baseline: it keeps documents in memory only. */
  readonly persistence: PersistenceFigures | null;
}

export interface BenchMeta {
  readonly startedAt: string;
  readonly node: string;
  readonly cpus: number;
  readonly clockTicksPerSecond: number;
  readonly quick: boolean;
  readonly tracePath: string;
  readonly traceName: string;
  readonly baseline: string;
}

export interface BenchResults {
  readonly meta: BenchMeta;
  readonly ours: ServerResults;
  readonly baseline: ServerResults;
}

export interface TargetResult {
  readonly target: string;
  readonly measured: string;
  readonly pass: boolean;
}

/** 0.35 MiB, as 0.35 × 1024 × 1024 = 367,001.6 bytes. */
export const DISK_TARGET_BYTES = 0.35 * 1024 * 1024;
export const COLD_START_TARGET_MS = 150;
const BASELINE_NA = 'in-memory only, nothing on disk or to reload';

interface Row {
  readonly label: string;
  readonly ours: number | null;
  readonly baseline: number | null;
  readonly format: (value: number) => string;
}

function fixed(digits: number): (value: number) => string {
  return (value) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
const ms = (value: number) => `${fixed(1)(value)} ms`;
const mib = (value: number) => `${fixed(1)(value / 1024 / 1024)} MiB`;
const bytes = (value: number) => `${fixed(0)(value)} B`;

function ratio(ours: number | null, baseline: number | null): number | null {
  if (ours === null || baseline === null || baseline === 0) return null;
  return ours / baseline;
}

function rows(results: BenchResults): Row[] {
  const { ours, baseline } = results;
  const disk = ours.persistence;
  return [
    {
      label: 'trace: wall time',
      ours: ours.trace.wallMs,
      baseline: baseline.trace.wallMs,
      format: ms,
    },
    {
      label: 'trace: server CPU (user+sys)',
      ours: ours.trace.serverCpuMs,
      baseline: baseline.trace.serverCpuMs,
      format: ms,
    },
    {
      label: 'trace: server peak RSS (VmHWM)',
      ours: ours.trace.serverPeakRssBytes,
      baseline: baseline.trace.serverPeakRssBytes,
      format: mib,
    },
    {
      label: 'fan-out: latency p50',
      ours: ours.fanout.p50Ms,
      baseline: baseline.fanout.p50Ms,
      format: ms,
    },
    {
      label: 'fan-out: latency p99',
      ours: ours.fanout.p99Ms,
      baseline: baseline.fanout.p99Ms,
      format: ms,
    },
    {
      label: 'fan-out: latency max',
      ours: ours.fanout.maxMs,
      baseline: baseline.fanout.maxMs,
      format: ms,
    },
    {
      label: 'fan-out: server CPU (user+sys)',
      ours: ours.fanout.serverCpuMs,
      baseline: baseline.fanout.serverCpuMs,
      format: ms,
    },
    {
      label: 'fan-out: server peak RSS (VmHWM)',
      ours: ours.fanout.serverPeakRssBytes,
      baseline: baseline.fanout.serverPeakRssBytes,
      format: mib,
    },
    {
      label: 'fan-out: bench process CPU (clients)',
      ours: ours.fanout.benchCpuMs,
      baseline: baseline.fanout.benchCpuMs,
      format: ms,
    },
    {
      label: 'disk: trace .ylog after compaction',
      ours: disk?.ylogBytes ?? null,
      baseline: null,
      format: bytes,
    },
    {
      label: 'disk: whole DATA_DIR',
      ours: disk?.dataDirBytes ?? null,
      baseline: null,
      format: bytes,
    },
    {
      label: 'cold start to full text (median)',
      ours: disk?.coldStartMedianMs ?? null,
      baseline: null,
      format: ms,
    },
    {
      label: 'room reload, warm process (median)',
      ours: disk?.roomReloadMedianMs ?? null,
      baseline: null,
      format: ms,
    },
  ];
}

const WIDTHS = [38, 15, 15, 14] as const;

function line(cells: readonly string[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(WIDTHS[0]) : cell.padStart(WIDTHS[1])))
    .join(' ')
    .trimEnd();
}

export function evaluateTargets(results: BenchResults): TargetResult[] {
  const { ours, baseline } = results;
  const cpu = (scenario: 'trace' | 'fanout', name: string): TargetResult => {
    const value = ratio(ours[scenario].serverCpuMs, baseline[scenario].serverCpuMs);
    return {
      target: `${name} server CPU no more than the baseline's (ratio <= 1.00)`,
      measured:
        `ratio ${value === null ? 'n/a' : value.toFixed(2)} ` +
        `(${ms(ours[scenario].serverCpuMs)} vs ${ms(baseline[scenario].serverCpuMs)})`,
      pass: value !== null && value <= 1,
    };
  };
  const disk = ours.persistence;
  return [
    cpu('trace', 'trace'),
    cpu('fanout', 'fan-out'),
    {
      target: `cold start to full text under ${COLD_START_TARGET_MS} ms (median)`,
      measured: disk === null ? 'not measured' : ms(disk.coldStartMedianMs),
      pass: disk !== null && disk.coldStartMedianMs < COLD_START_TARGET_MS,
    },
    {
      target: `trace on disk after compaction under 0.35 MiB (0.35 x 1024 x 1024 = ${fixed(1)(DISK_TARGET_BYTES)} B)`,
      measured: disk === null ? 'not measured' : bytes(disk.ylogBytes),
      pass: disk !== null && disk.ylogBytes < DISK_TARGET_BYTES,
    },
  ];
}

export function formatReport(results: BenchResults): string {
  const { meta, ours } = results;
  const fanout = ours.fanout;
  const out: string[] = [
    `Improvement Lab sync benchmark  (${meta.startedAt}; node ${meta.node}; ${meta.cpus} CPUs; ` +
      `CLK_TCK ${meta.clockTicksPerSecond}${meta.quick ? '; --quick' : ''})`,
    `baseline: ${meta.baseline}`,
    `trace: ${meta.traceName}, ${fixed(0)(ours.trace.edits)} edits in ` +
      `${fixed(0)(ours.trace.transactions)} transactions, 1 stock writer -> ` +
      `${ours.trace.readers} stock readers`,
    `fan-out: 1 stock writer -> ${fanout.readers} raw readers, ${fanout.edits} edits ` +
      `every ${fanout.intervalMs} ms, ${fixed(0)(fanout.samples)} latency samples`,
    '',
    line(['figure', 'ours', 'baseline', 'ours/baseline']),
    '-'.repeat(WIDTHS.reduce((sum, width) => sum + width + 1, 0)),
  ];
  for (const row of rows(results)) {
    const r = ratio(row.ours, row.baseline);
    out.push(
      line([
        row.label,
        row.ours === null ? 'n/a' : row.format(row.ours),
        row.baseline === null ? 'n/a' : row.format(row.baseline),
        r === null ? 'n/a' : r.toFixed(2),
      ]),
    );
  }
  const disk = ours.persistence;
  out.push(
    '',
    `n/a for the baseline: ${BASELINE_NA} (no YPERSISTENCE set), so it has no disk or cold-start figures.`,
    'CPU is user+system time of the server process from /proc/<pid>/stat over the workload only',
    '(start-up excluded); peak RSS is VmHWM at the end of the scenario, one fresh process each.',
  );
  if (disk !== null) {
    out.push(
      `cold start samples (server restarted each time): ${disk.coldStartMs.map(ms).join(', ')}`,
      `room reload samples (same process, after the first client left): ${disk.roomReloadMs.map(ms).join(', ')}`,
    );
  }
  out.push('', 'targets');
  for (const target of evaluateTargets(results)) {
    out.push(`  ${target.pass ? 'PASS' : 'FAIL'}  ${target.target}: ${target.measured}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatJson(results: BenchResults): string {
  const figure = (ours: number | null, baseline: number | null) => ({
    ours,
    baseline,
    ratio: ratio(ours, baseline),
  });
  const table = Object.fromEntries(
    rows(results).map((row) => [row.label, figure(row.ours, row.baseline)]),
  );
  return `${JSON.stringify({ ...results, table, targets: evaluateTargets(results) }, null, 2)}\n`;
}
