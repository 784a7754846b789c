/**
 * A facilitator takes a workshop board's outcomes into the lab's diagrams: a note that
 * looks like personal data is explained and kept only with a reason; a cluster renamed
 * by keyboard (announced, focus kept, undone and redone with the keys); the cluster
 * added as a driver under a primary driver and a note as a cause under a category, each
 * then linked from the board, and the links followed both ways (the driver's panel and
 * the fishbone's cause lead back to the board). Axe checks the board with the new
 * controls open at 1280 px and on a 375 px phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRow } from '../../shared/documents/item-doc';
import { launchBrowser } from '../helpers/browser';
import {
  apiWithToken,
  axeViolations,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { connectStockClient, type StockClient } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const WAIT = { timeout: 15_000 };
const SHOTS = process.env.SHOTS_DIR;

describe('a workshop board’s clusters and notes in the lab’s diagrams', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let page: Page;
  const ids = { board: '', diagram: '', fishbone: '' };
  const seeders: StockClient[] = [];

  const create = async (kind: string, title: string) => {
    const response = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind, title },
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { item: { id: string } }).item.id;
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const fac = await givePassword(
      workspace.server.meta,
      workspace.owner,
      await testPasswordHash(),
    );
    ids.board = await create('workshop', 'Night-time workshop');
    ids.diagram = await create('drivers', 'Quieter nights');
    ids.fishbone = await create('fishbone', 'Why patients sleep badly');
    const note = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/items/${ids.board}/workshop/notes`,
      { text: 'Doors bang at 3am' },
    );
    expect(note.status).toBe(201);
    // What a team would have drawn already: a cluster, a primary driver, a category.
    const seed = async (docId: string, write: (client: StockClient) => void) => {
      const client = connectStockClient(workspace.url, docId, workspace.auth());
      seeders.push(client);
      await client.whenSynced();
      write(client);
    };
    await seed(ids.board, (c) => addRow(c.doc, 'workshop', 'clusters', 'c1', { label: 'Noise' }));
    await seed(ids.diagram, (c) =>
      addRow(c.doc, 'drivers', 'nodes', 'p1', { type: 'primary', label: 'A calm ward' }),
    );
    await seed(ids.fishbone, (c) =>
      addRow(c.doc, 'fishbone', 'categories', 'k1', { label: 'Environment' }),
    );
    browser = await launchBrowser();
    page = await (await signedInContext(browser, workspace.url, fac)).newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${workspace.url}/items/${ids.board}`);
    await page.getByRole('heading', { name: 'Noise', exact: true }).waitFor(WAIT);
  });

  afterAll(async () => {
    for (const client of seeders) client.destroy();
    await browser?.close();
    await workspace?.stop();
  });

  const cluster = (name: string) =>
    page.locator('section.workshop__cluster', {
      has: page.getByRole('heading', { name, exact: true }),
    });
  const note = (text: string) => page.locator('.workshop__note', { hasText: text });
  const said = () => page.getByTestId('workshop-said').innerText();
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement)
        return `${element.tagName.toLowerCase()}: ${element.labels?.[0]?.textContent ?? ''}`;
      return element?.textContent ?? '';
    });

  it('asks before adding a note that looks like personal data', async () => {
    const box = page.getByLabel(/^Your note/);
    await box.fill('Ring the night sister on 07700 900123 when doors bang');
    await page.getByRole('button', { name: 'Add note' }).click();
    const notice = page.getByTestId('personal-data-notice');
    await notice.waitFor(WAIT);
    expect(await notice.innerText()).toContain('This looks like a phone number');
    await notice.getByRole('button', { name: 'Remove it' }).click();
    expect(await box.inputValue()).toBe('Ring the night sister on when doors bang');
    await box.fill('Ring the night sister on 07700 900123 when doors bang');
    await page.getByRole('button', { name: 'Add note' }).click();
    await notice.getByRole('button', { name: 'Post anyway' }).click();
    await notice.getByLabel('Why does it need to stay?').fill('The ward’s own phone');
    await notice.getByRole('button', { name: 'Post with this reason' }).click();
    await note('07700 900123').waitFor(WAIT);
    await expect.poll(() => notice.count(), WAIT).toBe(0);
    expect(workspace.server.meta.listPersonalDataFlags(workspace.labId)).toHaveLength(1);
  });

  it('renames a cluster by keyboard, announced, and undoes and redoes it with the keys', async () => {
    await cluster('Noise').getByRole('button', { name: 'Rename cluster “Noise”' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused, WAIT).toBe('input: New name for “Noise”');
    await page.keyboard.type('Noise at night');
    await page.keyboard.press('Escape');
    // Escape leaves it as it was.
    await expect.poll(focused, WAIT).toContain('Rename');
    expect(await cluster('Noise').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Noise at night');
    await page.keyboard.press('Enter');
    await cluster('Noise at night').waitFor(WAIT);
    await expect.poll(said, WAIT).toBe('Cluster “Noise” renamed to “Noise at night”.');
    await expect.poll(focused, WAIT).toBe('Rename cluster “Noise at night”');
    await page.keyboard.press('Control+z');
    await cluster('Noise').waitFor(WAIT);
    await page.keyboard.press('Control+Shift+z');
    await cluster('Noise at night').waitFor(WAIT);
  });

  it('adds the cluster as a driver and a note as a cause, linked from the board', async () => {
    const box = cluster('Noise at night');
    await box.getByRole('button', { name: 'Add as a driver (“Noise at night”)' }).click();
    await box.getByLabel('Driver diagram').waitFor(WAIT);
    // The form takes the keyboard at its first field.
    await expect.poll(focused, WAIT).toBe('select: Driver diagram');
    await box.getByLabel('Under the primary driver').selectOption({ label: 'A calm ward' });
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS)
      await page.screenshot({ path: `${SHOTS}/workshop-outcomes-1280.png`, fullPage: true });
    await box.getByRole('button', { name: 'Add as a driver', exact: true }).click();
    await box.getByRole('link', { name: '“Quieter nights”' }).waitFor(WAIT);
    expect(await box.locator('.workshop__diagrams').first().innerText()).toContain(
      'Added as a driver in “Quieter nights”',
    );
    await expect.poll(said, WAIT).toBe('“Noise at night” is now a driver in “Quieter nights”.');

    // A note offers them when asked, so each of a board's many cards stays a few buttons.
    const card = note('Doors bang at 3am');
    expect(await card.getByRole('button', { name: /^Add as a/ }).count()).toBe(0);
    const use = card.getByRole('button', { name: 'Use as… (“Doors bang at 3am”)' });
    expect(await use.getAttribute('aria-expanded')).toBe('false');
    await use.click();
    expect(await use.getAttribute('aria-expanded')).toBe('true');
    await card.getByRole('button', { name: 'Add as a cause (“Doors bang at 3am”)' }).click();
    await card.getByLabel('Fishbone').waitFor(WAIT);
    await card.getByLabel('Category').selectOption({ label: 'Environment' });
    await card.getByRole('button', { name: 'Add as a cause', exact: true }).click();
    await card.getByRole('link', { name: '“Why patients sleep badly”' }).waitFor(WAIT);
    expect(await card.innerText()).toContain('Added as a cause in “Why patients sleep badly”');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('follows the links both ways', async () => {
    await cluster('Noise at night').getByRole('link', { name: '“Quieter nights”' }).click();
    await page.waitForURL(`**/items/${ids.diagram}`, WAIT);
    await page.locator('.driver-cell', { hasText: 'Noise at night' }).click();
    const panel = page.getByTestId('driver-panel');
    await expect.poll(() => panel.innerText(), WAIT).toContain('Selected secondary driver');
    await panel.getByRole('link', { name: 'see the workshop board it came from' }).click();
    await page.waitForURL(`**/items/${ids.board}`, WAIT);

    await note('Doors bang at 3am')
      .getByRole('link', { name: '“Why patients sleep badly”' })
      .click();
    await page.waitForURL(`**/items/${ids.fishbone}`, WAIT);
    const cause = page.locator('.fishbone-editor__cause', {
      has: page.getByTestId('board-origin'),
    });
    await cause.waitFor(WAIT);
    const back = cause.getByRole('link', { name: 'see the workshop board it came from' });
    expect(await back.getAttribute('href')).toBe(`/items/${ids.board}`);
    await back.click();
    await page.waitForURL(`**/items/${ids.board}`, WAIT);

    // A phone: the board with a form of the new controls open.
    await page.setViewportSize({ width: 375, height: 800 });
    const card = note('07700 900123');
    await card.getByRole('button', { name: /^Use as…/ }).click();
    await card.getByRole('button', { name: /^Add as a driver/ }).click();
    await card.getByLabel('Driver diagram').waitFor(WAIT);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS)
      await page.screenshot({ path: `${SHOTS}/workshop-outcomes-375.png`, fullPage: true });
    // Cancel gives the keyboard back to the button that opened the form.
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(focused, WAIT).toMatch(/^Add as a driver \(“Ring the night sister/);
  });
});
