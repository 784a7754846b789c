/**
 * Exports from the screens: a facilitator downloads the lab as Word and as a JSON
 * archive and imports the archive as a new lab; a participant exports one item;
 * a reviewer sees no export at all.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
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

describe('exports from the screens', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let facilitator: Account;
  let participant: Account;
  let reviewer: Account;
  let itemId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace({ config: { admin: null } });
    const hash = await testPasswordHash();
    const meta = workspace.server.meta;
    facilitator = await givePassword(meta, workspace.owner, hash);
    await meta.updateUser(workspace.owner.user.id, { canCreateLabs: true });
    participant = await addAccount(meta, 'Priya Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    reviewer = await addAccount(meta, 'Rob Reviewer', hash, {
      labId: workspace.labId,
      role: 'reviewer',
    });
    const response = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'note', title: 'Night rounding notes' },
    );
    itemId = ((await response.json()) as { item: { id: string } }).item.id;
    await apiWithToken(workspace.url, workspace.owner.token, 'PATCH', `/api/items/${itemId}`, {
      sharing: 'open_for_comment',
    });
    await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      {
        kind: 'note',
        title: 'Draft thoughts',
      },
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  async function download(
    page: Page,
    form: string,
    format: string,
  ): Promise<{ name: string; path: string }> {
    const region = page.getByRole('form', { name: form });
    await region.getByLabel('Format').selectOption(format);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Download' }).click(),
    ]);
    const path = await file.path();
    await expect
      .poll(() => region.getByTestId('export-status').innerText())
      .toContain('Downloaded');
    return { name: file.suggestedFilename(), path };
  }

  it('a facilitator downloads the lab as Word and as an archive, and imports the archive as a new lab', async () => {
    const context = await signedInContext(browser, workspace.url, facilitator, {
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    // Pages arrive as lazily loaded chunks: wait as for any element.
    await page.getByRole('form', { name: 'Export this lab' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const word = await download(page, 'Export this lab', 'docx');
    expect(word.name).toMatch(/\.docx$/);
    expect((await readFile(word.path)).subarray(0, 2).toString()).toBe('PK');

    const archive = await download(page, 'Export this lab', 'json');
    expect(archive.name).toMatch(/-archive\.json$/);
    const parsed = JSON.parse(await readFile(archive.path, 'utf8')) as {
      format: string;
      items: unknown[];
    };
    expect(parsed.format).toBe('improvement-lab-archive');
    expect(parsed.items.length).toBeGreaterThan(0);

    await page.goto(`${workspace.url}/`);
    await page.getByLabel('Archive file (.json)').setInputFiles(archive.path);
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.url()).not.toBe(`${workspace.url}/`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toContain(`Lab ${workspace.labId}`);
    expect(page.url()).not.toContain(workspace.labId);
    expect(await axeViolations(page)).toEqual([]);
    const events = workspace.server.meta.listAudit(workspace.labId, 50).map((e) => e.type);
    expect(events.filter((type) => type === 'export.created')).toHaveLength(2);
    await context.close();
  });

  it('a facilitator sees what each choice includes, is warned of an empty report, and the chosen chapters and order are remembered', async () => {
    const context = await signedInContext(browser, workspace.url, facilitator, {
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    const form = page.getByRole('form', { name: 'Export this lab' });
    await form.waitFor();
    // The lab has one note open for comment and one draft.
    await form.getByLabel('Items still in draft (1 item)').waitFor({ timeout: 15_000 });
    await form.getByLabel('Notes (1 item)').waitFor();
    await form.getByLabel('Measures (0 items)').waitFor();
    // The evaluation survey's chapter counts answers: nobody has answered this lab's survey.
    await form.getByLabel('Evaluation survey (0 answers)').waitFor();

    // Only the measures: nothing to report, said before anything is downloaded.
    for (const chapter of [
      'Summary',
      'Problem and aim',
      'Driver diagram',
      'Causes',
      'How the process runs',
      'Change ideas and PDSA cycles',
      'Notes',
    ]) {
      await form.getByLabel(new RegExp(`^${chapter} \\(`)).uncheck();
    }
    await form.getByTestId('export-empty-warning').waitFor();
    await form.getByRole('button', { name: 'Download' }).click();
    await form.getByTestId('export-status').filter({ hasText: 'nothing in it' }).waitFor();
    await form.getByRole('button', { name: 'Download the empty report' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Notes back in, moved above Measures by keyboard; the report follows that order.
    await form.getByLabel('Notes (1 item)').check();
    await form.getByTestId('export-empty-warning').waitFor({ state: 'detached' });
    await form.getByRole('button', { name: 'Move Notes up' }).focus();
    await page.keyboard.press('Enter');
    await form
      .getByTestId('export-status')
      .filter({ hasText: 'Notes moved to place 7 of 9' })
      .waitFor();
    await page.keyboard.press('Enter');
    const order = () =>
      form
        .locator('[data-section]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-section')));
    expect(await order()).toEqual([
      'summary',
      'problem',
      'drivers',
      'causes',
      'process',
      'notes',
      'ideas',
      'measures',
      'evaluation',
    ]);
    const markdown = await download(page, 'Export this lab', 'md');
    const text = await readFile(markdown.path, 'utf8');
    expect([...text.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Notes', 'Who took part']);

    // Remembered for this lab in this browser.
    await page.reload();
    await form.waitFor();
    await form.getByLabel('Notes (1 item)').waitFor({ timeout: 15_000 });
    expect(await order()).toEqual([
      'summary',
      'problem',
      'drivers',
      'causes',
      'process',
      'notes',
      'ideas',
      'measures',
      'evaluation',
    ]);
    expect(await form.getByLabel('Driver diagram (0 items)').isChecked()).toBe(false);
    expect(await form.getByLabel('Format').inputValue()).toBe('md');
    await context.close();
  });

  it('a participant exports one item; a reviewer has no export', async () => {
    const context = await signedInContext(browser, workspace.url, participant, {
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${workspace.url}/items/${itemId}`);
    await page.getByRole('form', { name: 'Export this item' }).waitFor();
    const markdown = await download(page, 'Export this item', 'md');
    expect(markdown.name).toMatch(/\.md$/);
    expect(await readFile(markdown.path, 'utf8')).toContain('Night rounding notes');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const patientContext = await signedInContext(browser, workspace.url, reviewer);
    const patient = await patientContext.newPage();
    await patient.goto(`${workspace.url}/items/${itemId}`);
    await patient.getByTestId('access-notice').waitFor();
    expect(await patient.getByRole('form', { name: /^Export/ }).count()).toBe(0);
    await patientContext.close();
  });
});
