/**
 * `/metrics`, `/healthz` and request ids against a real server: the exposition is
 * read back with a Prometheus text-format parser, and the counts move when stock
 * y-websocket clients edit, when a read-only person's edit is refused, when the
 * API is called and when something is exported.
 */
import {
  getMetricsFromIterator,
  type PromData,
  type PromHistogramData,
  type PromMetrics,
} from 'prom2javascript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, addPerson } from '../helpers/accounts';
import { connectSavingClient, type SavingClient } from '../helpers/saving-client';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { eachTurn, waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789';

/** Scrapes `/metrics` and parses the text format (the parser throws on a malformed line). */
async function scrape(url: string, token = METRICS_TOKEN): Promise<PromMetrics> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const all = (await response.text()).split('\n');
  // The text format allows NaN (prom-client writes "Nan", which Prometheus reads), but this
  // parser knows no NaN. Only the event-loop lag gauges may have one: a second scrape within
  // the sampler's interval finds no sample yet. They are left out; any other NaN fails.
  const notANumber = all.filter((line) => /\sNa[Nn]$/.test(line));
  for (const line of notANumber) expect(line).toMatch(/^nodejs_eventloop_lag_/);
  const lines = all.filter((line) => !notANumber.includes(line));
  return getMetricsFromIterator(lines[Symbol.iterator]());
}

function series<T extends { labels: Record<string, string> }>(
  metrics: PromMetrics,
  name: string,
  type: string,
): T[] {
  const metric = metrics[name];
  if (!metric) throw new Error(`no metric ${name} in the exposition`);
  expect(metric.type).toBe(type);
  // The element type follows `type`, checked just above; the parser's union cannot say so.
  return metric.data as unknown as T[];
}

function matches(labels: Record<string, string>, wanted: Record<string, string>): boolean {
  return Object.entries(wanted).every(([key, value]) => labels[key] === value);
}

/** A counter's or gauge's value for the labelled series; 0 when it is absent. */
function value(metrics: PromMetrics, name: string, labels: Record<string, string> = {}): number {
  const type = name.endsWith('_total') ? 'counter' : 'gauge';
  return series<PromData>(metrics, name, type).find((s) => matches(s.labels, labels))?.value ?? 0;
}

/** A histogram's observation count for the labelled series; 0 when it is absent. */
function count(metrics: PromMetrics, name: string, labels: Record<string, string> = {}): number {
  const found = series<PromHistogramData>(metrics, name, 'histogram').find((s) =>
    matches(s.labels, labels),
  );
  return found?.count ?? 0;
}

