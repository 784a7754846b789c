/**
 * A facilitator invites a reviewer to one item only; the invitation says which,
 * and once accepted the reviewer's lab shows that item and nothing else.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser';
import {
  type Account,
  apiWithToken,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('inviting a reviewer to particular items', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let facilitator: Account;

  async function openForComment(title: string): Promise<void> {
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      {
        kind: 'note',
        title,
      },
    );
    const { item } = (await created.json()) as { item: { id: string } };
    await apiWithToken(workspace.url, workspace.owner.token, 'PATCH', `/api/items/${item.id}`, {
      sharing: 'open_for_comment',
    });
  }

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    facilitator = await givePassword(
      workspace.server.meta,
      workspace.owner,
      await testPasswordHash(),
    );
    await openForComment('Patient leaflet draft');
    await openForComment('Staff rota analysis');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('the invitation names the item, and the reviewer sees only it', async () => {
    const page = await (await signedInContext(browser, workspace.url, facilitator)).newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}/members`);
    await page.getByLabel('Reviewer (patient or public)').check();
    await page.getByLabel('Patient leaflet draft').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await page.getByLabel('Invitation link').inputValue();

    const patient = await (await browser.newContext()).newPage();
    await patient.goto(link);
    await expect
      .poll(() => patient.getByTestId('invited-items').innerText())
      .toBe('Patient leaflet draft');
    expect(await axeViolations(patient)).toEqual([]);
    await patient.getByLabel('Full name').fill('Pat Patient');
    await patient.getByLabel('Email address').fill('pat@example.org');
    await patient.getByLabel('Profession or role').selectOption({ label: 'Patient' });
    await patient.getByLabel('Create a password').fill('a long enough password');
    await patient.getByRole('button', { name: 'Create account and join' }).click();
    await expect
      .poll(() => patient.getByTestId('item-list').innerText())
      .toContain('Patient leaflet draft');
    expect(await patient.getByTestId('item-list').innerText()).not.toContain('Staff rota analysis');
  });
});
