/**
 * Items damaged before the server checked updates (written here straight into
 * storage, bypassing the check) still show their pages: what breaks the schema is
 * left out with a notice, the rest is shown and editable, and the lab overview lists
 * them all. No page throws.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_KINDS, type ItemKind } from '../../shared/schemas/records';
import { addItem } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import { addAccount, signedInContext, testPasswordHash } from '../helpers/browser-session';
import { damagedDoc } from '../helpers/damaged-docs';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('damaged items in the browser', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const idOf = (kind: ItemKind) => `damaged-${kind}`;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    for (const kind of ITEM_KINDS) {
      await addItem(meta, workspace.labId, idOf(kind), { kind });
      await store.append(idOf(kind), damagedDoc(kind).state).durable;
    }
    const alice = await addAccount(meta, 'Alice Nurse', await testPasswordHash(), {
      labId: workspace.labId,
      role: 'participant',
    });
    browser = await launchBrowser();
    page = await (await signedInContext(browser, workspace.url, alice)).newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('a damaged measure shows its sound points, editable, under a notice', async () => {
    await page.goto(`${workspace.url}/items/${idOf('measure')}`);
    const notice = page.getByTestId('damage-notice');
    await notice.waitFor();
    await expect.poll(() => notice.textContent()).toContain('2 rows of "Data" could not be read.');
    await expect.poll(() => page.getByLabel('Period, row 2').inputValue()).toBe('2026-02');
    expect(await page.getByLabel('Period, row 3').count()).toBe(0);
    // The sound rows are still editable, and the edit is kept.
    await page.getByLabel('Value, row 2').fill('6');
    await page.getByLabel('Value, row 2').press('Enter');
    await expect.poll(() => page.getByLabel('Value, row 2').inputValue()).toBe('6');
    expect(errors).toEqual([]);
  });

  it('a note whose body held something other than rich text opens with its text editable', async () => {
    // The server drops what is not rich text from a section when it loads the document:
    // the editor binding would throw on it.
    await page.goto(`${workspace.url}/items/${idOf('note')}`);
    const body = page.getByRole('textbox', { name: 'Body' });
    await expect.poll(() => body.textContent()).toContain('Met the ward team on Tuesday');
    await body.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' and again on Friday');
    await expect.poll(() => body.textContent()).toContain('and again on Friday');
    expect(errors).toEqual([]);
  });

  it('a damaged driver diagram, change idea and PDSA cycle open with their notices', async () => {
    for (const kind of ['drivers', 'idea', 'pdsa'] as const) {
      await page.goto(`${workspace.url}/items/${idOf(kind)}`);
      await page.getByTestId('damage-notice').waitFor();
      expect(errors, kind).toEqual([]);
    }
    await page.goto(`${workspace.url}/items/${idOf('drivers')}`);
    await expect.poll(() => page.locator('body').textContent()).toContain('Safe surroundings');
  });

  it('a problem whose text field was a map opens with the field editable again', async () => {
    // The server gives a text field that is not a Y.Text a new one when it loads the document.
    await page.goto(`${workspace.url}/items/${idOf('problem')}`);
    const what = page.getByRole('textbox', { name: 'What is the problem?' });
    await what.fill('Falls at night on ward 7');
    await expect.poll(() => what.inputValue()).toBe('Falls at night on ward 7');
    expect(errors).toEqual([]);
  });

  it('the lab overview lists every damaged item', async () => {
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    // A document's title reaches the registry once the server changed it (the migrations above).
    for (const kind of ITEM_KINDS)
      await page
        .getByRole('link', { name: new RegExp(`^(Damaged ${kind}|Item ${idOf(kind)})$`) })
        .first()
        .waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
  });
});
