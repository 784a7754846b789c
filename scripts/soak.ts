/**
 * `npm run soak -- [--minutes 10] [--clients 200] [--people 20] [--docs 10] [--edit-every-ms 2000] [--flood off] [--profile DIR]`
 *
 * Starts the server as `npm start` would (a child process, a temporary data
 * directory), then for the given time: the clients (of `people` participants, each
 * with a few documents open) edit their documents, a tenth of them leave and are
 * replaced every minute, and a read-only observer floods the server. Every few seconds it prints the server's memory (RSS), the edits and their
 * latency (made → seen by the document's watcher) and the errors so far. At the end
 * it checks that every edit is in the documents, restarts the server and checks
 * again, and prints the summary: memory at the start and end of the second half and
 * its slope, p50/p99 latency, edits lost, errors. Exit code 0 when nothing was lost and
 * nothing failed, 1 otherwise, 2 for a bad command line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { readRssBytes } from '../bench/proc-stats';
import { quantileOfSorted } from '../bench/quantiles';
import { ChildProcesses, type ServerProcess, startOurServer } from '../bench/server-process';
import { connectStockClient, type StockClient } from '../bench/stock-client';
import { newAdminCredentials, provisionDocuments } from '../bench/workspace-access';
import { observerAccess, participants } from './soak-access';
import { EditLedger, Editor, Flood, LOG_NAME, type SoakCounters, watch } from './soak-clients';

const ArgsSchema = z.object({
  minutes: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  clients: z.coerce.number().int().min(1).max(2000).default(200),
  /** Accounts the clients belong to (a server caps sockets per account). */
  people: z.coerce.number().int().min(1).max(500).default(20),
  docs: z.coerce.number().int().min(1).max(100).default(10),
  'edit-every-ms': z.coerce.number().int().min(50).default(2000),
  /** `off` runs without the read-only flood, to compare. */
  flood: z.enum(['on', 'off']).default('on'),
  /** A directory to write V8 CPU profiles of the server processes into. */
  profile: z.string().min(1).optional(),
});
type Args = z.infer<typeof ArgsSchema>;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

function parse(): Args {
  const { values } = parseArgs({
    options: Object.fromEntries(
      Object.keys(ArgsSchema.shape).map((name) => [name, { type: 'string' as const }]),
    ),
  });
  return ArgsSchema.parse(values);
}

function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  return quantileOfSorted(Float64Array.from(values).sort(), q);
}

