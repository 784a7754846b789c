/**
 * The benchmark's output: the table of `report-rows.ts` as text with the ratio
 * ours/baseline, the notes, the targets with PASS/FAIL, and the same figures as one
 * JSON document for `--json`. Pure formatting: no I/O besides the returned text.
 */
import { EXTRA_CA_CERTS_VARIABLE } from './node-start';
import { bytes, type Format, fixed, kib, mib, ms, ratio, rows } from './report-rows';
import { pooledRatio } from './quantiles';
import type { BenchMeta, BenchResults, TargetResult } from './results';

/** 0.2 MiB, as 0.2 × 1024 × 1024 = 209,715.2 bytes. */
export const DISK_TARGET_BYTES = 0.2 * 1024 * 1024;
export const COLD_START_TARGET_MS = 150;
export const BASE_RSS_TARGET_BYTES = 80 * 1024 * 1024;
export const START_TO_LISTENING_TARGET_MS = 400;
export const HEAP_PER_IDLE_CONNECTION_TARGET_BYTES = 6 * 1024;
export const ITEM_CREATION_TARGET_MS = 30;
const NOTES = [
  '  n/a: the baseline (stock server.js, no YPERSISTENCE) keeps documents in memory only, so it',
  '    has nothing on disk, nothing to load when a client arrives, and no items.',
  '  ours runs as `npm start` runs it: the built bundle (dist/server/main.js) with plain node.',
  "  stock on our ws: the stock server's connection handler (setupWSConnection, in memory) on the",
  '    ws version ours pins instead of the 6.2 its server.js brings, run in the same rounds: ours',
  '    against it is the cost of our sync path alone; the baseline against it, the ws version alone.',
  '  CPU: user+system time of the server process (/proc/<pid>/stat), from just before the',
  '    workload to its end (start-up excluded). Peak RSS: VmHWM at the end of the scenario,',
  "    reset just before the workload (so set-up, such as a sign-in's scrypt, is not in it).",
  '    Every scenario runs on a fresh server process. The event-loop thread: the main thread',
  "    (/proc/<pid>/task/<pid>/stat), where each message is handled; the other threads are V8's",
  '    helpers (compiling hot code with its optimiser, parts of garbage collection) and libuv.',
  '  start: from spawning the process to its ready line; base RSS: its VmRSS then, before anyone',
  '    connects. Ours starts on the trace DATA_DIR (its administrator exists: no password hash).',
  "    Both servers get this process's environment without NODE_EXTRA_CA_CERTS (the header says",
  '    what it would add): node parses that certificate file at every start, before any code.',
  '  start to full text: from spawning ours on the trace DATA_DIR to a client, connecting as soon',
  '    as it listens, holding the whole text; cold start: that client from opening its socket.',
  '    room reload: a second client on the same process once the first one has gone.',
  '  late join: a new client on the trace document while the writer and readers still have it',
  '    open, from opening its socket to holding the whole text.',
  '  idle connections: bare ws sockets that finish the sync handshake and send nothing more, after',
  '    20 warm-up ones; live heap after a full GC (through the inspector) and VmRSS, before and',
  '    after, divided by their number.',
  '  item creation: POST /api/labs/<id>/items one after another (answered once item and document',
  "    are durable); the median of the rounds' medians.",
  '  ours authorises sync: the benchmark signs in as an administrator, creates a lab, a note',
  '    item per document and an API token, and clients send it as ?access_token=.',
];

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
  const { disk, startup, idle, itemCreation } = ours;
  const atMost = (
    target: string,
    value: number | null,
    limit: number,
    format: Format,
  ): TargetResult => ({
    target,
    measured: value === null ? 'not measured' : format(value),
    pass: value !== null && value <= limit,
  });
  const lateJoin = ratio(ours.trace.lateJoinMs, baseline.trace.lateJoinMs);
  return [
    cpu('trace', 'trace'),
    cpu('fanout', 'fan-out'),
    atMost(
      `base RSS at most 80 MB, taken as 80 x 1024 x 1024 = ${fixed(0)(BASE_RSS_TARGET_BYTES)} B`,
      startup.rssAtListeningBytes,
      BASE_RSS_TARGET_BYTES,
      mib,
    ),
    atMost(
      `process start to listening at most ${START_TO_LISTENING_TARGET_MS} ms (median)`,
      startup.startToListeningMs,
      START_TO_LISTENING_TARGET_MS,
      ms,
    ),
    atMost(
      'heap per idle connection at most 6 KB, taken as 6 x 1024 = ' +
        `${fixed(0)(HEAP_PER_IDLE_CONNECTION_TARGET_BYTES)} B`,
      idle.heapPerConnectionBytes,
      HEAP_PER_IDLE_CONNECTION_TARGET_BYTES,
      kib,
    ),
    {
      target: "late join no slower than the baseline's (ratio <= 1.00)",
      measured:
        `ratio ${lateJoin === null ? 'n/a' : lateJoin.toFixed(2)} ` +
        `(${ms(ours.trace.lateJoinMs)} vs ${ms(baseline.trace.lateJoinMs)})`,
      pass: lateJoin !== null && lateJoin <= 1,
    },
    {
      target: `cold start to full text under ${COLD_START_TARGET_MS} ms (median)`,
      measured: startup.coldStartMs === null ? 'not measured' : ms(startup.coldStartMs),
      pass: startup.coldStartMs !== null && startup.coldStartMs < COLD_START_TARGET_MS,
    },
    atMost(
      'trace .ylog after compaction at most 0.2 MB, taken as 0.2 x 1024 x 1024 = ' +
        `${fixed(1)(DISK_TARGET_BYTES)} B`,
      disk?.ylogBytes ?? null,
      DISK_TARGET_BYTES,
      bytes,
    ),
    atMost(
      `item creation at most ${ITEM_CREATION_TARGET_MS} ms (median)`,
      itemCreation?.medianMs ?? null,
      ITEM_CREATION_TARGET_MS,
      ms,
    ),
  ];
}

