/**
 * The page sent for an address names the code that address's page will run, so it
 * downloads beside the entry script instead of after it: an item page's chunks for
 * anyone, and the item's kind's chunks only for a person who may see the item (a
 * kind is not told to anyone else, and such a page is never kept by a shared
 * cache). The names match the build's manifest, and the client's list of kinds.
 * Its `Link` header names the API answers the page asks for first.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IDEAS_MODULE,
  KIND_MODULES,
  loadRoutePreloads,
  PAGE_MODULES,
} from '../../server/route-preloads';
import { ITEM_KINDS } from '../../shared/schemas/records';
import { staticClosure, ViteManifestSchema } from '../../shared/vite-manifest';
import { addItem, addMember, addPerson, openSession } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const clientDir = path.resolve('dist/client');
const manifest = ViteManifestSchema.parse(
  JSON.parse(readFileSync(path.join(clientDir, '.vite/manifest.json'), 'utf8')),
);
const fileOf = (key: string) => `/${manifest[key]?.file}`;
const HOUR = 60 * 60 * 1000;

/** The bytes as sent (fetch would decode them). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () =>
          resolve({ headers: response.headers, body: Buffer.concat(parts) }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The hrefs of the page's `<link rel="modulepreload">` elements. */
function preloads(html: string): string[] {
  return [...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)].map(
    (match) => match[1] ?? '',
  );
}

