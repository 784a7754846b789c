/**
 * What an open item page says when its session ends or its network goes, and
 * what becomes of the typing meanwhile. A session ended on the server (another
 * of the person's sessions ends it) shows the signed-out state within two seconds:
 * the header no longer names the person, the editor keeps taking typing into this
 * device's copy, and "Sign in again" comes back to the item, where that typing
 * reaches another person's browser. Offline shows within two seconds of the
 * browser going offline, and "Saved" comes back without a reload once it is
 * online; a network path that dies without closing anything shows offline
 * through the heartbeat. A lab page learns of the ended session from its lab
 * feed alone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncHeartbeat } from '../../shared/protocol';
import { apiAs, type HttpSession, signIn } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  axeViolations,
  signedInContext,
  signInOnPage,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const editor = (page: Page) => page.getByRole('textbox', { name: 'Body' });
const saveStatus = (page: Page) => page.getByTestId('save-status');
const path = (page: Page) => new URL(page.url()).pathname;

/** Ends the browser's session from another session of the same person. */
async function endFromElsewhere(baseUrl: string, account: Account): Promise<void> {
  const elsewhere: HttpSession = await signIn(baseUrl, account.email, account.password);
  const { sessions } = await apiAs<{ sessions: { id: string; current: boolean }[] }>(
    baseUrl,
    elsewhere,
    'GET',
    '/api/account/sessions',
  );
  for (const session of sessions.filter((each) => !each.current)) {
    await apiAs(baseUrl, elsewhere, 'DELETE', `/api/account/sessions/${session.id}`);
  }
}

describe('honest session and connection states', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let priya: Account;
  let omar: Account;
  let itemId: string;
  let priyaContext: BrowserContext;
  let priyaPage: Page;
  let omarPage: Page;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const hash = await testPasswordHash();
    const membership = { labId: workspace.labId, role: 'participant' } as const;
    priya = await addAccount(workspace.server.meta, 'Priya Participant', hash, membership);
    omar = await addAccount(workspace.server.meta, 'Omar Nurse', hash, membership);
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'note', title: 'Handover notes' },
    );
    itemId = ((await created.json()) as { item: { id: string } }).item.id;
    browser = await launchBrowser();
    omarPage = await (await signedInContext(browser, workspace.url, omar)).newPage();
    await omarPage.goto(`${workspace.url}/items/${itemId}`);
    priyaContext = await signedInContext(browser, workspace.url, priya);
    priyaPage = await priyaContext.newPage();
    await priyaPage.goto(`${workspace.url}/items/${itemId}`);
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('a session ended on the server shows the signed-out state within two seconds; typing meanwhile arrives after signing in again', async () => {
    const page = priyaPage;
    await expect.poll(() => saveStatus(page).innerText()).toBe('Saved');
    await expect.poll(() => saveStatus(omarPage).innerText()).toBe('Saved');
    expect(await page.getByRole('link', { name: /Priya Participant/ }).count()).toBe(1);
    const endedAt = Date.now();
    await endFromElsewhere(workspace.url, priya);
    await expect.poll(() => page.getByTestId('signed-out').count(), { timeout: 2_000 }).toBe(1);
    const shownAfterMs = Date.now() - endedAt;
    expect(await page.getByTestId('signed-out').innerText()).toContain(
      'You have been signed out. Sign in again; your changes are kept on this device.',
    );
    // The header no longer says who is signed in; the page stays where it was.
    expect(await page.getByRole('link', { name: /Priya Participant/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(path(page)).toBe(`/items/${itemId}`);
    await expect
      .poll(() => saveStatus(page).innerText())
      .toBe('Signed out — changes kept on this device');
    expect(await axeViolations(page)).toEqual([]);

    // Typing goes on, into this device's copy only.
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Typed while signed out.');
    expect(await editor(page).innerText()).toContain('Typed while signed out.');
    expect(await editor(omarPage).innerText()).not.toContain('Typed while signed out.');

    await page.getByRole('link', { name: 'Sign in again' }).click();
    await expect.poll(() => path(page)).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/items/${itemId}`);
    await signInOnPage(page, priya);
    await expect.poll(() => path(page)).toBe(`/items/${itemId}`);
    await expect
      .poll(() => editor(omarPage).innerText(), { timeout: 10_000 })
      .toContain('Typed while signed out.');
    await expect.poll(() => saveStatus(page).innerText(), { timeout: 10_000 }).toBe('Saved');
    expect(await page.getByTestId('signed-out').count()).toBe(0);
    expect(await page.getByRole('link', { name: /Priya Participant/ }).count()).toBe(1);
    console.log(`signed-out state shown ${shownAfterMs} ms after the session ended`);
  });

  it('offline shows within two seconds of the browser going offline; back online, "Saved" returns without a reload', async () => {
    const page = priyaPage;
    await expect.poll(() => saveStatus(page).innerText()).toBe('Saved');
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const offlineAt = Date.now();
    await priyaContext.setOffline(true);
    await expect
      .poll(() => saveStatus(page).innerText(), { timeout: 2_000 })
      .toBe('Offline — changes kept on this device');
    const offlineShownMs = Date.now() - offlineAt;
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Written offline.');
    expect(await editor(omarPage).innerText()).not.toContain('Written offline.');

    const onlineAt = Date.now();
    await priyaContext.setOffline(false);
    await expect.poll(() => saveStatus(page).innerText(), { timeout: 5_000 }).toBe('Saved');
    const savedAgainMs = Date.now() - onlineAt;
    await expect.poll(() => editor(omarPage).innerText()).toContain('Written offline.');
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    console.log(`offline shown in ${offlineShownMs} ms; "Saved" again ${savedAgainMs} ms online`);
  });

  it('a network path that dies without a word shows offline through the heartbeat, and recovers', async () => {
    const proxy = await startTcpProxy(workspace.server.port);
    try {
      const page = await (await signedInContext(browser, workspace.url, priya)).newPage();
      await page.goto(`http://127.0.0.1:${proxy.port}/items/${itemId}`);
      await expect.poll(() => saveStatus(page).innerText()).toBe('Saved');
      const stalledAt = Date.now();
      proxy.stall();
      // Nothing is closed and the browser stays online: only the unanswered
      // heartbeat can tell (quiet for 5 s, then 2 s for an answer).
      const limit = SyncHeartbeat.quietMs + SyncHeartbeat.answerMs + 2 * SyncHeartbeat.checkEveryMs;
      await expect
        .poll(() => saveStatus(page).innerText(), { timeout: limit + 3_000 })
        .toBe('Offline — changes kept on this device');
      const shownMs = Date.now() - stalledAt;
      await proxy.cut();
      await proxy.restore();
      await expect.poll(() => saveStatus(page).innerText(), { timeout: 10_000 }).toBe('Saved');
      console.log(`a silent loss shown as offline after ${shownMs} ms`);
    } finally {
      await proxy.close();
    }
  });

  it('a lab page whose session ends learns it from the lab feed and says so', async () => {
    const page = await (await signedInContext(browser, workspace.url, omar)).newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    await page.getByRole('link', { name: 'Handover notes' }).first().waitFor();
    await endFromElsewhere(workspace.url, omar);
    await expect.poll(() => page.getByTestId('signed-out').count(), { timeout: 2_000 }).toBe(1);
    expect(await page.getByRole('link', { name: /Omar Nurse/ }).count()).toBe(0);
    expect(path(page)).toBe(`/labs/${workspace.labId}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnPage(page, omar);
    await expect.poll(() => path(page)).toBe(`/labs/${workspace.labId}`);
    await page.getByRole('link', { name: 'Handover notes' }).first().waitFor();
  });
});
