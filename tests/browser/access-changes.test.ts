/**
 * The item page follows the server's word about access: a participant changed to
 * observer loses the edit controls within a second (the socket closes with
 * "access changed", the page asks again and reopens read-only), and a session
 * ended elsewhere shows the signed-out state on the same page, whose editor goes
 * on keeping what is typed on this device (tests/browser/session-connection-states.test.ts
 * follows that typing to another person after signing in again).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type HttpSession, signIn } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('access changes reach an open item page', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let participant: Account;
  let itemId: string;

  async function openItemAs(account: Account): Promise<{ page: Page; session: HttpSession }> {
    const session = await signIn(workspace.url, account.email, account.password);
    const separator = session.cookie.indexOf('=');
    const context = await browser.newContext();
    await context.addCookies([
      {
        name: session.cookie.slice(0, separator),
        value: session.cookie.slice(separator + 1),
        url: workspace.url,
        httpOnly: true,
        sameSite: 'Lax',
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${workspace.url}/items/${itemId}`);
    await page.getByRole('button', { name: 'Save title' }).waitFor();
    await page.locator('[contenteditable="true"]').first().waitFor();
    return { page, session };
  }

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    participant = await addAccount(
      workspace.server.meta,
      'Priya Participant',
      await testPasswordHash(),
      {
        labId: workspace.labId,
        role: 'participant',
      },
    );
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'note', title: 'Handover notes' },
    );
    itemId = ((await created.json()) as { item: { id: string } }).item.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('a participant changed to observer loses the edit controls within a second', async () => {
    const { page } = await openItemAs(participant);
    const changed = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'PATCH',
      `/api/labs/${workspace.labId}/members/${participant.user.id}`,
      { role: 'observer' },
    );
    expect(changed.status).toBe(200);
    await expect
      .poll(() => page.getByRole('button', { name: 'Save title' }).count(), { timeout: 1_000 })
      .toBe(0);
    await expect
      .poll(() => page.locator('[contenteditable="true"]').count(), { timeout: 1_000 })
      .toBe(0);
    await page.getByText('Handover notes').first().waitFor();
  });

  it('a session ended elsewhere shows the signed-out state within a second', async () => {
    await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'PATCH',
      `/api/labs/${workspace.labId}/members/${participant.user.id}`,
      { role: 'participant' },
    );
    const { page, session } = await openItemAs(participant);
    await apiAs(workspace.url, session, 'POST', '/api/auth/sign-out');
    await expect.poll(() => page.getByTestId('signed-out').count(), { timeout: 1_000 }).toBe(1);
    expect(new URL(page.url()).pathname).toBe(`/items/${itemId}`);
    expect(await page.getByTestId('save-status').innerText()).toBe(
      'Signed out — changes kept on this device',
    );
    // No form that would ask the server stays; the text goes on taking typing.
    expect(await page.getByRole('button', { name: 'Save title' }).count()).toBe(0);
    expect(await page.locator('[contenteditable="true"]').count()).toBeGreaterThan(0);
  });
});
