/**
 * The server's Prometheus metrics (prom-client), one registry per server so that
 * several servers in one process (tests) keep their own counts. The sync layer's
 * per-message counts live in plain fields (`SyncMeter`) and are read here only
 * when `/metrics` is scraped; everything else is observed where it happens (one
 * HTTP request, one fsync, one export), which is rare next to sync messages.
 * Process metrics (CPU, memory, event-loop lag, GC) are collected once per process.
 */
import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  Registry,
  type RegistryContentType,
} from 'prom-client';
import type { Fsync } from '../store/log-file';
import { SyncMeter, UPDATE_REFUSALS } from '../sync/sync-meter';

const PREFIX = 'improvement_lab_';

/** What the metrics read from the running server when scraped. */
export interface MetricSources {
  /** Open sync connections, by the person's role in the document's lab. */
  connectionsByRole(): ReadonlyMap<string, number>;
  /** Documents loaded in memory now. */
  roomsLoaded(): number;
  /** Scale-out only: messages received from Redis so far, by channel family. */
  busMessagesReceived?(): ReadonlyMap<string, number>;
}

export interface ServerMetrics {
  /** Handed to the sync layer; read at scrape time. */
  readonly sync: SyncMeter;
  readonly contentType: RegistryContentType;
  /** Starts reading `sources` at each scrape (the sync layer exists only after the metrics). */
  watch(sources: MetricSources): void;
  observeHttp(method: string, route: string, status: number, seconds: number): void;
  observeExport(scope: 'lab' | 'item', format: string, seconds: number): void;
  /** How long making writes durable took: a log's fsync, or a database transaction's commit. */
  observeCommit(target: string, seconds: number): void;
  /** An fsync that times each call into the commit-latency histogram. */
  timedFsync(fsync: Fsync): Fsync;
  /** The exposition text. */
  render(): Promise<string>;
}

let processRegistry: Registry | null = null;

/** CPU, memory, event-loop lag and GC of this process: one collector per process. */
function processMetrics(): Registry {
  if (processRegistry === null) {
    processRegistry = new Registry();
    // Event-loop lag sampled every 50 ms rather than prom-client's default 10: still
    // hundreds of samples per scrape, at a fifth of the timer wake-ups on a busy server.
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 50 });
  }
  return processRegistry;
}

/** A counter that reports a running total kept elsewhere: it adds what grew since the last scrape. */
function totalCounter(
  registry: Registry,
  name: string,
  help: string,
  read: () => number,
): Counter<string> {
  let reported = 0;
  return new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const total = read();
      if (total > reported) this.inc(total - reported);
      reported = total;
    },
  });
}

export function createServerMetrics(): ServerMetrics {
  const registry = new Registry();
  let sources: MetricSources | null = null;

  const savedLatency = new Histogram({
    name: `${PREFIX}sync_saved_ack_seconds`,
    help: 'Time from an update reaching the server to its "Saved" acknowledgement (clients that ask for them)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const sync = new SyncMeter((seconds) => savedLatency.observe(seconds));

  new Gauge({
    name: `${PREFIX}sync_connections`,
    help: 'Open sync connections, by the role of the person in the lab (admin: no membership)',
    labelNames: ['role'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [role, count] of sources?.connectionsByRole() ?? []) this.set({ role }, count);
    },
  });
  new Gauge({
    name: `${PREFIX}rooms_loaded`,
    help: 'Documents loaded in memory (each with at least one connection, or being read)',
    registers: [registry],
    collect() {
      this.set(sources?.roomsLoaded() ?? 0);
    },
  });
  totalCounter(
    registry,
    `${PREFIX}sync_updates_received_total`,
    'Update-carrying sync messages received from clients',
    () => sync.updatesReceived,
  );
  const refusedReported = new Map<string, number>();
  const refused = new Counter({
    name: `${PREFIX}sync_updates_refused_total`,
    help: 'Updates from clients not stored, by reason (a close code name, read_only_update or resync_requested)',
    labelNames: ['reason'],
    registers: [registry],
    collect() {
      for (const [reason, total] of sync.refused) {
        const before = refusedReported.get(reason) ?? 0;
        if (total > before) this.inc({ reason }, total - before);
        refusedReported.set(reason, total);
      }
    },
  });
  for (const reason of UPDATE_REFUSALS) refused.inc({ reason }, 0);
  totalCounter(
    registry,
    `${PREFIX}sync_received_bytes_total`,
    'Bytes of sync messages received from clients',
    () => sync.bytesReceived,
  );
  totalCounter(
    registry,
    `${PREFIX}sync_sent_bytes_total`,
    'Bytes of sync messages sent to clients',
    () => sync.bytesSent,
  );
  const busReported = new Map<string, number>();
  new Counter({
    name: `${PREFIX}bus_messages_received_total`,
    help: "Messages received from the other processes through Redis (scale-out), by channel family (doc, meta, throttles), this process's own echoes included",
    labelNames: ['channel'],
    registers: [registry],
    collect() {
      for (const [channel, total] of sources?.busMessagesReceived?.() ?? []) {
        const before = busReported.get(channel) ?? 0;
        if (total > before) this.inc({ channel }, total - before);
        busReported.set(channel, total);
      }
    },
  });
  const commit = new Histogram({
    name: `${PREFIX}doc_store_commit_seconds`,
    help: 'Time to make document writes durable: one fsync (target log: a group commit of appended updates), or a transaction commit',
    labelNames: ['target'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const http = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'HTTP request durations, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const exports = new Histogram({
    name: `${PREFIX}export_duration_seconds`,
    help: 'Time to build an export, by scope (lab or item) and format',
    labelNames: ['scope', 'format'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });

  const processWide = processMetrics();
  return {
    sync,
    contentType: registry.contentType,
    watch(given) {
      sources = given;
    },
    observeHttp(method, route, status, seconds) {
      http.observe({ method, route, status: String(status) }, seconds);
    },
    observeExport(scope, format, seconds) {
      exports.observe({ scope, format }, seconds);
    },
    observeCommit(target, seconds) {
      commit.observe({ target }, seconds);
    },
    timedFsync(fsync) {
      return async (handle, info) => {
        const started = performance.now();
        await fsync(handle, info);
        commit.observe({ target: info.target }, (performance.now() - started) / 1000);
      };
    },
    async render() {
      return `${await processWide.metrics()}\n${await registry.metrics()}`;
    },
  };
}
