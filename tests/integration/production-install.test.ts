/**
 * The built server as it is deployed: a folder holding only `package.json`,
 * `package-lock.json` and `dist/`, `npm ci --omit=dev`, then `node dist/server/main.js`.
 * Proves the bundle needs no development dependency (no TypeScript loader, no Vite),
 * serves the client, the API and sync on one port, and loads the export code only
 * when someone first exports. Which modules the process loads is recorded through
 * Node's module hooks (`module.register`), written here as plain JavaScript files.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BUILD } from '../../scripts/build-freshness.js';
import { ACCESS_TOKEN_PARAM } from '../../server/sync/authorize-upgrade';
import { DEMO_LAB } from '../../shared/demo';
import { readTitle } from '../../shared/documents/item-doc';
import { apiAs, CHILD_ADMIN, signIn, TEST_PASSWORD_HASH_COST } from '../helpers/accounts';
import { connectStockClient } from '../helpers/stock-client';
import { once } from '../helpers/wait';

/** npm ci of the production dependencies: from the local cache when it has them. */
const INSTALL_TIMEOUT_MS = 240_000;
const READY = /Improvement Lab is running at (http:\/\/\S+)/;
/** Modules that belong to exports: the export chunks of the bundle and the libraries they load. */
const EXPORT_MODULES =
  /\/(export-bodies|render-pdf|render-docx)-[^/]*\.js$|\/node_modules\/(pdfkit|docx)\//;

const HOOKS = `
import { appendFileSync } from 'node:fs';
let file = '';
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(file, resolved.url + '\\n');
  return resolved;
}
`;
const REGISTER = `
import { register } from 'node:module';
register('./load-hooks.mjs', import.meta.url, { data: { file: process.env.LOAD_LOG } });
`;

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('a production install: npm ci --omit=dev, then node dist/server/main.js', () => {
  let folder = '';
  let server: ChildProcess | null = null;
  let url = '';
  const loadLog = () => path.join(folder, 'loaded.txt');
  const loaded = async () => (await readFile(loadLog(), 'utf8')).split('\n').filter(Boolean);

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'improvement-lab-install-'));
    for (const file of ['package.json', 'package-lock.json'])
      await cp(file, path.join(folder, file));
    await cp('dist', path.join(folder, 'dist'), { recursive: true });
    const install = await run(
      'npm',
      ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
      folder,
    );
    if (install.code !== 0) throw new Error(`npm ci --omit=dev failed:\n${install.output}`);
    await writeFile(path.join(folder, 'load-hooks.mjs'), HOOKS);
    await writeFile(path.join(folder, 'load-register.mjs'), REGISTER);
    await writeFile(loadLog(), '');
    const child = spawn(
      process.execPath,
      ['--import', './load-register.mjs', SERVER_BUILD.output],
      {
        cwd: folder,
        env: {
          PATH: process.env.PATH,
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: path.join(folder, 'data'),
          LOG_LEVEL: 'warn',
          ADMIN_EMAIL: CHILD_ADMIN.email,
          ADMIN_PASSWORD: CHILD_ADMIN.password,
          PASSWORD_HASH_COST: String(TEST_PASSWORD_HASH_COST),
          LOAD_LOG: loadLog(),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server = child;
    let output = '';
    url = await once<string>(
      'the installed server to report its address',
      (resolve) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = READY.exec(output);
          if (match?.[1]) resolve(match[1]);
        };
        const onExit = () => resolve('');
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', onExit);
        return () => child.off('exit', onExit);
      },
      30_000,
    );
    if (!url) throw new Error(`the installed server exited before it was ready:\n${output}`);
  }, INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('installs no development dependency', () => {
    for (const dev of ['tsx', 'vite', '@vitejs/plugin-react', 'esbuild', 'typescript']) {
      expect(existsSync(path.join(folder, 'node_modules', dev)), dev).toBe(false);
    }
    expect(existsSync(path.join(folder, 'node_modules', 'pdfkit'))).toBe(true);
  });

  it('serves the client, the API and sync on one port, with no export code loaded', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module"/);

    const session = await signIn(url, CHILD_ADMIN.email, CHILD_ADMIN.password);
    const { items } = await apiAs<{ items: Array<{ id: string; title: string }> }>(
      url,
      session,
      'GET',
      `/api/labs/${DEMO_LAB.id}/items`,
    );
    const [item] = items;
    if (item === undefined) throw new Error('the demo lab has no items');
    const { token } = await apiAs<{ token: string }>(url, session, 'POST', '/api/tokens', {
      name: 'test',
    });
    const client = connectStockClient(url, item.id, { [ACCESS_TOKEN_PARAM]: token });
    try {
      await client.whenSynced();
      expect(readTitle(client.doc)).toBe(item.title);
    } finally {
      client.destroy();
    }
    expect((await loaded()).filter((module) => EXPORT_MODULES.test(module))).toEqual([]);
  });

  it('loads the export code on the first export, and exports a PDF', async () => {
    const session = await signIn(url, CHILD_ADMIN.email, CHILD_ADMIN.password);
    const response = await fetch(`${url}/api/labs/${DEMO_LAB.id}/export?format=pdf`, {
      headers: { cookie: session.cookie },
    });
    expect(response.status).toBe(200);
    expect(
      Buffer.from(await response.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const exportModules = (await loaded()).filter((module) => EXPORT_MODULES.test(module));
    expect(exportModules.some((module) => module.includes('/node_modules/pdfkit/'))).toBe(true);
    expect(exportModules.some((module) => /\/render-pdf-[^/]*\.js$/.test(module))).toBe(true);
  });
});
