/**
 * A lab's connections in the browser: from the lab overview to the picture and its
 * table, with the counts, passing axe at desktop and phone widths.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('connections made in a lab', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    owner = await givePassword(meta, workspace.owner, hash);
    const lab = { labId: workspace.labId };
    const nia = await addAccount(meta, 'Nia Nurse', hash, { ...lab, role: 'participant' });
    await meta.updateUser(owner.user.id, { profession: 'doctor' });
    const itemId = await addItem(meta, workspace.labId, 'shared-item');
    for (const [person, at] of [
      [owner, '2026-02-01T10:00:00.000Z'],
      [nia, '2026-02-03T10:00:00.000Z'],
    ] as const) {
      await meta.recordContribution({
        labId: workspace.labId,
        itemId,
        userId: person.user.id,
        firstAt: at,
      });
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  for (const width of [1280, 375]) {
    it(`shows the picture, the table and the counts at ${width} px`, async () => {
      const context = await signedInContext(browser, workspace.url, owner, {
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(`${workspace.url}/labs/${workspace.labId}`);
      await page.getByRole('link', { name: 'Connections made in this lab' }).click();
      const table = page.getByTestId('network-table');
      // The pair is named in either order.
      await expect
        .poll(() => table.innerText())
        .toMatch(/Olivia Owner and Nia Nurse|Nia Nurse and Olivia Owner/);
      expect(await table.innerText()).toContain('Yes');
      const counts = await page.getByTestId('network-counts').innerText();
      expect(counts).toContain('New connections made in this lab: 1');
      expect(counts).toContain('Between different professions: 100%');
      expect(
        await page.getByRole('img', { name: /2 members and 1 connection between/ }).count(),
      ).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
