/**
 * `npm run migrate-store`: an embedded DATA_DIR with the demo lab and a typed note is
 * copied into PostgreSQL and back, run as the real script (the bundled tool, with
 * plain node); the test checks the result itself (every document's Yjs state, all
 * metadata, each item's versions), that a second copy into a used schema is refused and changes nothing,
 * and that a server on the copy serves it.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seedDemoLab } from '../../server/demo/seed-demo';
import { HistoryService } from '../../server/history/history-service';
import { createMemoryLogger } from '../../server/logger';
import { createFileHistoryStore } from '../../server/store/file-history-store';
import type { HistoryStore } from '../../server/store/history-store';
import type { DocStore } from '../../server/store/doc-store';
import { createLogDocStore } from '../../server/store/log-doc-store';
import { createLowdbMetaStore } from '../../server/store/lowdb-meta-store';
import { openEmbeddedSide } from '../../server/store/migration/embedded-side';
import { createPostgresDocStore } from '../../server/store/postgres/postgres-doc-store';
import { createPostgresHistoryStore } from '../../server/store/postgres/postgres-history-store';
import { readPostgresMetaData } from '../../server/store/postgres/postgres-meta-store';
import { applyStored, compactedState } from '../../server/store/stored-update';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import { DEMO_LAB } from '../../shared/demo';
import type { MetaData } from '../../shared/schemas/records';
import { addItem, addPerson, type TestPerson } from '../helpers/accounts';
import { createTestSchema, type TestSchema, testDatabase } from '../helpers/postgres';
import { type ServerProcess, spawnServer } from '../helpers/server-process';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { makeDataDir } from '../helpers/workspace';

const NOTE = 'migrated-note';
const VERSION_NAME = 'Agreed at lab meeting 3';

function historyOf(dataDir: string): HistoryStore {
  return createFileHistoryStore(path.join(dataDir, 'history'));
}

/** A store's history of the note, the content as bytes (revisions differ between stores). */
async function noteHistory(store: HistoryStore) {
  const index = await store.readIndex(NOTE);
  const content = await store.readContent(NOTE);
  return {
    ids: await store.docIds(),
    index: index && { ...index, revision: 0 },
    content: content && [...content],
  };
}

interface Seeded {
  readonly person: TestPerson;
  readonly text: string;
  readonly meta: MetaData;
  readonly docIds: string[];
}

/** Fills `dataDir` as a server would: an administrator, the demo lab, a note typed and corrected. */
async function seed(dataDir: string): Promise<Omit<Seeded, 'meta' | 'docIds'>> {
  const logger = createMemoryLogger();
  const meta = await createLowdbMetaStore({ file: path.join(dataDir, 'meta.json'), logger });
  const store = createLogDocStore({ dir: path.join(dataDir, 'docs'), logger });
  const person = await addPerson(meta, 'Ada Admin', { isAdmin: true });
  await seedDemoLab({ meta, store, logger, now: () => new Date() }, person.user);
  await addItem(meta, DEMO_LAB.id, NOTE);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  for (const char of 'Falls fell by a third on nights.') text.insert(text.length, char);
  text.delete(0, 6); // deletions must survive the copy too
  await Promise.all(updates.splice(0).map((update) => store.append(NOTE, update).durable));
  // Compacted (a version-2 state, as the sync layer stores it), then edited again.
  await store.compact(NOTE, compactedState(doc));
  text.insert(text.length, ' Keep going.');
  await Promise.all(updates.map((update) => store.append(NOTE, update).durable));
  // A named version of the note, kept where the server keeps versions.
  const history = new HistoryService({
    store: historyOf(dataDir),
    logger,
    now: () => new Date(),
    read: async (_docId, read) => read(doc),
    isItem: () => true,
  });
  await history.capture(NOTE, doc, {
    reason: 'named',
    name: VERSION_NAME,
    takenBy: person.user.id,
  });
  history.stop();
  await store.close();
  await meta.close();
  return { person, text: text.toString() };
}

/** Each document's Yjs state as a store holds it. */
async function states(store: DocStore, docIds: readonly string[]): Promise<Uint8Array[]> {
  const result: Uint8Array[] = [];
  for (const docId of docIds) {
    const doc = new Y.Doc();
    for (const stored of await store.load(docId)) applyStored(doc, stored);
    result.push(Y.encodeStateAsUpdate(doc));
  }
  return result;
}

/** Reads a DATA_DIR's metadata and document ids (taking its lock, as the script does). */
async function readEmbedded(dataDir: string): Promise<{ meta: MetaData; docIds: string[] }> {
  const side = await openEmbeddedSide(dataDir, createMemoryLogger());
  try {
    return { meta: await side.readMeta(), docIds: await side.docIds() };
  } finally {
    await side.close();
  }
}

