/**
 * The portfolio in the browser: reached from the header by someone who may create labs
 * (and not offered to a participant), every lab's row with its measure's icons named in
 * words, the filters and the CSV link following them, passing axe at desktop and phone
 * widths.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addRow, initItemDoc, setFieldValue } from '../../shared/documents/item-doc';
import { addItem } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  axeViolations,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const VALUES = [30, 32, 29, 31, 33, 30, 28, 31, 30, 29, 32, 31, 30, 45];

describe('the portfolio page', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let lead: Account;
  let participant: Account;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta, store } = workspace.server;
    const hash = await testPasswordHash();
    lead = await givePassword(meta, workspace.owner, hash);
    await meta.updateUser(lead.user.id, { canCreateLabs: true });
    participant = await addAccount(meta, 'Pia Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    await meta.updateLab(workspace.labId, { title: 'Fewer falls', phase: 'test' });
    const measure = new Y.Doc();
    initItemDoc(measure, 'measure', 'Waiting time');
    setFieldValue(measure, 'measure', 'direction', 'up');
    setFieldValue(measure, 'measure', 'target', 20);
    setFieldValue(measure, 'measure', 'rules', 'mdc');
    setFieldValue(measure, 'measure', 'controlChart', 'xmr');
    VALUES.forEach((value, i) => {
      addRow(measure, 'measure', 'points', `w${i}`, {
        period: `2026-${String(i + 1).padStart(2, '0')}`,
        value,
      });
    });
    await store.append('wait-measure', Y.encodeStateAsUpdate(measure)).durable;
    await addItem(workspace.server.meta, workspace.labId, 'wait-measure', { kind: 'measure' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  for (const width of [1280, 375]) {
    it(`shows every lab with its icons, filters and CSV link at ${width} px`, async () => {
      const context = await signedInContext(browser, workspace.url, lead, {
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(`${workspace.url}/`);
      await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
      const table = page.getByTestId('portfolio-table');
      await expect.poll(() => table.innerText()).toContain('Fewer falls');
      const text = await table.innerText();
      expect(text).toContain('Test');
      expect(text).toContain('Nurse: 2');
      expect(text).toContain('Waiting time');
      // Each icon's meaning is in words (its kind read out, its label shown).
      expect(await table.getByText('Variation: Special cause improvement (high)').count()).toBe(1);
      expect(await table.getByText('Assurance: Consistently passing the target').count()).toBe(1);
      expect(await table.locator('svg[aria-hidden="true"]').count()).toBe(2);
      // A wide table scrolls in its own region: the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Phase').selectOption('develop');
      await page.getByRole('button', { name: 'Filter' }).click();
      await expect.poll(() => page.getByText('No lab matches these filters.').count()).toBe(1);
      const csv = page.getByRole('link', { name: 'Download these labs as CSV' });
      expect(await csv.getAttribute('href')).toBe('/api/portfolio.csv?phase=develop');

      await page.getByLabel('Phase').selectOption('test');
      await page.getByLabel('Words in the title or challenge').fill('falls');
      await page.getByRole('button', { name: 'Filter' }).click();
      await expect.poll(() => table.innerText()).toContain('Fewer falls');
      expect(await csv.getAttribute('href')).toBe('/api/portfolio.csv?phase=test&q=falls');
      const download = await page.request.get(`${workspace.url}/api/portfolio.csv?q=falls`);
      expect(await download.text()).toContain('Fewer falls,test');
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('is not offered to a participant', async () => {
    const context = await signedInContext(browser, workspace.url, participant);
    const page = await context.newPage();
    await page.goto(`${workspace.url}/`);
    await expect.poll(() => page.getByRole('link', { name: 'My comments' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Portfolio', exact: true }).count()).toBe(0);
    await page.goto(`${workspace.url}/portfolio`);
    await expect
      .poll(() => page.getByText('Only administrators and people who may create labs').count())
      .toBe(1);
    await context.close();
  });
});
