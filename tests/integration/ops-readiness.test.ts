/**
 * `/readyz` against real servers: ready while storage takes writes, 503 naming the
 * failing store when it does not (a full disk, simulated as the other storage tests
 * do through the store's fsync; a data directory made read-only, for real, in a
 * server process run as an unprivileged user), and ready again once storage is.
 */
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import type { CheckResult } from '../../server/ops/readiness';
import { createLogDocStore, defaultFsync } from '../../server/store/log-doc-store';
import { childAdminEnv } from '../helpers/accounts';
import { type ServerProcess, spawnServer } from '../helpers/server-process';
import { makeDataDir, startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

interface ReadyAnswer {
  status: number;
  body: { status: string; checks: Record<string, CheckResult> };
}

async function readyz(url: string): Promise<ReadyAnswer> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: await response.json() };
}

/** An unprivileged user for a real permission check: root writes to read-only files anyway. */
const NOBODY = { uid: 65534, gid: 65534 };
const isRoot = process.getuid?.() === 0;

/** Whether the unprivileged user can read the project (a checkout under /root cannot be). */
function nobodyCanRunTheServer(): boolean {
  if (!isRoot) return true;
  const files = [path.resolve('server/main.ts'), path.resolve('node_modules/tsx/package.json')];
  const check = `for (const f of ${JSON.stringify(files)}) require('node:fs').accessSync(f)`;
  return spawnSync(process.execPath, ['-e', check], { ...NOBODY, cwd: '/' }).status === 0;
}

describe('/readyz', () => {
  let workspace: TestWorkspace | null = null;
  let child: ServerProcess | null = null;
  let dataDir = '';
  afterEach(async () => {
    await workspace?.stop();
    workspace = null;
    if (child && child.child.exitCode === null && child.child.signalCode === null) {
      child.child.kill('SIGKILL');
      await child.exited();
    }
    child = null;
    if (dataDir) {
      await chmod(dataDir, 0o700).catch(() => undefined);
      await chmod(path.join(dataDir, 'docs'), 0o700).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('fails while the disk is full, naming the store, and passes again when space is back', async () => {
    let full = false;
    workspace = await startTestWorkspace({
      store: (dir) =>
        createLogDocStore({
          dir: path.join(dir, 'docs'),
          logger: createMemoryLogger(),
          fsync: async (handle, info) => {
            if (full) {
              throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), {
                code: 'ENOSPC',
              });
            }
            await defaultFsync(handle, info);
          },
        }),
    });
    const ready = await readyz(workspace.url);
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
    expect(Object.keys(ready.body.checks).sort()).toEqual(['documents', 'metadata', 'server']);

    full = true;
    const failing = workspace.waitForLog('readiness check failed; /readyz answers 503');
    const notReady = await readyz(workspace.url);
    expect(notReady.status).toBe(503);
    expect(notReady.body.status).toBe('not_ready');
    expect(notReady.body.checks.documents).toMatchObject({ ok: false, error: 'ENOSPC' });
    expect(notReady.body.checks.metadata?.ok).toBe(true);
    expect(await failing).toMatchObject({ level: 'error', check: 'documents' });
    full = false;
    expect((await readyz(workspace.url)).status).toBe(200);
    // Probes, failed or not, leave nothing behind beside the logs or the metadata.
    const left = [
      ...(await readdir(path.join(workspace.dataDir, 'docs'))),
      ...(await readdir(workspace.dataDir)),
    ];
    expect(left.filter((name) => name.includes('probe'))).toEqual([]);
  });

  // Where the checkout is private to root, the full-disk case above stands for this one.
  it.runIf(nobodyCanRunTheServer())(
    'fails while the data directory is read-only, and passes again once it is writable',
    async () => {
      dataDir = await makeDataDir();
      const docs = path.join(dataDir, 'docs');
      await mkdir(docs);
      if (isRoot) {
        await chown(dataDir, NOBODY.uid, NOBODY.gid);
        await chown(docs, NOBODY.uid, NOBODY.gid);
      }
      child = await spawnServer(childAdminEnv(dataDir), isRoot ? NOBODY : null);
      expect((await readyz(child.url)).status).toBe(200);

      await chmod(docs, 0o555);
      await chmod(dataDir, 0o555);
      const notReady = await readyz(child.url);
      expect(notReady.status).toBe(503);
      expect(notReady.body.checks.documents).toMatchObject({ ok: false, error: 'EACCES' });
      expect(notReady.body.checks.metadata).toMatchObject({ ok: false, error: 'EACCES' });
      expect(child.output()).toMatch(/readiness check failed/);

      await chmod(dataDir, 0o700);
      await chmod(docs, 0o700);
      expect((await readyz(child.url)).status).toBe(200);
    },
  );
});
