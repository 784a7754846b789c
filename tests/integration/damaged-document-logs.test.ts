/**
 * A damaged document log loses only what is damaged, and the server says so: a
 * flipped byte costs one record, a bad header is refused (close 4423) and never
 * overwritten, and a document whose writes failed (a full disk) opens again once
 * space returns, without a restart.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMemoryLogger } from '../../server/logger';
import { createLogDocStore } from '../../server/store/log-doc-store';
import { encodeHeader, encodeRecord, RECORD_FRAME_BYTES } from '../../server/store/update-log';
import { CloseCode } from '../../shared/close-codes';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { once, waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let workspace: TestWorkspace;
const clients: StockClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await workspace.stop();
});

function connect(docId: string): StockClient {
  const client = connectStockClient(workspace.url, docId, workspace.auth());
  clients.push(client);
  return client;
}

function nextCloseCode(client: StockClient): Promise<number> {
  return once('the socket to close', (resolve) => {
    const listener = (event: CloseEvent | null) => resolve(event?.code ?? -1);
    client.provider.on('connection-close', listener);
    return () => client.provider.off('connection-close', listener);
  });
}

/** Edits by `count` different people, each one update (one log record). */
function editsByDifferentPeople(count: number): Uint8Array[] {
  return Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => {
      update = u;
    });
    doc.getMap('edits').set(`edit-${i}`, `edit number ${i}`);
    return update;
  });
}

const docsDir = () => path.join(workspace.dataDir, 'docs');
const logFile = (docId: string) => path.join(docsDir(), `${docId}.ylog`);

/** Writes a log of `updates` as the server would have, returning its bytes. */
async function writeLog(docId: string, updates: Uint8Array[]): Promise<Uint8Array> {
  await mkdir(docsDir(), { recursive: true });
  const bytes = new Uint8Array(
    Buffer.concat([encodeHeader(), ...updates.map((update) => encodeRecord(update))]),
  );
  await writeFile(logFile(docId), bytes);
  return bytes;
}

describe('a damaged document log', () => {
  it('loses only the record a flipped byte hit: 49 of 50 edits are served', async () => {
    workspace = await startTestWorkspace();
    const docId = await workspace.registerDoc('flipped');
    const edits = editsByDifferentPeople(50);
    const bytes = await writeLog(docId, edits);
    const victimStart = edits
      .slice(0, 24)
      .reduce(
        (offset, edit) => offset + RECORD_FRAME_BYTES + edit.byteLength,
        encodeHeader().length,
      );
    const damaged = bytes.slice();
    const at = victimStart + RECORD_FRAME_BYTES + 3;
    damaged[at] = (damaged[at] ?? 0) ^ 0x04;
    await writeFile(logFile(docId), damaged);

    const client = connect(docId);
    await client.whenSynced();
    const kept = client.doc.getMap('edits');
    expect(kept.size).toBe(49);
    expect(kept.has('edit-24')).toBe(false);
    expect(kept.get('edit-49')).toBe('edit number 49');
    const report = workspace.logs.find(
      (r) => r.message.startsWith('skipped damaged records') && r.docId === docId,
    );
    expect(report).toMatchObject({ level: 'error', recordsKept: 49 });
    const aside = (await readdir(docsDir())).filter((n) => n.startsWith(`${docId}.ylog.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(new Uint8Array(await readFile(path.join(docsDir(), aside[0] ?? '')))).toEqual(damaged);

    // The log was rewritten without the damage: a restart serves the same 49.
    await workspace.restart();
    const again = connect(docId);
    await again.whenSynced();
    expect(again.doc.getMap('edits').size).toBe(49);
  });

  it('with a bad header is refused with 4423, never overwritten, and opens once restored', async () => {
    workspace = await startTestWorkspace();
    const docId = await workspace.registerDoc('bad-header');
    const good = await writeLog(docId, editsByDifferentPeople(3));
    const damaged = good.slice();
    damaged[0] = (damaged[0] ?? 0) ^ 0xff;
    await writeFile(logFile(docId), damaged);

    const client = connect(docId);
    expect(await nextCloseCode(client)).toBe(CloseCode.DocumentDamaged);
    const rename = await fetch(`${workspace.url}/api/items/${docId}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${workspace.owner.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'A new title' }),
    });
    expect(rename.status).toBe(503);
    expect(((await rename.json()) as { error: { code: string } }).error.code).toBe(
      'document_damaged',
    );
    expect(new Uint8Array(await readFile(logFile(docId)))).toEqual(damaged);
    expect((await readdir(docsDir())).filter((n) => n.includes('.corrupt-'))).toEqual([]);
    expect(workspace.logs).toContainEqual(
      expect.objectContaining({ level: 'error', docId, file: logFile(docId) }),
    );

    // The operator restores the file; the next connection opens it, no restart needed.
    await writeFile(logFile(docId), good);
    const restored = connect(docId);
    await restored.whenSynced();
    expect(restored.doc.getMap('edits').size).toBe(3);
  });
});

describe('a document after its writes failed (a full disk)', () => {
  it('closes its sockets, and opens and saves again once space returns', async () => {
    let full = false;
    const storeLogger = createMemoryLogger();
    workspace = await startTestWorkspace({
      store: (dataDir) =>
        createLogDocStore({
          dir: path.join(dataDir, 'docs'),
          logger: storeLogger,
          fsync: async (handle, { target }) => {
            if (full && target === 'log') {
              throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), {
                code: 'ENOSPC',
              });
            }
            await (target === 'log' ? handle.datasync() : handle.sync());
          },
        }),
    });
    const docId = await workspace.registerDoc('disk-full');
    const writer = connect(docId);
    const reader = connect(docId);
    await Promise.all([writer.whenSynced(), reader.whenSynced()]);
    writer.text.insert(0, 'before');
    // Passed on only once written: the reader seeing it means the server stored it.
    await waitForDoc(reader.doc, 'the first edit', () => reader.text.toString() === 'before');
    await workspace.server.store.flush(docId);

    full = true;
    const fenced = waitFor(
      'the log to fail',
      () => storeLogger.records.some((r) => r.message.startsWith('document log failed')),
      (notify) => storeLogger.subscribe(notify),
    );
    writer.text.insert(writer.text.length, ' during');
    await fenced;
    const closed = nextCloseCode(writer);
    writer.text.insert(writer.text.length, ' full');
    expect(await closed).toBe(CloseCode.InternalError);

    full = false;
    // The stock client reconnects by itself and sends what the server is missing.
    const fresh = connect(docId);
    await waitForDoc(fresh.doc, 'every edit to be served again', () =>
      fresh.text.toString().includes('before during full'),
    );
    writer.text.insert(writer.text.length, ', after');
    await waitForDoc(fresh.doc, 'a new edit to arrive', () =>
      fresh.text.toString().endsWith(', after'),
    );
    await workspace.restart();
    const later = connect(docId);
    await later.whenSynced();
    expect(later.text.toString()).toBe('before during full, after');
  });
});
