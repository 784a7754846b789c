/**
 * The client is split by page: the sign-in page, the lab overview and the
 * reviewer's page load without the editor, the canvas, the fishbone, process map
 * and workshop board, Yjs or chart code, compressed; an
 * item page fetches its editor when it opens; no page asks another host for
 * anything (a font, an icon); and a page whose code cannot be fetched says so
 * and offers a reload instead of going blank.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../../scripts/client-weight';
import { staticClosure, ViteManifestSchema } from '../../shared/vite-manifest';
import { heading } from '../helpers/browser-session';
import { itemPageFixture } from '../helpers/item-page-fixture';
import { requestStarts } from '../helpers/resource-timing';

const clientDir = path.resolve('dist/client');
const KB = 1024;
/** Chunks only an item page (or a measure on the overview) may need. */
const EDITOR_CHUNKS =
  /\/assets\/(?:editor|ProblemEditor|DriverDiagram|MeasureChart|MeasureEditor)-/;
const YJS_CHUNK = /\/assets\/yjs-/;
/** Where the code of the canvas and of the diagram and board kinds is, relative to the client's root. */
const CANVAS_DIR = 'lib/canvas';
const KIND_DIRS = ['features/fishbone/', 'features/process/', 'features/workshop/'];

/**
 * The built files (JS and CSS) of the canvas and of the fishbone, process map and
 * workshop board, found in Vite's manifest: each kind's chunk by its source, and the
 * canvas's shared chunk by its name, which Rollup takes from one of its modules. Each
 * must be found, so a rename or a merge into another chunk fails here instead of
 * leaving the checks below looking for nothing.
 */
function diagramFiles(): Set<string> {
  const manifest = ViteManifestSchema.parse(
    JSON.parse(readFileSync(path.join(clientDir, '.vite/manifest.json'), 'utf8')),
  );
  const canvasModules = new Set(
    readdirSync(path.resolve('client', CANVAS_DIR))
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => file.replace(/\.tsx?$/, '')),
  );
  const chunks = Object.entries(manifest);
  const canvas = chunks.filter(
    ([key, chunk]) =>
      chunk.src?.startsWith(`${CANVAS_DIR}/`) ||
      (key.startsWith('_') && key.endsWith('.js') && canvasModules.has(chunk.name ?? '')),
  );
  expect(
    canvas.map(([, c]) => c.file),
    'the canvas’s chunk',
  ).not.toEqual([]);
  const files = new Set<string>();
  for (const [key, chunk] of canvas) {
    // The canvas found is the one the diagrams load.
    for (const kind of ['features/fishbone/FishboneItem.tsx', 'features/process/ProcessItem.tsx'])
      expect(staticClosure(manifest, kind), kind).toContain(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  for (const dir of KIND_DIRS) {
    const kind = chunks.filter(([, chunk]) => chunk.isDynamicEntry && chunk.src?.startsWith(dir));
    expect(kind.length, dir).toBeGreaterThan(0);
    for (const [, chunk] of kind) {
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
    }
  }
  return files;
}

/** Whether a built file (`assets/…`) is code only an item page may need. */
function editorOnly(diagrams: ReadonlySet<string>, file: string): boolean {
  return EDITOR_CHUNKS.test(`/${file}`) || diagrams.has(file);
}

/** The built file a script's address names. */
const builtFile = (url: string) => new URL(url).pathname.slice(1);

interface Fetched {
  readonly url: string;
  readonly encoding: string | undefined;
  readonly bytes: number;
}

/** Records the scripts a page fetches, with how each was encoded. */
function recordScripts(page: Page): Fetched[] {
  const fetched: Fetched[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const headers = response.headers();
    fetched.push({
      url: response.url(),
      encoding: headers['content-encoding'],
      bytes: Number(headers['content-length']),
    });
  });
  return fetched;
}

