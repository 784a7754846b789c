/**
 * The metadata file and its copy: a lab whose creation answered 201 is in both
 * files at that moment, so it survives damage to either; with both damaged the
 * server refuses to start (naming the file and how to restore it) instead of
 * starting empty with a new administrator and demo lab.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkspaceServer, type WorkspaceServer } from '../../server/app';
import { createMemoryLogger } from '../../server/logger';
import { JsonFileDamagedError } from '../../server/store/durable-json-file';
import type { MetaData } from '../../shared/schemas/records';
import { addPerson } from '../helpers/accounts';
import { makeDataDir, testConfig } from '../helpers/workspace';

let dataDir: string;
let server: WorkspaceServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

const ADMIN = { email: 'first.admin@example.org', password: 'a long admin passphrase', name: 'A' };

function start(logger = createMemoryLogger()): Promise<WorkspaceServer> {
  // With an administrator and the demo configured, as `npm start` would run: an empty
  // start would create both, so starting empty is visible.
  return startWorkspaceServer({
    config: testConfig(dataDir, { demo: true, admin: ADMIN }),
    logger,
  });
}

const metaFile = () => path.join(dataDir, 'meta.json');
const labIdsIn = async (file: string) =>
  (JSON.parse(await readFile(file, 'utf8')) as MetaData).labs.map((lab) => lab.id);

describe('damaged metadata', () => {
  it('keeps a lab that answered 201 through damage to either copy, and refuses to start without one', async () => {
    dataDir = await makeDataDir();
    server = await start();
    const creator = await addPerson(server.meta, 'Cara Creator', { isAdmin: true });
    const response = await fetch(`${server.url}/api/labs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${creator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Sepsis screening lab' }),
    });
    expect(response.status).toBe(201);
    const { lab } = (await response.json()) as { lab: { id: string } };
    // At the moment of the 201, both copies hold the lab.
    expect(await labIdsIn(metaFile())).toContain(lab.id);
    expect(await labIdsIn(`${metaFile()}.bak`)).toContain(lab.id);
    await server.close();

    for (const damaged of [metaFile(), `${metaFile()}.bak`]) {
      await writeFile(damaged, '{"formatVersion": 1, "users": [');
      server = await start();
      expect(server.meta.getLab(lab.id)?.title).toBe('Sepsis screening lab');
      await server.close();
    }

    await writeFile(metaFile(), 'garbage');
    await writeFile(`${metaFile()}.bak`, '');
    const files = (await readdir(dataDir)).sort();
    const logger = createMemoryLogger();
    server = null;
    const refused = start(logger);
    await expect(refused).rejects.toBeInstanceOf(JsonFileDamagedError);
    await expect(refused).rejects.toThrow(`metadata file ${metaFile()} is unusable`);
    await expect(refused).rejects.toThrow(/To restore: stop the server/);
    expect(logger.records).toContainEqual(
      expect.objectContaining({ level: 'error', file: metaFile() }),
    );
    // Nothing was moved, rewritten or created: no new administrator, no demo lab.
    expect((await readdir(dataDir)).sort()).toEqual(files);
    expect(await readFile(metaFile(), 'utf8')).toBe('garbage');
  });
});