function runMigrate(
  to: string,
  env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _url, DATABASE_SCHEMA: _schema, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    // What `npm run migrate-store` runs: the bundled tool, with plain node.
    ['scripts/migrate-store.js', '--to', to],
    { env: { ...inherited, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => {
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.skipIf(testDatabase === null)('npm run migrate-store', () => {
  const dataDirs: string[] = [];
  const schemas: TestSchema[] = [];
  const servers: ServerProcess[] = [];
  const clients: StockClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) {
      server.child.kill('SIGKILL');
      await server.exited();
    }
    for (const schema of schemas.splice(0)) await schema.drop();
    for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function dataDir(): Promise<string> {
    const dir = await makeDataDir();
    dataDirs.push(dir);
    return dir;
  }

  it('copies DATA_DIR into PostgreSQL and back, every document and record equal', async () => {
    const original = await dataDir();
    const { person, text } = await seed(original);
    const source = await readEmbedded(original);
    expect(source.docIds).toContain(NOTE);
    expect(source.docIds.length).toBeGreaterThan(3);
    const schema = createTestSchema();
    schemas.push(schema);
    const pgEnv = { DATABASE_URL: schema.url, DATABASE_SCHEMA: schema.schema };

    const there = await runMigrate('postgres', { DATA_DIR: original, ...pgEnv });
    expect(there.stderr).toBe('');
    expect(there.status).toBe(0);
    expect(there.stdout).toContain(`Copied ${source.docIds.length} documents`);
    expect(there.stdout).toContain('Verified');

    // Checked here too, by reading each side with its own store.
    const db = await schema.open();
    expect(await readPostgresMetaData(db)).toEqual(source.meta);
    const logs = createLogDocStore({
      dir: path.join(original, 'docs'),
      logger: createMemoryLogger(),
    });
    const rows = createPostgresDocStore({ db, logger: createMemoryLogger() });
    const sourceStates = await states(logs, source.docIds);
    expect(await states(rows, source.docIds)).toEqual(sourceStates);
    const sourceHistory = await noteHistory(historyOf(original));
    expect(sourceHistory.index?.versions.map((version) => version.name)).toEqual([VERSION_NAME]);
    expect(await noteHistory(createPostgresHistoryStore(db))).toEqual(sourceHistory);
    expect(there.stdout).toContain('1 item history');

    // Into a schema that holds data: refused, and nothing changes.
    const count = async () =>
      (await db.pool.query('SELECT count(*)::int AS n FROM doc_updates')).rows[0]?.n as number;
    const before = await count();
    const again = await runMigrate('postgres', { DATA_DIR: original, ...pgEnv });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds data');
    expect(await count()).toBe(before);
    await rows.close();
    await logs.close();

    // And back, into an empty DATA_DIR.
    const returned = await dataDir();
    const back = await runMigrate('embedded', { DATA_DIR: returned, ...pgEnv });
    expect(back.stderr).toBe('');
    expect(back.status).toBe(0);
    const copied = await readEmbedded(returned);
    expect(copied).toEqual(source);
    const returnedLogs = createLogDocStore({
      dir: path.join(returned, 'docs'),
      logger: createMemoryLogger(),
    });
    expect(await states(returnedLogs, source.docIds)).toEqual(sourceStates);
    expect(await noteHistory(historyOf(returned))).toEqual(sourceHistory);
    await returnedLogs.close();

    // A server on the PostgreSQL copy serves the note to its author's token.
    const server = await spawnServer({ DATA_DIR: await dataDir(), DEMO: 'false', ...pgEnv });
    servers.push(server);
    const reader = connectStockClient(server.url, NOTE, { [ACCESS_TOKEN_PARAM]: person.token });
    clients.push(reader);
    await reader.whenSynced();
    await waitForDoc(reader.doc, 'the migrated note', () => reader.text.length > 0);
    expect(reader.text.toString()).toBe(text);
  });

  it('refuses to copy back into a DATA_DIR that holds data, changing nothing', async () => {
    const original = await dataDir();
    await seed(original);
    const source = await readEmbedded(original);
    const schema = createTestSchema();
    schemas.push(schema);
    const pgEnv = { DATABASE_URL: schema.url, DATABASE_SCHEMA: schema.schema };
    expect((await runMigrate('postgres', { DATA_DIR: original, ...pgEnv })).status).toBe(0);
    const back = await runMigrate('embedded', { DATA_DIR: original, ...pgEnv });
    expect(back.status).toBe(1);
    expect(back.stderr).toContain('already holds data');
    expect(await readEmbedded(original)).toEqual(source);
    const usage = await runMigrate('sideways', { DATA_DIR: original, ...pgEnv });
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('usage: npm run migrate-store -- --to postgres|embedded');
  });
});
