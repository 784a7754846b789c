import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/close-codes';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('persistence across restarts', () => {
  let workspace: TestWorkspace | undefined;
  const clients: StockClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await workspace?.stop();
  });

  it('a graceful restart on the same data directory keeps the content', async () => {
    workspace = await startTestWorkspace();
    await workspace.registerDoc('restart');
    const writer = connectStockClient(workspace.url, 'restart', workspace.auth());
    clients.push(writer);
    await writer.whenSynced();
    writer.text.insert(0, 'Plan: test intentional rounding on nights.');
    const closed = new Promise<number>((resolve) =>
      writer.provider.on('connection-close', (event) => resolve(event?.code ?? -1)),
    );
    // Wait until the server holds the edit, then restart it.
    const probe = connectStockClient(workspace.url, 'restart', workspace.auth());
    clients.push(probe);
    await waitForDoc(probe.doc, 'server to have the edit', () => probe.text.length > 0);
    await workspace.restart();
    expect(await closed).toBe(CloseCode.ServerRestarting);

    const reader = connectStockClient(workspace.url, 'restart', workspace.auth());
    clients.push(reader);
    await reader.whenSynced();
    expect(reader.text.toString()).toBe('Plan: test intentional rounding on nights.');
  });
});