/** How many errors of each kind: each message with client names and numbers left out. */
function errorKinds(errors: readonly string[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const error of errors) {
    const kind = error.replace(/\bc\d+\b/g, 'cN').replace(/\d+/g, 'N');
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

/** Least-squares slope of memory against time (MB per minute). */
function slopePerMinute(samples: ReadonlyArray<{ t: number; rss: number }>): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((s, x) => s + x.t, 0) / n;
  const mr = samples.reduce((s, x) => s + x.rss, 0) / n;
  const num = samples.reduce((s, x) => s + (x.t - mt) * (x.rss - mr), 0);
  const den = samples.reduce((s, x) => s + (x.t - mt) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60_000;
}

/**
 * Ids of edits missing from each document as a fresh client opens it. A document
 * that cannot be opened counts all its edits as lost, with the reason in `errors`.
 */
async function lostEdits(
  server: ServerProcess,
  ledger: EditLedger,
  paramsOf: Readonly<Record<string, Readonly<Record<string, string>>>>,
  errors: string[],
): Promise<number> {
  let lost = 0;
  for (const [docId, ids] of ledger.sent) {
    const params = paramsOf[docId] ?? {};
    const fresh: StockClient = connectStockClient(server.syncBase, { docId, params });
    try {
      await fresh.whenSynced();
      const present = new Set(fresh.doc.getArray<string>(LOG_NAME).toArray());
      for (const id of ids) if (!present.has(id)) lost += 1;
    } catch (error) {
      errors.push(`a fresh client could not open ${docId}: ${String(error)}`);
      lost += ids.size;
    } finally {
      await fresh.destroy().catch(() => undefined);
    }
  }
  return lost;
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parse();
  } catch (error) {
    process.stderr.write(
      `${String(error)}\nusage: npm run soak -- [--minutes M] [--clients N] [--people P] [--docs D] [--edit-every-ms MS] [--flood on|off] [--profile DIR]\n`,
    );
    return 2;
  }
  const children = new ChildProcesses();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'improvement-lab-soak-'));
  const admin = newAdminCredentials();
  const nodeArgs = args.profile
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`]
    : [];
  const start = () => startOurServer({ repoRoot, children, admin, nodeArgs }, dataDir);
  const counters: SoakCounters = {
    edits: 0,
    joins: 0,
    leaves: 0,
    errors: [],
    latencies: [],
    floodFrames: 0,
    floodCloses: {},
  };
  const originalError = console.error;
  console.error = (...parts: unknown[]) => {
    if (parts.some((p) => String(p).includes('Caught error')))
      counters.errors.push(`a client failed to apply an update: ${String(parts[1])}`);
  };
  let server = await start();
  try {
    const titles = Array.from({ length: args.docs }, (_, i) => `Soak note ${i + 1}`);
    const docs = await provisionDocuments(server.httpBase, admin, titles);
    const paramsOf = Object.fromEntries(docs.map((d) => [d.docId, d.params]));
    const accessOf = await participants(server.httpBase, admin, docs, args.people);
    const ledger = new EditLedger(counters);
    const watchers = docs.map((access) => watch(server.syncBase, access, ledger));
    await Promise.all(watchers.map((w) => w.whenSynced()));
    const flood = new Flood(
      server.syncBase,
      await observerAccess(server.httpBase, admin, docs[0] as (typeof docs)[number]),
      counters,
    );
    let next = 0;
    const join = async () => {
      const access = accessOf(next);
      const editor = new Editor(`c${next++}`, access, server.syncBase, ledger, counters);
      await editor.client
        .whenSynced()
        .catch((error: unknown) =>
          counters.errors.push(`${editor.name} did not sync: ${String(error)}`),
        );
      counters.joins += 1;
      return editor;
    };
    const editors: Editor[] = [];
    for (let i = 0; i < args.clients; i += 20) {
      editors.push(
        ...(await Promise.all(Array.from({ length: Math.min(20, args.clients - i) }, join))),
      );
    }
    if (args.flood === 'on') flood.start();
    const random = Math.random;
    const durationMs = args.minutes * 60_000;
    const sampleMs = Math.max(5_000, Math.min(30_000, durationMs / 20));
    const began = performance.now();
    const samples: Array<{ t: number; rss: number }> = [];
    const editTimer = setInterval(() => {
      for (const editor of editors) if (random() < 100 / args['edit-every-ms']) editor.edit(random);
    }, 100);
    const churnTimer = setInterval(() => {
      // A tenth of the clients a minute: one every 600/clients seconds, on average.
      if (random() > args.clients / 600 || editors.length === 0) return;
      const leaving = editors.splice(Math.floor(random() * editors.length), 1)[0] as Editor;
      void leaving
        .leave(10_000)
        .then(join)
        .then((editor) => editors.push(editor));
    }, 1000);
    process.stdout.write(
      '  min   RSS MB  clients    edits  p50 ms  p99 ms  flood frames  errors\n',
    );
    const latencies: number[] = [];
    while (performance.now() - began < durationMs) {
      await new Promise((resolve) => setTimeout(resolve, sampleMs));
      const t = performance.now() - began;
      const rss = readRssBytes(server.pid) / MB;
      samples.push({ t, rss });
      const all = counters.latencies.splice(0);
      latencies.push(...all);
      const line = [
        (t / 60_000).toFixed(1).padStart(5),
        rss.toFixed(1).padStart(8),
        String(editors.length).padStart(8),
        String(counters.edits).padStart(8),
        percentile(all, 0.5).toFixed(1).padStart(7),
        percentile(all, 0.99).toFixed(1).padStart(7),
        String(counters.floodFrames).padStart(13),
        String(counters.errors.length).padStart(7),
      ];
      process.stdout.write(`${line.join(' ')}\n`);
    }
    clearInterval(editTimer);
    clearInterval(churnTimer);
    flood.stop();
    const settle = performance.now();
    while (ledger.unseenCount > 0 && performance.now() - settle < 30_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const lostLive = await lostEdits(server, ledger, paramsOf, counters.errors);
    await Promise.all(editors.map((e) => e.leave(10_000)));
    await Promise.all(watchers.map((w) => w.destroy().catch(() => undefined)));
    await server.stop();
    server = await start();
    const lostAfterRestart = await lostEdits(server, ledger, paramsOf, counters.errors);
    const second = samples.slice(Math.floor(samples.length / 2));
    const summary = {
      ...args,
      edits: counters.edits,
      joins: counters.joins,
      leaves: counters.leaves,
      latencyMs: {
        p50: percentile(latencies, 0.5),
        p99: percentile(latencies, 0.99),
        max: percentile(latencies, 1),
      },
      memoryMB: {
        secondHalfStart: second[0]?.rss,
        end: samples.at(-1)?.rss,
        slopePerMinute: slopePerMinute(second),
      },
      floodFrames: counters.floodFrames,
      floodCloses: counters.floodCloses,
      lostLive,
      lostAfterRestart,
      errors: counters.errors.slice(0, 20),
      errorKinds: errorKinds(counters.errors),
      errorCount: counters.errors.length,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return lostLive === 0 && lostAfterRestart === 0 && counters.errors.length === 0 ? 0 : 1;
  } finally {
    console.error = originalError;
    await server.stop().catch(() => undefined);
    children.killAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${String(error)}\n`);
    process.exit(1);
  },
);