describe('/metrics, /healthz and request ids', () => {
  let workspace: TestWorkspace;
  const clients: Array<StockClient | SavingClient> = [];

  beforeEach(async () => {
    workspace = await startTestWorkspace({ config: { metricsToken: METRICS_TOKEN } });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace.stop();
  });

  it('refuses /metrics without the token, with a wrong one, and answers with it', async () => {
    const bare = await fetch(`${workspace.url}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${workspace.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}x` },
    });
    expect(wrong.status).toBe(401);
    const metrics = await scrape(workspace.url);
    // Process metrics come with the server's own.
    expect(metrics.process_cpu_user_seconds_total?.type).toBe('counter');
    expect(metrics.improvement_lab_sync_updates_received_total?.type).toBe('counter');
    expect(metrics.improvement_lab_doc_store_commit_seconds?.type).toBe('histogram');
  });

  it('/healthz answers while the process runs', async () => {
    const response = await fetch(`${workspace.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('counts connections by role, rooms, updates, refusals, bytes, fsyncs and Saved acks', async () => {
    const docId = await workspace.registerDoc('metrics-doc');
    const observer = await addPerson(workspace.server.meta, 'Omar Observer');
    await addMember(workspace.server.meta, workspace.labId, observer.user, 'observer');
    const before = await scrape(workspace.url);
    expect(value(before, 'improvement_lab_rooms_loaded')).toBe(0);
    expect(
      value(before, 'improvement_lab_sync_updates_refused_total', { reason: 'read_only_update' }),
    ).toBe(0);

    const writer = connectSavingClient(workspace.url, docId, workspace.auth());
    const reader = connectStockClient(workspace.url, docId, workspace.auth());
    const watcher = connectStockClient(workspace.url, docId, workspace.auth(observer));
    clients.push(writer, reader, watcher);
    await Promise.all([writer.whenSynced(), reader.whenSynced(), watcher.whenSynced()]);

    const edits = 20;
    for (let i = 0; i < edits; i += 1) writer.text.insert(writer.text.length, `edit ${i}; `);
    await writer.waitForSaved(writer.sent());
    await waitForDoc(reader.doc, 'the reader to hold every edit', () =>
      reader.text.toString().includes(`edit ${edits - 1};`),
    );
    // The observer may only read: the server drops its edit.
    watcher.text.insert(0, 'not allowed');

    const { meter } = workspace.server.registry;
    await waitFor(
      'the server to refuse the edit',
      () => meter.refused.get('read_only_update') === 1,
      eachTurn,
    );
    const after = await scrape(workspace.url);
    expect(
      value(after, 'improvement_lab_sync_updates_refused_total', { reason: 'read_only_update' }),
    ).toBe(1);
    const received = (name: string) => value(after, name) - value(before, name);
    expect(received('improvement_lab_sync_updates_received_total')).toBeGreaterThanOrEqual(
      edits + 1,
    );
    expect(received('improvement_lab_sync_received_bytes_total')).toBeGreaterThan(edits * 8);
    // Every edit went out to the reader (and the observer).
    expect(received('improvement_lab_sync_sent_bytes_total')).toBeGreaterThan(edits * 8 * 2);
    expect(value(after, 'improvement_lab_sync_connections', { role: 'facilitator' })).toBe(2);
    expect(value(after, 'improvement_lab_sync_connections', { role: 'observer' })).toBe(1);
    expect(value(after, 'improvement_lab_rooms_loaded')).toBe(1);
    expect(
      count(after, 'improvement_lab_doc_store_commit_seconds', { target: 'log' }),
    ).toBeGreaterThan(count(before, 'improvement_lab_doc_store_commit_seconds', { target: 'log' }));
    expect(count(after, 'improvement_lab_sync_saved_ack_seconds')).toBeGreaterThanOrEqual(edits);
    // Nothing else was refused.
    for (const refused of series<PromData>(
      after,
      'improvement_lab_sync_updates_refused_total',
      'counter',
    )) {
      if (refused.labels.reason !== 'read_only_update') expect(refused.value).toBe(0);
    }

    for (const client of clients.splice(0)) client.destroy();
    await waitFor(
      'the room to unload',
      () => workspace.server.registry.roomCount === 0,
      (notify) => workspace.server.registry.onRoomsChanged(notify),
    );
    const closed = await scrape(workspace.url);
    expect(value(closed, 'improvement_lab_rooms_loaded')).toBe(0);
    expect(series(closed, 'improvement_lab_sync_connections', 'gauge')).toEqual([]);
  });

  it('times HTTP requests by route pattern and status, and exports by scope and format', async () => {
    const docId = await workspace.registerDoc('exported-note');
    const headers = { authorization: `Bearer ${workspace.owner.token}` };
    const lab = await fetch(`${workspace.url}/api/labs/${workspace.labId}`, { headers });
    expect(lab.status).toBe(200);
    const missing = await fetch(`${workspace.url}/api/labs/no-such-lab`, { headers });
    expect(missing.status).toBe(404);
    const exported = await fetch(`${workspace.url}/api/items/${docId}/export?format=md`, {
      headers,
    });
    expect(exported.status).toBe(200);

    const metrics = await scrape(workspace.url);
    const http = 'improvement_lab_http_request_duration_seconds';
    const route = { method: 'GET', route: '/api/labs/:labId' };
    expect(count(metrics, http, { ...route, status: '200' })).toBe(1);
    expect(count(metrics, http, { ...route, status: '404' })).toBe(1);
    // Route patterns only: no id ever becomes a label value.
    const routes = series<PromHistogramData>(metrics, http, 'histogram').map(
      (s) => s.labels.route ?? '',
    );
    expect(routes.some((r) => r.includes(workspace.labId) || r.includes(docId))).toBe(false);
    expect(
      count(metrics, 'improvement_lab_export_duration_seconds', { scope: 'item', format: 'md' }),
    ).toBe(1);
  });

  it('gives every response a request id, keeps a plain one the client sent, and logs it', async () => {
    const fresh = await fetch(`${workspace.url}/healthz`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const logged = workspace.waitForLog(
      'http request',
      (record) => record.requestId === 'trace-42' && record.route === '/api/labs',
    );
    const kept = await fetch(`${workspace.url}/api/labs`, {
      headers: { authorization: `Bearer ${workspace.owner.token}`, 'x-request-id': 'trace-42' },
    });
    expect(kept.headers.get('x-request-id')).toBe('trace-42');
    expect(await logged).toMatchObject({ status: 200, method: 'GET' });
    const odd = await fetch(`${workspace.url}/healthz`, { headers: { 'x-request-id': 'a b<c>' } });
    expect(odd.headers.get('x-request-id')).not.toBe('a b<c>');
  });
});
