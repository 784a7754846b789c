/**
 * The lab's versions in the browser: every item's versions listed together by day,
 * with the item, the name and who took part, filtered by item and to named versions,
 * each opening its item's version view; and a facilitator deleting versions older
 * than a date by keyboard, told first how many go, then that they went, the list
 * without them and the deletion in the audit trail. axe at 1280 and 375 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldText, readFields } from '../../shared/documents/item-doc';
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

const SHOTS = '/tmp/shots-lab-versions';
const TIMEOUT = 20_000;

describe('the lab’s versions', () => {
  let clock = Date.UTC(2026, 2, 3, 10);
  let workspace: TestWorkspace;
  let browser: Browser;
  let fay: Account;
  let ann: Account;
  const clients: StockClient[] = [];
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
  /** Ann types into an item's objective, and it is stored. */
  const type = async (itemId: string, text: string) => {
    const client = connectStockClient(workspace.url, itemId, workspace.auth(ann));
    clients.push(client);
    await client.whenSynced();
    fieldText(client.doc, 'objective').insert(0, text);
    const watcher = connectStockClient(workspace.url, itemId, workspace.auth(fay));
    clients.push(watcher);
    await waitForDoc(watcher.doc, 'the text to be stored', () =>
      String(readFields(watcher.doc, 'pdsa').objective).includes(text),
    );
  };
  const name = (itemId: string, versionName: string) =>
    api<{ version: { id: string } }>(ann, 'POST', `/items/${itemId}/versions`, {
      name: versionName,
    });
  const checkBothWidths = async (page: Page, shot: string) => {
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/${shot}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    // Versions only when asked for: the clock jumps days, which must not take automatic ones.
    workspace = await startTestWorkspace({
      now: () => new Date(clock),
      versionPolicy: { pauseMs: 86_400_000, maxIntervalMs: 30 * 86_400_000, sweepMs: 60_000 },
    });
    const hash = await testPasswordHash();
    fay = await givePassword(workspace.server.meta, workspace.owner, hash);
    ann = await addAccount(workspace.server.meta, 'Ann Allen', hash, {
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

  it('lists every item’s versions by day, filters them and opens one; a facilitator deletes old ones', async () => {
    const rounding = await newPdsa('Rounding, cycle 1');
    const falls = await newPdsa('Falls huddle');
    const minute = () => {
      clock += 60_000;
    };
    await type(rounding, 'Test rounding on one bay.');
    minute();
    await name(rounding, 'Agreed at lab meeting 3');
    minute();
    await type(falls, 'Huddle at handover.');
    await name(falls, 'First draft');
    clock = Date.UTC(2026, 2, 10, 10);
    await type(rounding, 'Hourly checks. ');
    minute();
    const meeting4 = await name(rounding, 'Agreed at lab meeting 4');
    minute();
    // A restore is a version that is not a named one (the present, just named, is its undo point).
    const first = (
      await api<{ versions: { id: string; name: string | null }[] }>(
        ann,
        'GET',
        `/items/${rounding}/versions`,
      )
    ).versions.find((v) => v.name === 'Agreed at lab meeting 3');
    await api(ann, 'POST', `/items/${rounding}/versions/${first?.id}/restore`);

    const context = await signedInContext(browser, workspace.url, fay);
    const page = await context.newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    await page.getByRole('link', { name: 'Versions of the lab’s items, by date' }).click();
    await page.getByRole('heading', { name: 'Versions of the lab’s items' }).waitFor({
      timeout: TIMEOUT,
    });
    const days = page.getByTestId('lab-versions-day');
    await days.first().waitFor({ timeout: TIMEOUT });
    expect(await days.locator('h2').allInnerTexts()).toEqual(['10 March 2026', '3 March 2026']);
    const entries = page.getByTestId('lab-version');
    const titles = async () =>
      (await entries.getByRole('link').allInnerTexts()).map((text) => text.trim());
    expect(await titles()).toEqual([
      'Rounding, cycle 1: Restored an earlier version',
      'Rounding, cycle 1: Agreed at lab meeting 4',
      'Falls huddle: First draft',
      'Rounding, cycle 1: Agreed at lab meeting 3',
    ]);
    expect(await entries.nth(1).innerText()).toContain('Changes by Ann Allen');
    await checkBothWidths(page, 'list');

    // Filters, by keyboard: named versions only, then one item.
    await page.getByLabel('Named versions only').focus();
    await page.keyboard.press('Space');
    await expect
      .poll(titles)
      .toEqual([
        'Rounding, cycle 1: Agreed at lab meeting 4',
        'Falls huddle: First draft',
        'Rounding, cycle 1: Agreed at lab meeting 3',
      ]);
    await page.getByLabel('Item').selectOption({ label: 'Falls huddle' });
    await expect.poll(titles).toEqual(['Falls huddle: First draft']);
    expect(await page.getByTestId('lab-versions-count').innerText()).toBe('1 version over 1 day.');
    await page.getByLabel('Item').selectOption({ label: 'All items' });
    await page.getByLabel('Named versions only').uncheck();

    // Retention by keyboard: the date, Enter, the count to confirm, then Yes.
    const date = page.getByLabel('Delete versions older than');
    await date.fill('2026-03-05');
    await date.press('Enter');
    const confirm = page.getByTestId('retention-confirm');
    await confirm.waitFor({ timeout: TIMEOUT });
    expect(await confirm.innerText()).toContain(
      '2 versions taken before 5 March 2026 will be deleted',
    );
    await expect
      .poll(() =>
        page.evaluate(() => {
          // Not the page itself, whose text holds the confirmation whatever has the focus.
          const focused = document.activeElement;
          return focused && focused !== document.body ? (focused.textContent ?? '') : '';
        }),
      )
      .toContain('Delete 2 versions?');
    await checkBothWidths(page, 'retention-confirm');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('retention-result');
    await expect
      .poll(() => result.innerText())
      .toBe('Deleted 2 versions taken before 5 March 2026.');
    await confirm.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await expect.poll(() => days.locator('h2').allInnerTexts()).toEqual(['10 March 2026']);
    expect(await titles()).toEqual([
      'Rounding, cycle 1: Restored an earlier version',
      'Rounding, cycle 1: Agreed at lab meeting 4',
    ]);
    await checkBothWidths(page, 'after-deleting');
    const audit = workspace.server.meta.listAudit(workspace.labId, 20);
    expect(audit.find((e) => e.type === 'history.versions_deleted')?.details).toMatchObject({
      before: '2026-03-05',
      versions: 2,
    });

    // A version opens in its item's version view.
    await page.getByRole('link', { name: 'Rounding, cycle 1: Agreed at lab meeting 4' }).click();
    const shown = page.getByTestId('history-shown');
    await shown.waitFor({ timeout: TIMEOUT });
    expect(await shown.getByRole('heading').first().innerText()).toContain(
      'Agreed at lab meeting 4',
    );
    expect(await shown.innerText()).toContain('Hourly checks.');
    expect(page.url()).toContain(`version=${meeting4.version.id}`);
    await context.close();
  });
});
