/**
 * "Who is here now" on the lab overview follows the people who have the lab's
 * items open, from the server's connections.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('who is here now', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let facilitator: Account;
  let participant: Account;
  let itemId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const hash = await testPasswordHash();
    facilitator = await givePassword(workspace.server.meta, workspace.owner, hash);
    participant = await addAccount(workspace.server.meta, 'Priya Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    const response = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      {
        kind: 'pdsa',
        title: 'Rounding, cycle 1',
      },
    );
    itemId = ((await response.json()) as { item: { id: string } }).item.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('the overview shows who has which item open, and forgets them when they leave', async () => {
    const overview = await (await signedInContext(browser, workspace.url, facilitator)).newPage();
    await overview.goto(`${workspace.url}/labs/${workspace.labId}`);
    const panel = overview.getByTestId('who-is-here');
    await expect.poll(() => panel.innerText()).toContain('Nobody else is working in this lab');
    const visitorContext = await signedInContext(browser, workspace.url, participant);
    const visitor = await visitorContext.newPage();
    await visitor.goto(`${workspace.url}/items/${itemId}`);
    await expect
      .poll(() => panel.innerText(), { timeout: 20_000 })
      .toContain('Priya Participant is in Rounding, cycle 1');
    expect(await axeViolations(overview)).toEqual([]);
    await visitorContext.close();
    await expect
      .poll(() => panel.innerText(), { timeout: 20_000 })
      .toContain('Nobody else is working in this lab');
  });
});
