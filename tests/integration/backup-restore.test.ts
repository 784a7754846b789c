/**
 * `npm run backup` and `npm run restore`, as an operator runs them, against a real
 * server while stock y-websocket clients keep typing: every edit the server had
 * acknowledged as saved before the backup began is in a server started on the
 * restored directory, with the accounts and labs (the same API token still opens
 * the documents). The commands refuse what they must: a non-administrator, a
 * directory that is not empty, a backup changed since it was taken.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkspaceServer, type WorkspaceServer } from '../../server/app';
import { createMemoryLogger } from '../../server/logger';
import { BACKUP_MANIFEST, BackupManifestSchema } from '../../shared/schemas/backup';
import { addPerson, type TestPerson } from '../helpers/accounts';
import { connectSavingClient, type SavingClient } from '../helpers/saving-client';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { once } from '../helpers/wait';
import {
  makeDataDir,
  startTestWorkspace,
  type TestWorkspace,
  testConfig,
} from '../helpers/workspace';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `npm run <name>`'s script (the bundled command, with plain node), with `env` added. */
async function runScript(name: string, args: string[], env: Record<string, string>): Promise<Run> {
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve(`scripts/${name}.js`), ...args],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await once<number | null>(
    `npm run ${name} to finish`,
    (resolve) => {
      child.on('exit', (exitCode) => resolve(exitCode));
      return () => undefined;
    },
    60_000,
  );
  return { code, stdout, stderr };
}

/** One typist: an edit every few milliseconds, each remembered with the frame that carried it. */
function startTyping(client: SavingClient, name: string) {
  const edits: Array<{ marker: string; frame: number }> = [];
  let n = 0;
  const timer = setInterval(() => {
    const marker = `[${name}:${n}]`;
    n += 1;
    client.text.insert(client.text.length, marker);
    edits.push({ marker, frame: client.sent() });
  }, 3);
  return {
    edits,
    /** The edits the server has said are saved, now. */
    acknowledged: () => edits.filter((edit) => edit.frame <= client.saved()),
    stop: () => clearInterval(timer),
  };
}

