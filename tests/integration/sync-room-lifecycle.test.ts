import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MessageType } from '../../shared/protocol';
import { connectRawClient } from '../helpers/raw-client';
import { connectStockClient, waitForDoc } from '../helpers/stock-client';
import { waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

describe('room lifecycle', () => {
  let workspace: TestWorkspace;
  beforeEach(async () => {
    workspace = await startTestWorkspace();
    await workspace.registerDoc('unload');
    for (let i = 0; i < 20; i += 1) await workspace.registerDoc(`cycle-${i}`);
  });
  afterEach(async () => {
    await workspace.stop();
  });

  it('a room is unloaded when its last client leaves, and reloads with its content', async () => {
    const client = connectStockClient(workspace.url, 'unload', workspace.auth());
    await client.whenSynced();
    client.text.insert(0, 'kept across unload');
    const probe = connectStockClient(workspace.url, 'unload', workspace.auth());
    await waitForDoc(probe.doc, 'server to hold the text', () => probe.text.length > 0);
    expect(workspace.server.registry.roomCount).toBe(1);
    const closed = [client, probe].map(
      (c) => new Promise<void>((resolve) => c.provider.on('status', () => resolve())),
    );
    client.destroy();
    probe.destroy();
    await Promise.all(closed);
    await waitForRooms(workspace, 0);
    expect(workspace.server.registry.roomCount).toBe(0);

    const again = connectStockClient(workspace.url, 'unload', workspace.auth());
    await again.whenSynced();
    expect(again.text.toString()).toBe('kept across unload');
    again.destroy();
  });

  it('memory does not grow across 200 open/close cycles', async () => {
    const cycle = async (i: number) => {
      const raw = connectRawClient(workspace.url, `cycle-${i % 20}`, query(workspace));
      await raw.nextFrame(MessageType.Sync);
      raw.close();
      await raw.closed();
    };
    for (let i = 0; i < 20; i += 1) await cycle(i); // warm up code paths and caches
    await waitForRooms(workspace, 0);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200; i += 1) await cycle(i);
    await waitForRooms(workspace, 0);
    collectGarbage();
    const growth = process.memoryUsage().heapUsed - before;
    expect(workspace.server.registry.roomCount).toBe(0);
    // One loaded room holds a Y.Doc, an Awareness and its timer: leaking one per
    // cycle would exceed this bound many times over.
    expect(growth).toBeLessThan(4 * 1024 * 1024);
  });
});

function query(workspace: TestWorkspace): string {
  return `?${new URLSearchParams(workspace.auth())}`;
}

function waitForRooms(workspace: TestWorkspace, count: number): Promise<void> {
  const { registry } = workspace.server;
  return waitFor(
    `${count} rooms loaded`,
    () => registry.busyRoomCount === count,
    (notify) => registry.onRoomsChanged(notify),
  );
}