/** Node's own start, so the servers' start-up can be read against it. */
function nodeStartLine(meta: BenchMeta): string {
  const { emptyScriptMs, withExtraCaCertsMs, samples } = meta.nodeStart;
  const own = `node's own start (an empty script, spawn to exit, median of ${samples}): ${ms(emptyScriptMs)}`;
  if (withExtraCaCertsMs === null) return own;
  return (
    `${own}; ${ms(withExtraCaCertsMs)} with this environment's ${EXTRA_CA_CERTS_VARIABLE}, ` +
    `which both servers start without (+${ms(withExtraCaCertsMs - emptyScriptMs)} to every start)`
  );
}

export function formatReport(results: BenchResults): string {
  const { meta, ours } = results;
  const fanout = ours.fanout;
  const out: string[] = [
    `Improvement Lab sync benchmark  (${meta.startedAt}; node ${meta.node}; ${meta.cpus} CPUs; ` +
      `CLK_TCK ${meta.clockTicksPerSecond}${meta.quick ? '; --quick' : ''})`,
    `load average (1 min): ${meta.loadAverage.start.toFixed(2)} at start, ` +
      `${meta.loadAverage.end.toFixed(2)} at end (other work on this machine skews the figures)`,
    nodeStartLine(meta),
    `baseline: ${meta.baseline}; also ${results.stockOnOurWs.name}`,
    `trace: ${meta.traceName}, ${fixed(0)(ours.trace.edits)} edits in ` +
      `${fixed(0)(ours.trace.transactions)} transactions, 1 stock writer -> ` +
      `${ours.trace.readers} stock readers;`,
    `fan-out: 1 stock writer -> ${fanout.readers} raw readers, ${fanout.edits} edits ` +
      `every ${fanout.intervalMs} ms, ${fixed(0)(fanout.samples)} latency samples;`,
    `each trace and fan-out figure is the median of ${meta.rounds} ` +
      `round${meta.rounds === 1 ? '' : 's'} per server, each on a fresh process, ` +
      'ours and baseline alternating',
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
  out.push('', 'notes', ...NOTES);
  const perRound = (...servers: readonly (readonly { serverCpuMs: number }[])[]) =>
    (servers[0] ?? [])
      .map((_, index) =>
        servers
          .map((rounds) => {
            const round = rounds[index];
            return round ? fixed(0)(round.serverCpuMs) : 'n/a';
          })
          .join(' / '),
      )
      .join(', ');
  const pooled = (
    oursRounds: readonly { serverCpuMs: number }[],
    baselineRounds: readonly { serverCpuMs: number }[],
  ) => {
    const value = pooledRatio(
      oursRounds.map((round) => round.serverCpuMs),
      baselineRounds.map((round) => round.serverCpuMs),
    );
    return value === null ? 'n/a' : value.toFixed(2);
  };
  const { baseline, stockOnOurWs } = results;
  out.push(
    `  trace server CPU per round, ours / baseline / stock on our ws (ms): ` +
      perRound(ours.traceRounds, baseline.traceRounds, stockOnOurWs.traceRounds),
    `  fan-out server CPU per round, ours / baseline / stock on our ws (ms): ` +
      perRound(ours.fanoutRounds, baseline.fanoutRounds, stockOnOurWs.fanoutRounds),
    `  server CPU pooled over the rounds (ours' total / the baseline's): trace ` +
      pooled(ours.traceRounds, baseline.traceRounds) +
      ', fan-out ' +
      pooled(ours.fanoutRounds, baseline.fanoutRounds),
  );
  const samples = (values: readonly (number | null)[]) =>
    values.map((value) => (value === null ? 'n/a' : ms(value))).join(', ');
  out.push(
    `  start to listening samples, ours: ${samples(ours.startupSamples.map((s) => s.startToListeningMs))}`,
    `  start to listening samples, baseline: ${samples(
      results.baseline.startupSamples.map((s) => s.startToListeningMs),
    )}`,
    `  cold start samples: ${samples(ours.startupSamples.map((s) => s.coldStartMs))}`,
    `  room reload samples: ${samples(ours.startupSamples.map((s) => s.roomReloadMs))}`,
    `  item creation medians per round: ${samples(ours.itemCreationRounds.map((r) => r.medianMs))}`,
  );
  out.push('', 'targets');
  for (const target of evaluateTargets(results)) {
    out.push(`  ${target.pass ? 'PASS' : 'FAIL'}  ${target.target}: ${target.measured}`);
  }
  return `${out.join('\n')}\n`;
}

export function formatJson(results: BenchResults): string {
  const table = Object.fromEntries(
    rows(results).map((r) => [
      r.id,
      {
        label: r.label.trim(),
        ours: r.ours,
        baseline: r.baseline,
        ratio: ratio(r.ours, r.baseline),
      },
    ]),
  );
  const targets = evaluateTargets(results);
  return `${JSON.stringify({ ...results, table, targets }, null, 2)}\n`;
}