describe('pages that name their code', () => {
  let workspace: TestWorkspace;
  let memberCookie: string;
  let outsiderCookie: string;
  let problemId: string;
  let draftId: string;
  let reviewerCookie: string;

  const page = async (address: string, cookie?: string, encoding = 'identity') => {
    const response = await fetch(`${workspace.url}${address}`, {
      headers: { 'accept-encoding': encoding, ...(cookie ? { cookie } : {}) },
    });
    expect(response.status).toBe(200);
    return { response, html: await response.text() };
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    problemId = await addItem(meta, workspace.labId, 'route-problem', {
      kind: 'problem',
      sharing: 'open_for_comment',
    });
    draftId = await addItem(meta, workspace.labId, 'route-draft', { kind: 'drivers' });
    const expires = new Date(Date.now() + HOUR);
    memberCookie = await openSession(meta, workspace.owner.user, expires);
    const outsider = await addPerson(meta, 'Olive Outsider');
    outsiderCookie = await openSession(meta, outsider.user, expires);
    const reviewer = await addPerson(meta, 'Rita Reviewer');
    await addMember(meta, workspace.labId, reviewer.user, 'reviewer');
    reviewerCookie = await openSession(meta, reviewer.user, expires);
  });
  afterAll(async () => {
    await workspace?.stop();
  });

  it('an item page names the item page’s chunks, and the entry’s only once', async () => {
    const { html, response } = await page(`/items/${problemId}`);
    const named = preloads(html);
    const itemChunks = staticClosure(manifest, 'app/ItemPage.tsx')
      .filter((key) => !staticClosure(manifest, 'index.html').includes(key))
      .map(fileOf);
    expect(itemChunks.length).toBeGreaterThan(0);
    expect(named).toEqual(expect.arrayContaining(itemChunks));
    expect(new Set(named).size).toBe(named.length);
    // Without a session, no kind is named.
    expect(named).not.toContain(fileOf(KIND_MODULES.problem[0] ?? ''));
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('names the kind’s code only to a person who may see the item', async () => {
    const member = preloads((await page(`/items/${problemId}`, memberCookie)).html);
    expect(member).toContain(fileOf('features/problem/ProblemEditor.tsx'));
    const outsider = preloads((await page(`/items/${problemId}`, outsiderCookie)).html);
    expect(outsider).not.toContain(fileOf('features/problem/ProblemEditor.tsx'));
    expect(outsider).toContain(fileOf('app/ItemPage.tsx'));
    // A reviewer sees an item open for comment, not a draft.
    const shared = preloads((await page(`/items/${problemId}`, reviewerCookie)).html);
    expect(shared).toContain(fileOf('features/problem/ProblemEditor.tsx'));
    const draft = preloads((await page(`/items/${draftId}`, reviewerCookie)).html);
    expect(draft).not.toContain(fileOf('features/drivers/DriverDiagram.tsx'));
    // A made-up item is no different from one the person may not see.
    const missing = preloads((await page('/items/no-such-item', memberCookie)).html);
    expect(missing).toEqual(outsider);
  });

  it('keeps a page that names a kind out of shared caches', async () => {
    const { response } = await page(`/items/${problemId}`, memberCookie);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('sends the same page compressed', async () => {
    const plain = (await page(`/items/${problemId}`, memberCookie)).html;
    const raw = await rawGet(`${workspace.url}/items/${problemId}`, {
      'accept-encoding': 'gzip',
      cookie: memberCookie,
    });
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(raw.body).toString('utf8')).toBe(plain);
  });

  it('names nothing more on pages that load no page code of their own', async () => {
    const entryOnly = preloads((await page('/sign-in')).html);
    expect(entryOnly).toEqual(preloads(readFileSync(path.join(clientDir, 'index.html'), 'utf8')));
    expect(preloads((await page('/glossary')).html)).toEqual(entryOnly);
  });

  it('names a lab’s and the labs list’s code', async () => {
    expect(preloads((await page(`/labs/${workspace.labId}`)).html)).toContain(
      fileOf('app/LabPage.tsx'),
    );
    expect(preloads((await page('/')).html)).toContain(fileOf('app/MyLabsPage.tsx'));
    const ideas = preloads((await page(`/labs/${workspace.labId}/ideas`)).html);
    expect(ideas).toContain(fileOf('app/LabPage.tsx'));
    expect(ideas).toContain(fileOf(IDEAS_MODULE));
  });

  it('names the API answers a page asks for first, whoever asks', async () => {
    const linkOf = async (address: string, cookie?: string) =>
      (await page(address, cookie)).response.headers.get('link');
    const preload = (p: string) => `<${p}>; rel=preload; as=fetch; crossorigin`;
    const me = preload('/api/auth/me');
    const item = `${me}, ${preload(`/api/items/${problemId}`)}`;
    expect(await linkOf('/sign-in')).toBe(me);
    const lab = `${me}, ${preload(`/api/labs/${workspace.labId}`)}`;
    expect(await linkOf(`/labs/${workspace.labId}`, memberCookie)).toBe(lab);
    expect(await linkOf(`/labs/${workspace.labId}/ideas`)).toBe(lab);
    // The lab's other pages are not ways in: they ask for no more than any page.
    expect(await linkOf(`/labs/${workspace.labId}/members`, memberCookie)).toBe(me);
    expect(await linkOf(`/items/${problemId}`)).toBe(item);
    expect(await linkOf(`/items/${problemId}`, memberCookie)).toBe(item);
    expect(await linkOf(`/items/${problemId}`, outsiderCookie)).toBe(item);
    // An address that names no item asks for none; a file is not a page.
    expect(await linkOf('/items/a%3Eb')).toBe(me);
    const asset = await fetch(`${workspace.url}${fileOf('app/ItemPage.tsx')}`);
    expect(asset.headers.get('link')).toBeNull();
    // What is named is what the page's own requests get.
    for (const address of [
      '/api/auth/me',
      `/api/items/${problemId}`,
      `/api/labs/${workspace.labId}`,
    ]) {
      const answer = await fetch(`${workspace.url}${address}`, {
        headers: { cookie: memberCookie, accept: 'application/json' },
      });
      expect(answer.status, address).toBe(200);
    }
  });

  it('sends pages as built when the manifest is missing or damaged', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'route-preloads-'));
    try {
      expect(loadRoutePreloads(dir).forPath('/items/x', () => 'problem')).toBeNull();
      mkdirSync(path.join(dir, '.vite'));
      for (const broken of ['{"app/ItemPage.tsx":', '{"app/ItemPage.tsx":{"file":7}}']) {
        writeFileSync(path.join(dir, '.vite/manifest.json'), broken);
        expect(loadRoutePreloads(dir).forPath('/items/x', () => 'problem')).toBeNull();
      }
      // A chunk naming an import the manifest does not have.
      const dangling = {
        'index.html': { file: 'a.js' },
        'app/ItemPage.tsx': { file: 'b.js', imports: ['gone'] },
      };
      writeFileSync(path.join(dir, '.vite/manifest.json'), JSON.stringify(dangling));
      expect(loadRoutePreloads(dir).forPath('/items/x', () => 'problem')).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('knows every module it names, and the same kinds’ code as the client', () => {
    const named = [
      ...Object.values(PAGE_MODULES),
      IDEAS_MODULE,
      ...Object.values(KIND_MODULES).flat(),
    ];
    for (const key of named) expect(manifest[key], key).toBeDefined();
    expect(Object.keys(KIND_MODULES).sort()).toEqual([...ITEM_KINDS].sort());
    const client = readFileSync(path.resolve('client/app/item-kind-code.ts'), 'utf8');
    const imported = [...client.matchAll(/import\('\.\.\/([^']+)'\)/g)].map(
      (match) => `${match[1]}.tsx`,
    );
    expect(new Set(Object.values(KIND_MODULES).flat())).toEqual(new Set(imported));
  });
});
