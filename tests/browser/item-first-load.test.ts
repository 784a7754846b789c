/**
 * An item page opened from its address does not wait for one answer after the
 * other: the item's summary and its kind's code are asked for while the session
 * is still being asked for, and the session and the summary (on a lab's page, the
 * lab) are fetched with the page itself, before its script has arrived, once each
 * (the app takes the answers the browser preloaded). Signed out it still sends to
 * sign-in and then shows the item; a missing item still says so.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { heading, signInOnPage } from '../helpers/browser-session';
import { itemPageFixture } from '../helpers/item-page-fixture';
import { requestStarts } from '../helpers/resource-timing';

/** Resolves with the first request whose address matches, as the page sends it. */
function requestSeen(page: Page, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    page.on('request', (request) => {
      if (pattern.test(request.url())) resolve();
    });
  });
}

/**
 * Each of `paths` was fetched once on the page now open (the app's own request took the
 * preloaded answer), and before the app's entry script had even arrived, so the server
 * named it and not the app asked for it.
 */
async function expectPreloadedOnce(page: Page, visit: string, paths: string[]): Promise<void> {
  const { entryArrived, starts } = await requestStarts(page, paths);
  expect(entryArrived, visit).not.toBeNull();
  for (const [i, started] of starts.entries()) {
    expect(started, `${visit}: ${paths[i]}`).toHaveLength(1);
    expect(started[0], `${visit}: ${paths[i]}`).toBeLessThan(entryArrived ?? 0);
  }
}

describe('an item page opened from its address', () => {
  const fixture = itemPageFixture('drivers', 'Fewer falls');
  const freshPage = (signedIn: boolean) => fixture.freshPage(signedIn);

  it('asks for the item and its kind’s code before the session has answered', async () => {
    const page = await freshPage(true);
    const itemAsked = requestSeen(page, new RegExp(`/api/items/${fixture.itemId}$`));
    const kindCodeAsked = requestSeen(page, /\/assets\/DriverDiagram-[^/]*\.js$/);
    // The session's answer is held until both were asked for: one after the other,
    // the page would never get that far, and the diagram below would never show.
    await page.route('**/api/auth/me', async (route: Route) => {
      await Promise.all([itemAsked, kindCodeAsked]);
      await route.continue();
    });
    await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
    await page.locator('.canvas__view').waitFor();
    expect(await heading(page)).toContain('Fewer falls');
  });

  it('fetches the session and the item with the page, once each, first visit or not', async () => {
    const page = await freshPage(true);
    // The second visit finds the page's code in the browser's cache, so the page's load
    // event comes sooner: the app must still ask before it, or it would ask again.
    for (const visit of ['first', 'second']) {
      await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
      await page.locator('.canvas__view').waitFor();
      await expectPreloadedOnce(page, visit, ['/api/auth/me', `/api/items/${fixture.itemId}`]);
    }
  });

  it('fetches the session and the lab with a lab’s page, once each', async () => {
    const page = await freshPage(true);
    await page.goto(`${fixture.workspace.url}/labs/${fixture.workspace.labId}`);
    await page.getByTestId('lab-facts').waitFor();
    await expectPreloadedOnce(page, 'overview', [
      '/api/auth/me',
      `/api/labs/${fixture.workspace.labId}`,
    ]);
  });

  it('signed out, sends to sign-in and, once signed in, shows the item', async () => {
    const page = await freshPage(false);
    await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
    await signInOnPage(page, fixture.owner);
    await page.locator('.canvas__view').waitFor();
    expect(await heading(page)).toContain('Fewer falls');
  });

  it('signed out, a lab’s page sends to sign-in and, once signed in, shows the lab', async () => {
    const page = await freshPage(false);
    await page.goto(`${fixture.workspace.url}/labs/${fixture.workspace.labId}`);
    // The lab asked for as the page opened was refused: the page asks again now.
    await signInOnPage(page, fixture.owner);
    await page.getByTestId('lab-facts').waitFor();
  });

  it('says an item that does not exist was not found', async () => {
    const page = await freshPage(true);
    await page.goto(`${fixture.workspace.url}/items/no-such-item`);
    await page.getByTestId('load-error').waitFor();
    expect(await page.getByTestId('load-error').textContent()).toContain('That item');
  });
});
