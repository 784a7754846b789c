/**
 * What the PostgreSQL stores promise beyond the shared contracts: a DocStore receipt
 * resolves only once its row is committed (so "Saved" follows the commit); a failed
 * write rejects, fences the document, and lets it start afresh once loaded; a
 * compaction deletes only rows its store has seen, so several processes may write one
 * document; and only one server writes a schema's metadata.
 */
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startWorkspaceServer } from '../../server/app';
import { createMemoryLogger } from '../../server/logger';
import type { DocStore } from '../../server/store/doc-store';
import { createPostgresDocStore } from '../../server/store/postgres/postgres-doc-store';
import { compactedState } from '../../server/store/stored-update';
import { textOf, typeText } from '../contract/doc-store-contract';
import { createTestSchema, type TestSchema, testDatabase } from '../helpers/postgres';
import { makeDataDir, testConfig } from '../helpers/workspace';

describe.skipIf(testDatabase === null)('PostgreSQL stores', () => {
  let schema: TestSchema;
  let store: DocStore;
  let other: pg.Client;

  beforeEach(async () => {
    schema = createTestSchema();
    store = createPostgresDocStore({ db: await schema.open(), logger: createMemoryLogger() });
    other = new pg.Client({ connectionString: schema.url });
    await other.connect();
    await other.query(`SET search_path TO ${schema.schema}`);
  });

  afterEach(async () => {
    await store.close().catch(() => undefined);
    await other.end();
    await schema.drop();
  });

  /** Resolves once a query of the store's is waiting for a lock (each check is a query). */
  async function storeWaitsForLock(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      // Inside the locking transaction the activity view is read once and kept: clear it.
      await other.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await other.query(
        `SELECT 1 FROM pg_stat_activity
          WHERE application_name = 'improvement-lab' AND wait_event = 'relation'
            AND query LIKE 'INSERT INTO doc_updates%'`,
      );
      if (rows.length > 0) return;
    }
    throw new Error('the store never waited for the lock');
  }

  it('resolves a receipt only after its row is committed', { timeout: 90_000 }, async () => {
    const [update] = typeText(new Y.Doc(), 'x');
    if (update === undefined) throw new Error('no update recorded');
    await other.query('BEGIN');
    await other.query('LOCK TABLE doc_updates IN ACCESS EXCLUSIVE MODE');
    let settled = false;
    const receipt = store.append('held', update);
    void receipt.durable.finally(() => {
      settled = true;
    });
    try {
      await storeWaitsForLock();
      expect(settled).toBe(false);
      expect(receipt.writtenNow).toBe(false);
    } finally {
      await other.query('COMMIT');
    }
    await receipt.durable;
    await receipt.written;
    const { rows } = await other.query(
      "SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = 'held'",
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('rejects a failed write, then refuses the document until it is loaded again', async () => {
    const doc = new Y.Doc();
    const [first, second, third] = typeText(doc, 'abc');
    if (first === undefined || second === undefined || third === undefined) {
      throw new Error('no updates recorded');
    }
    await store.append('fenced', first).durable;
    // Every insert fails from here, as on a full disk.
    await other.query(
      'ALTER TABLE doc_updates ADD CONSTRAINT refuse_all CHECK (octet_length(update) < 0) NOT VALID',
    );
    await expect(store.append('fenced', second).durable).rejects.toThrow(/refuse_all/);
    await other.query('ALTER TABLE doc_updates DROP CONSTRAINT refuse_all');
    // The database would take it now, but the document has a gap: refused until reloaded.
    await expect(store.append('fenced', third).durable).rejects.toThrow(/loaded again/);
    await expect(store.flush('fenced')).rejects.toThrow();
    expect(textOf(await store.load('fenced'))).toBe('a');
    // Loaded afresh, it takes updates again (the room sends its whole state after this).
    await store.append('fenced', second).durable;
    await store.append('fenced', third).durable;
    await store.flush('fenced');
    expect(textOf(await store.load('fenced'))).toBe('abc');
    // Other documents were never affected.
    await store.append('unaffected', first).durable;
  });

  it('compacts only what it has read or written: another process’s update stays', async () => {
    const other = createPostgresDocStore({ db: await schema.open(), logger: createMemoryLogger() });
    try {
      const mine = new Y.Doc();
      expect(await store.load('shared')).toEqual([]);
      await Promise.all(
        typeText(mine, 'abc').map((update) => store.append('shared', update).durable),
      );
      // Committed by another process after this one loaded: not in its state.
      const theirs = new Y.Doc();
      await Promise.all(
        typeText(theirs, 'XY').map((update) => other.append('shared', update).durable),
      );
      await store.compact('shared', compactedState(mine));
      const loaded = await other.load('shared');
      // The three appends went into the state; the other process's two rows remain.
      expect(loaded).toHaveLength(3);
      const text = textOf(loaded);
      expect(text).toContain('abc');
      expect(text).toContain('XY');
      expect(text).toHaveLength(5);
    } finally {
      await other.close();
    }
  });

  it('lets one server use a schema at a time, and says so to a second', async () => {
    const config = testConfig(await makeDataDir(), {
      database: { url: schema.url, schema: schema.schema },
    });
    const logger = createMemoryLogger();
    const first = await startWorkspaceServer({ config, logger });
    try {
      await expect(startWorkspaceServer({ config, logger })).rejects.toThrow(
        /another Improvement Lab server is using the metadata in PostgreSQL schema/,
      );
      expect(first.database?.schema).toBe(schema.schema);
      await first.database?.ping();
    } finally {
      await first.close();
      await rm(config.dataDir, { recursive: true, force: true });
    }
    // Once it has stopped, the next one starts.
    const next = await startWorkspaceServer({ config, logger });
    await next.close();
  });
});
