/**
 * Server processes of one scale-out cluster (one PostgreSQL schema, one Redis prefix),
 * run as `npm start` runs them, with the clients and proxies a test opens on them, all
 * put away by `cleanup`. Also what the scale-out tests read from outside: `/readyz`,
 * the bus messages a process has acted on (`/metrics`), and a document's text as
 * committed in PostgreSQL.
 */
import { rm } from 'node:fs/promises';
import pg from 'pg';
import * as Y from 'yjs';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import { apiAs, childAdminEnv, TEST_PASSWORD } from './accounts';
import { dropSchema, testDatabase, uniqueSchemaName } from './postgres';
import { testRedis, uniqueRedisPrefix } from './redis';
import { connectSavingClient, type SavingClient } from './saving-client';
import { type ServerProcess, spawnServer } from './server-process';
import { connectStockClient, type StockClient } from './stock-client';
import type { TcpProxy } from './tcp-proxy';
import { makeDataDir } from './workspace';

export interface Cluster {
  readonly schema: string;
  readonly prefix: string;
}

export interface ReadyAnswer {
  readonly status: number;
  readonly checks: Record<string, { ok: boolean }>;
}

/** A document's text as committed in PostgreSQL, read through the test's own connection. */
export async function committedText(schema: string, docId: string): Promise<string> {
  const client = new pg.Client({ connectionString: testDatabase ?? '' });
  await client.connect();
  try {
    const { rows } = await client.query<{ update: Buffer; encoding: number }>(
      `SELECT update, encoding FROM ${schema}.doc_updates WHERE doc_id = $1 ORDER BY seq`,
      [docId],
    );
    const doc = new Y.Doc();
    for (const row of rows) {
      if (row.encoding === 2) Y.applyUpdateV2(doc, new Uint8Array(row.update));
      else Y.applyUpdate(doc, new Uint8Array(row.update));
    }
    return doc.getText('text').toString();
  } finally {
    await client.end();
  }
}

/** The participant `inviteParticipant` signs up. */
export const PARTICIPANT = { email: 'pat@example.org', password: TEST_PASSWORD } as const;

/**
 * Invites a participant to `labId` through the process at `url`, as `admin`, and signs
 * them up there with `PARTICIPANT`'s email and password: the status of the sign-up, and
 * the new person's id when it worked.
 */
export async function inviteParticipant(
  url: string,
  admin: Parameters<typeof apiAs>[1],
  labId: string,
): Promise<{ status: number; userId: string | null }> {
  const { path } = await apiAs<{ path: string }>(url, admin, 'POST', `/api/labs/${labId}/invites`, {
    role: 'participant',
  });
  const response = await fetch(`${url}/api${path.replace('/invite/', '/invites/')}/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: PARTICIPANT.email,
      name: 'Pat Participant',
      profession: 'nurse',
      password: PARTICIPANT.password,
    }),
  });
  if (response.status !== 201) return { status: response.status, userId: null };
  const { user } = (await response.json()) as { user: { id: string } };
  return { status: response.status, userId: user.id };
}

export async function readyz(url: string): Promise<ReadyAnswer> {
  const response = await fetch(`${url}/readyz`);
  const body = (await response.json()) as { checks: Record<string, { ok: boolean }> };
  return { status: response.status, checks: body.checks };
}

/** Re-asks `/readyz` until it gives `status` (the deadline fails the test). */
export async function waitForReadiness(url: string, status: number): Promise<ReadyAnswer> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await readyz(url);
    if (answer.status === status) return answer;
    if (Date.now() > deadline) throw new Error(`/readyz still answers ${answer.status}`);
  }
}

/** Messages on one channel family that the process at `url` has received and acted on. */
export async function busMessagesReceived(url: string, channel: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((row) =>
      row.startsWith(`improvement_lab_bus_messages_received_total{channel="${channel}"}`),
    );
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** Re-asks `/metrics` until the process at `url` has acted on `count` messages of `channel`. */
export async function waitForBusMessages(
  url: string,
  channel: string,
  count: number,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const received = await busMessagesReceived(url, channel);
    if (received >= count) return;
    if (Date.now() > deadline) {
      throw new Error(`${url} acted on ${received} of ${count} ${channel} messages`);
    }
  }
}

export class ScaleOutProcesses {
  private readonly processes: ServerProcess[] = [];
  private readonly clients: Array<StockClient | SavingClient> = [];
  private readonly proxies: TcpProxy[] = [];
  private readonly dataDirs: string[] = [];
  private readonly schemas: string[] = [];

  newCluster(): Cluster {
    const schema = uniqueSchemaName();
    this.schemas.push(schema);
    return { schema, prefix: uniqueRedisPrefix() };
  }

  /** Starts one process of `cluster`, with its own empty data directory. */
  async start(cluster: Cluster, redisUrl = testRedis ?? ''): Promise<ServerProcess> {
    const dataDir = await makeDataDir();
    this.dataDirs.push(dataDir);
    const server = await spawnServer({
      ...childAdminEnv(dataDir),
      DATABASE_URL: testDatabase ?? '',
      DATABASE_SCHEMA: cluster.schema,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: cluster.prefix,
    });
    this.processes.push(server);
    return server;
  }

  stock(url: string, docId: string, token: string): StockClient {
    const client = connectStockClient(url, docId, { [ACCESS_TOKEN_PARAM]: token });
    this.clients.push(client);
    return client;
  }

  /** A stock client that counts the updates it sent and the "Saved" acknowledgements. */
  saving(url: string, docId: string, token: string): SavingClient {
    const client = connectSavingClient(url, docId, { [ACCESS_TOKEN_PARAM]: token });
    this.clients.push(client);
    return client;
  }

  /** Closed by `cleanup`. */
  keep(proxy: TcpProxy): TcpProxy {
    this.proxies.push(proxy);
    return proxy;
  }

  async cleanup(): Promise<void> {
    for (const client of this.clients.splice(0)) client.destroy();
    for (const server of this.processes.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited();
      }
    }
    for (const proxy of this.proxies.splice(0)) await proxy.close();
    for (const dir of this.dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
    for (const schema of this.schemas.splice(0)) await dropSchema(schema);
  }
}