describe('pages load only the code they need', () => {
  const fixture = itemPageFixture('problem', 'Falls at night');
  const freshPage = (signedIn: boolean) => fixture.freshPage(signedIn);

  it('the sign-in page fetches no editor, canvas, diagram, Yjs or chart code, and every script compressed', async () => {
    const diagrams = diagramFiles();
    const page = await freshPage(false);
    const scripts = recordScripts(page);
    await page.goto(`${fixture.workspace.url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(editorOnly(diagrams, builtFile(script.url)), script.url).toBe(false);
      expect(script.url).not.toMatch(YJS_CHUNK);
      // Under 1 KB a compressed copy saves less than its headers, so none is built.
      if (script.bytes >= KB) expect(['br', 'gzip'], script.url).toContain(script.encoding);
    }
  });

  it('the lab overview of a lab without measures fetches no editor, canvas, diagram, chart or Yjs code', async () => {
    const diagrams = diagramFiles();
    const page = await freshPage(true);
    const scripts = recordScripts(page);
    await page.goto(`${fixture.workspace.url}/labs/${fixture.workspace.labId}`);
    await page.getByTestId('lab-facts').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.some((s) => /\/assets\/LabPage-/.test(s.url))).toBe(true);
    for (const script of scripts) {
      expect(editorOnly(diagrams, builtFile(script.url)), script.url).toBe(false);
      // Its lists come from the lab feed; Yjs only comes with a measure's chart.
      expect(script.url).not.toMatch(YJS_CHUNK);
    }
  });

  it('an item page fetches its editor when it opens, and it can be edited', async () => {
    const page = await freshPage(true);
    const scripts = recordScripts(page);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    // Whether the item's editor was there when its heading first was: drawn whole, its
    // body never waits behind a loading line (which React would hold for 300 ms).
    await page.addInitScript(() => {
      const seen = window as unknown as { headingWithEditor?: boolean };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('main h1')) return;
        seen.headingWithEditor = document.querySelector('[contenteditable="true"]') !== null;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
    await page.locator('[contenteditable="true"]').first().waitFor();
    expect(await heading(page)).toContain('Falls at night');
    expect(scripts.some((s) => /\/assets\/editor-/.test(s.url))).toBe(true);
    expect(
      await page.evaluate(() => (window as { headingWithEditor?: boolean }).headingWithEditor),
    ).toBe(true);
    // The page names its code and the kind's (server/route-preloads.ts): each is asked for
    // before the entry script has even arrived, so not by the app, and each only once.
    expect(asked).toContain('/api/auth/me');
    const timing = await requestStarts(page, [
      '/assets/ItemPage-*',
      '/assets/ProblemEditor-*',
      '/assets/editor-*',
    ]);
    expect(timing.entryArrived).not.toBeNull();
    for (const [first] of timing.starts) {
      expect(first).toBeDefined();
      expect(first ?? Number.POSITIVE_INFINITY).toBeLessThan(timing.entryArrived ?? 0);
    }
    const urls = scripts.map((s) => s.url);
    expect(urls.filter((url, i) => urls.indexOf(url) !== i)).toEqual([]);
    // The back link, the header and the personal-data notice share one request for the lab.
    await page.waitForLoadState('networkidle');
    const lab = `/api/labs/${fixture.workspace.labId}`;
    expect(asked.filter((p) => p === lab)).toEqual([lab]);
  });

  it('the sign-in page, the lab overview and an item page ask nothing of another host', async () => {
    const { url, labId } = fixture.workspace;
    const elsewhere: string[] = [];
    const watch = (page: Page) =>
      page.on('request', (request) => {
        const address = request.url();
        if (!address.startsWith('data:') && new URL(address).origin !== new URL(url).origin) {
          elsewhere.push(address);
        }
      });
    const signedOut = await freshPage(false);
    watch(signedOut);
    await signedOut.goto(`${url}/sign-in`);
    await signedOut.getByRole('button', { name: 'Sign in' }).waitFor();
    await signedOut.waitForLoadState('networkidle');
    const signedIn = await freshPage(true);
    watch(signedIn);
    await signedIn.goto(`${url}/labs/${labId}`);
    await signedIn.getByTestId('lab-facts').waitFor();
    await signedIn.goto(`${url}/items/${fixture.itemId}`);
    await signedIn.locator('[contenteditable="true"]').first().waitFor();
    await signedIn.waitForLoadState('networkidle');
    expect(elsewhere).toEqual([]);
  });

  it('keeps the first load of sign-in and overview within 150 KB of gzipped JS (CSS within 16 KB), any page within 250 KB', () => {
    const signIn = pageWeight(clientDir, 'index.html');
    const overview = pageWeight(clientDir, 'app/LabPage.tsx');
    const review = pageWeight(clientDir, 'app/ReviewPage.tsx');
    expect(signIn.js.gzip).toBeLessThanOrEqual(150 * KB);
    expect(overview.js.gzip).toBeLessThanOrEqual(150 * KB);
    // Only the rules of NHS.UK frontend that a page can match: the whole toolkit is 32 KB gzipped.
    expect(signIn.css.gzip).toBeLessThanOrEqual(16 * KB);
    const diagrams = diagramFiles();
    for (const weight of [signIn, overview, review]) {
      for (const file of [...weight.js.files, ...weight.css.files])
        expect(editorOnly(diagrams, file), file).toBe(false);
    }
    for (const weight of [overview, review]) {
      expect(weight.js.files.some((f) => YJS_CHUNK.test(`/${f}`))).toBe(false);
    }
    for (const page of [
      'AccountPage',
      'AuditPage',
      'InvitePage',
      'ItemPage',
      'LabPage',
      'LabSettingsPage',
      'MembersPage',
      'MyLabsPage',
      'ReviewPage',
      'SetupPage',
    ]) {
      expect(pageWeight(clientDir, `app/${page}.tsx`).js.gzip, page).toBeLessThanOrEqual(250 * KB);
    }
  });

  it('a page whose code cannot be fetched offers a reload', async () => {
    const page = await freshPage(true);
    await page.route(/\/assets\/AuditPage-[^/]+\.js$/, (route) => route.abort('failed'));
    await page.goto(`${fixture.workspace.url}/labs/${fixture.workspace.labId}/audit`);
    await page.getByTestId('page-load-error').waitFor();
    expect(await heading(page)).toBe('This page could not be loaded');
    await page.unroute(/\/assets\/AuditPage-[^/]+\.js$/);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await page.getByRole('heading', { level: 1, name: /audit/i }).waitFor();
  });
});
