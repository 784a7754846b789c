/**
 * An item page opened from its address does not wait for one answer after the
 * other: the item's summary and its kind's code are asked for while the session
 * is still being asked for. Signed out it still sends to sign-in and then shows
 * the item; a missing item still says so.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  apiWithToken,
  givePassword,
  heading,
  signedInContext,
  signInOnPage,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** Resolves with the first request whose address matches, as the page sends it. */
function requestSeen(page: Page, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    page.on('request', (request) => {
      if (pattern.test(request.url())) resolve();
    });
  });
}

describe('an item page opened from its address', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;
  let diagramId: string;
  const contexts: BrowserContext[] = [];

  async function freshPage(signedIn: boolean): Promise<Page> {
    const context = signedIn
      ? await signedInContext(browser, workspace.url, owner)
      : await browser.newContext();
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    owner = await givePassword(workspace.server.meta, workspace.owner, await testPasswordHash());
    const created = await apiWithToken(
      workspace.url,
      owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'drivers', title: 'Fewer falls' },
    );
    diagramId = ((await created.json()) as { item: { id: string } }).item.id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await workspace?.stop();
  });

  it('asks for the item and its kind’s code before the session has answered', async () => {
    const page = await freshPage(true);
    const itemAsked = requestSeen(page, new RegExp(`/api/items/${diagramId}$`));
    const kindCodeAsked = requestSeen(page, /\/assets\/DriverDiagram-[^/]*\.js$/);
    // The session's answer is held until both were asked for: one after the other,
    // the page would never get that far, and the diagram below would never show.
    await page.route('**/api/auth/me', async (route: Route) => {
      await Promise.all([itemAsked, kindCodeAsked]);
      await route.continue();
    });
    await page.goto(`${workspace.url}/items/${diagramId}`);
    await page.locator('.canvas__view').waitFor();
    expect(await heading(page)).toContain('Fewer falls');
  });

  it('signed out, sends to sign-in and, once signed in, shows the item', async () => {
    const page = await freshPage(false);
    await page.goto(`${workspace.url}/items/${diagramId}`);
    await signInOnPage(page, owner);
    await page.locator('.canvas__view').waitFor();
    expect(await heading(page)).toContain('Fewer falls');
  });

  it('says an item that does not exist was not found', async () => {
    const page = await freshPage(true);
    await page.goto(`${workspace.url}/items/no-such-item`);
    await page.getByTestId('load-error').waitFor();
    expect(await page.getByTestId('load-error').textContent()).toContain('That item');
  });
});
