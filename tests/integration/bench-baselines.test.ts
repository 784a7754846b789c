/**
 * The benchmark's two stock servers, started as the benchmark starts them: each
 * must sync stock clients, or the ratios printed against them mean nothing.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BaselineProgram,
  ChildProcesses,
  startBaselineServer,
} from '../../bench/server-process';
import { connectStockClient, type StockClient } from '../../bench/stock-client';
import { newAdminCredentials } from '../../bench/workspace-access';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('the benchmark baselines', () => {
  const children = new ChildProcesses();
  const clients: StockClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
    children.killAll();
  });

  it.each<BaselineProgram>(['stock', 'stockOnOurWs'])(
    '%s passes an edit on to a reader and to a late joiner',
    { timeout: 60_000 },
    async (which) => {
      const server = await startBaselineServer(
        { repoRoot, children, admin: newAdminCredentials(), nodeArgs: [] },
        which,
      );
      const access = { docId: `baseline-${which}`, params: {} };
      const writer = connectStockClient(server.syncBase, access);
      const reader = connectStockClient(server.syncBase, access);
      clients.push(writer, reader);
      await Promise.all([writer.whenSynced(), reader.whenSynced()]);
      writer.text.insert(0, 'an edit through the stock handler');
      await reader.whenDoc('the edit at the reader', () => reader.text.length > 0, 10_000);
      const late = connectStockClient(server.syncBase, access);
      clients.push(late);
      await late.whenSynced();
      expect(late.text.toString()).toBe('an edit through the stock handler');
      expect(reader.text.toString()).toBe('an edit through the stock handler');
      await server.stop();
    },
  );
});