describe('npm run backup and npm run restore', () => {
  let workspace: TestWorkspace;
  let restored: WorkspaceServer | null = null;
  const clients: Array<SavingClient | StockClient> = [];
  const dirs: string[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await restored?.close();
    restored = null;
    await workspace?.stop();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function newDir(): Promise<string> {
    const dir = await makeDataDir();
    dirs.push(dir);
    return dir;
  }

  async function addAdmin(): Promise<TestPerson> {
    return addPerson(workspace.server.meta, 'Ada Administrator', { isAdmin: true });
  }

  it('keeps every edit acknowledged before it began, taken while people type, and restores it', async () => {
    workspace = await startTestWorkspace();
    const admin = await addAdmin();
    const docIds = await Promise.all(
      ['ward-round', 'discharge', 'falls'].map((id) => workspace.registerDoc(id)),
    );
    const typists = await Promise.all(
      docIds.map(async (docId) => {
        const client = connectSavingClient(workspace.url, docId, workspace.auth());
        clients.push(client);
        await client.whenSynced();
        return { docId, client, typing: startTyping(client, docId) };
      }),
    );
    // Typing for a while, with edits acknowledged and others still in flight.
    for (const { client } of typists) await client.waitForSaved(30);

    // What the typists had been told was saved at the moment the server took the copy: the
    // log line comes from the same turn as the copy, and acknowledgements arrive only in
    // later turns, so none can slip in between.
    const acknowledged = new Map<string, Array<{ marker: string; frame: number }>>();
    const taken = workspace.waitForLog('backup started', undefined, 60_000).then(() => {
      for (const t of typists) acknowledged.set(t.docId, t.typing.acknowledged());
    });
    const backupDir = path.join(await newDir(), 'backup');
    const backup = await runScript('backup', [backupDir, '--url', workspace.url], {
      BACKUP_TOKEN: admin.token,
    });
    for (const { typing } of typists) typing.stop();
    await taken;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up the metadata and 3 documents/);
    // People kept typing while it was taken: the copy is of one moment, not the end.
    for (const { docId, client, typing } of typists) {
      expect(client.sockets()).toBe(1);
      expect(typing.edits.length).toBeGreaterThan(acknowledged.get(docId)?.length ?? 0);
    }
    const manifest = BackupManifestSchema.parse(
      JSON.parse(await readFile(path.join(backupDir, BACKUP_MANIFEST), 'utf8')),
    );
    expect(manifest.files.map((f) => f.path).sort()).toEqual([
      'docs/discharge.ylog',
      'docs/falls.ylog',
      'docs/ward-round.ylog',
      'meta.json',
    ]);
    // Nothing of the backup is left in the live data directory.
    expect((await readdir(workspace.dataDir)).filter((n) => n.startsWith('.backup-'))).toEqual([]);

    const dataDir = path.join(await newDir(), 'restored');
    const restore = await runScript('restore', [backupDir], { DATA_DIR: dataDir });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^Restored the metadata and 3 documents/);
    expect((await readdir(dataDir)).sort()).toEqual(['docs', 'meta.json', 'meta.json.bak']);

    restored = await startWorkspaceServer({
      config: testConfig(dataDir),
      logger: createMemoryLogger(),
    });
    for (const { docId } of typists) {
      // The owner's API token lives in the restored metadata: it still opens the document.
      const reader = connectStockClient(restored.url, docId, workspace.auth());
      clients.push(reader);
      await reader.whenSynced();
      const saved = acknowledged.get(docId) ?? [];
      expect(saved.length).toBeGreaterThanOrEqual(30);
      await waitForDoc(reader.doc, `the restored ${docId}`, () => reader.text.length > 0);
      const text = reader.text.toString();
      const missing = saved.filter(({ marker }) => !text.includes(marker));
      expect(missing).toEqual([]);
    }
    expect(restored.meta.getLab(workspace.labId)?.title).toBe(
      workspace.server.meta.getLab(workspace.labId)?.title,
    );
  });

  it('refuses a DATA_DIR that is not empty, and a backup changed since it was taken', async () => {
    workspace = await startTestWorkspace();
    const admin = await addAdmin();
    await workspace.registerDoc('note');
    const backupDir = path.join(await newDir(), 'backup');
    const backup = await runScript('backup', [backupDir, '--url', workspace.url], {
      BACKUP_TOKEN: admin.token,
    });
    expect(backup.code).toBe(0);

    const occupied = await newDir();
    await writeFile(path.join(occupied, 'meta.json'), '{"keep": "me"}\n');
    const refused = await runScript('restore', [backupDir], { DATA_DIR: occupied });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/DATA_DIR .* is not empty \(it holds meta\.json\)/);
    expect(await readdir(occupied)).toEqual(['meta.json']);
    expect(await readFile(path.join(occupied, 'meta.json'), 'utf8')).toBe('{"keep": "me"}\n');

    const meta = path.join(backupDir, 'meta.json');
    await writeFile(meta, (await readFile(meta, 'utf8')).replace('Olivia', 'Oliver'));
    const fresh = path.join(await newDir(), 'fresh');
    const tampered = await runScript('restore', [backupDir], { DATA_DIR: fresh });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toMatch(/meta\.json in the backup has changed since it was taken/);
    expect(await readdir(path.dirname(fresh))).toEqual([]);
  });

  it('refuses a person who is not an administrator, leaving nothing behind', async () => {
    workspace = await startTestWorkspace();
    const backupDir = path.join(await newDir(), 'backup');
    const refused = await runScript('backup', [backupDir, '--url', workspace.url], {
      BACKUP_TOKEN: workspace.owner.token,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the server refused the backup: .*permission.* \(HTTP 403\)/);
    expect(await readdir(path.dirname(backupDir))).toEqual([]);
  });
});
