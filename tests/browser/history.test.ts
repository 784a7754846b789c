/**
 * History in the browser: two people edit a PDSA cycle; a third sees, on the
 * overview and in the item, exactly what changed since they last looked and who
 * changed it; the version list compares a named version with now field by field,
 * and restores it for everyone connected.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldText, readFields, setFieldValue } from '../../shared/documents/item-doc';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  axeViolations,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const SHOTS = '/tmp/shots-history';
const TIMEOUT = 20_000;

describe('history', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let fay: Account;
  let ann: Account;
  let bob: Account;
  const clients: StockClient[] = [];
  const connect = (itemId: string, person: Account) => {
    const client = connectStockClient(workspace.url, itemId, workspace.auth(person));
    clients.push(client);
    return client;
  };
  const api = async <T>(person: Account, method: string, path: string, body?: unknown) => {
    const response = await apiWithToken(workspace.url, person.token, method, `/api${path}`, body);
    expect(response.ok).toBe(true);
    return (response.status === 204 ? null : await response.json()) as T;
  };
  const newPdsa = async (title: string) =>
    (
      await api<{ item: { id: string } }>(fay, 'POST', `/labs/${workspace.labId}/items`, {
        kind: 'pdsa',
        title,
      })
    ).item.id;
  const shoot = async (page: Page, name: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace({
      versionPolicy: { pauseMs: 60_000, maxIntervalMs: 600_000, sweepMs: 1000 },
    });
    const hash = await testPasswordHash();
    fay = await givePassword(workspace.server.meta, workspace.owner, hash);
    ann = await addAccount(workspace.server.meta, 'Ann Allen', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    bob = await addAccount(workspace.server.meta, 'Bob Brown', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await browser?.close();
    await workspace?.stop();
  });

  it('shows a third person what two others changed since they last looked, with their names', async () => {
    const itemId = await newPdsa('Rounding, cycle 1');
    await api(fay, 'POST', `/items/${itemId}/seen`);
    const a = connect(itemId, ann);
    const b = connect(itemId, bob);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    fieldText(a.doc, 'objective').insert(0, 'Test rounding on one bay.');
    fieldText(b.doc, 'tester').insert(0, 'Night sister');
    const watcher = connect(itemId, fay);
    await waitForDoc(watcher.doc, 'both edits to be stored', () => {
      const fields = readFields(watcher.doc, 'pdsa');
      return fields.objective !== '' && fields.tester !== '';
    });

    const context = await signedInContext(browser, workspace.url, fay);
    const page = await context.newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    const mark = page.getByTestId('changes-since-seen');
    await mark.waitFor({ timeout: TIMEOUT });
    expect(await mark.innerText()).toContain(
      'Changed since you last looked by Ann Allen, Bob Brown',
    );
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'overview-marks');

    await page
      .getByTestId('overview-item')
      .getByRole('link', { name: 'Rounding, cycle 1' })
      .click();
    const panel = page.getByRole('region', { name: 'Changes since you last looked' });
    await panel.waitFor({ timeout: TIMEOUT });
    const added = panel.locator('ins');
    await added.first().waitFor({ timeout: TIMEOUT });
    const texts = await added.allInnerTexts();
    // In the worksheet's order: the tester comes before the objective.
    expect(texts).toEqual(['Night sister [Bob Brown]', 'Test rounding on one bay. [Ann Allen]']);
    expect(await panel.innerText()).toContain('By Ann Allen, Bob Brown since');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'item-changes-since-seen');
    await panel.getByRole('button', { name: 'Dismiss, I have seen these' }).click();
    await panel.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await context.close();
  });

  it('compares a named version of a PDSA cycle with now field by field, and restores it', async () => {
    const itemId = await newPdsa('Rounding, cycle 2');
    const a = connect(itemId, ann);
    await a.whenSynced();
    fieldText(a.doc, 'objective').insert(0, 'Test rounding on one bay.');
    fieldText(a.doc, 'tester').insert(0, 'Night sister');
    const watcher = connect(itemId, fay);
    await waitForDoc(
      watcher.doc,
      'the plan to be stored',
      () => readFields(watcher.doc, 'pdsa').tester !== '',
    );
    await api(ann, 'POST', `/items/${itemId}/versions`, { name: 'Plan agreed' });
    const b = connect(itemId, bob);
    await b.whenSynced();
    fieldText(b.doc, 'objective').delete(5, 8);
    fieldText(b.doc, 'objective').insert(5, 'hourly checks');
    setFieldValue(b.doc, 'pdsa', 'decision', 'adapt');
    await waitForDoc(
      watcher.doc,
      'bob’s changes to be stored',
      () => readFields(watcher.doc, 'pdsa').decision === 'adapt',
    );

    const context = await signedInContext(browser, workspace.url, fay);
    const page = await context.newPage();
    await page.goto(`${workspace.url}/items/${itemId}`);
    await page.getByRole('link', { name: 'Versions and history' }).click();
    const versions = page.getByTestId('version');
    await versions.first().waitFor({ timeout: TIMEOUT });
    const named = versions.filter({ hasText: 'Plan agreed' });
    await named.getByRole('button', { name: /Compare with now/ }).click();
    const shown = page.getByTestId('history-shown');
    await shown.waitFor({ timeout: TIMEOUT });
    const text = await shown.innerText();
    expect(text).toContain('Objective');
    expect(await shown.locator('del').allInnerTexts()).toContain('rounding [deleted by Bob Brown]');
    expect(await shown.locator('ins').allInnerTexts()).toEqual(
      expect.arrayContaining(['hourly checks [Bob Brown]', 'adapt [Bob Brown]']),
    );
    // Only what changed: the tester is the same in both.
    expect(text).not.toContain('Tester');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'version-list-compare');

    // Who wrote what: each passage marked with its author, named in a legend.
    await page.getByRole('button', { name: 'Who wrote what' }).click();
    await shown.getByRole('heading', { name: 'Who wrote what' }).waitFor({ timeout: TIMEOUT });
    const legend = shown.getByRole('list', { name: 'Authors' });
    await legend.waitFor({ timeout: TIMEOUT });
    expect((await legend.getByRole('listitem').allInnerTexts()).sort()).toEqual([
      'Ann Allen',
      'Bob Brown',
    ]);
    expect(await shown.locator('[title="Bob Brown"]').allInnerTexts()).toContain('hourly checks');
    expect(await shown.locator('[title="Ann Allen"]').allInnerTexts()).toContain('Night sister');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'authorship');

    await named.getByRole('button', { name: /^Restore/ }).click();
    await named.getByRole('button', { name: 'Yes, restore' }).click();
    await page.getByText(/^Restored Plan agreed/).waitFor({ timeout: TIMEOUT });
    const restored = (client: StockClient) => () => {
      const fields = readFields(client.doc, 'pdsa');
      return fields.objective === 'Test rounding on one bay.' && fields.decision === null;
    };
    await Promise.all([
      waitForDoc(a.doc, 'ann to see the restore', restored(a)),
      waitForDoc(b.doc, 'bob to see the restore', restored(b)),
    ]);
    await versions
      .first()
      .filter({ hasText: 'Restored an earlier version' })
      .waitFor({ timeout: TIMEOUT });
    expect(await versions.nth(1).innerText()).toContain('Before a restore');
    await context.close();
  });
});
