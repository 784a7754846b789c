/**
 * A page whose code arrives after its first render works as any other once it has
 * come, and keeps what it holds when the app draws it again: the account page's chunk
 * is held back until the page has been drawn (through React's `lazy`), then let go;
 * saving the details re-renders the page from the top with the new name, and the
 * typed name and the "saved" banner stay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ViteManifestSchema } from '../../shared/vite-manifest';
import { launchBrowser } from '../helpers/browser';
import { addAccount, signedInContext, testPasswordHash } from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const TIMEOUT = { timeout: 15_000 };

/** The account page's chunk, as the client build names it. */
function accountPageChunk(): string {
  const manifest = ViteManifestSchema.parse(
    JSON.parse(readFileSync(path.resolve('dist/client/.vite/manifest.json'), 'utf8')),
  );
  const chunk = manifest['app/AccountPage.tsx'];
  if (!chunk) throw new Error('The client manifest has no account page chunk');
  return chunk.file;
}

describe('a lazily loaded page', () => {
  let workspace: TestWorkspace;
  let browser: Browser;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('keeps its state when drawn again after its code came late', async () => {
    const account = await addAccount(workspace.server.meta, 'Lee Late', await testPasswordHash());
    const context = await signedInContext(browser, workspace.url, account);
    const page = await context.newPage();
    const chunk = accountPageChunk();
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      held = resolve;
    });
    await page.route(
      (url) => url.pathname.endsWith(`/${chunk}`),
      async (route) => {
        held();
        await released;
        await route.continue();
      },
    );
    await page.goto(`${workspace.url}/account`);
    await holding;
    // Signed in (the header names the person) while the page's code is held back: the
    // page has been drawn, through `lazy`, before its code came.
    await page.getByRole('link', { name: /Lee Late/ }).waitFor(TIMEOUT);
    release();
    await page.getByRole('button', { name: 'Save your details' }).waitFor(TIMEOUT);

    await page.getByLabel('Name', { exact: true }).fill('Lee Later');
    await page.getByRole('button', { name: 'Save your details' }).click();
    // The header takes the new name from the same re-render that must keep the banner.
    await page.getByRole('link', { name: /Lee Later/ }).waitFor(TIMEOUT);
    await page.getByText('Your details have been saved').waitFor(TIMEOUT);
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Lee Later');
    await context.close();
  });
});
