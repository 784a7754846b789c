/**
 * The lab's work in the browser: the problem screen builds the aim sentence as
 * its parts are filled in; a change idea's fields place it on the PICK chart;
 * the ideas page shows three ideas as a list, a board (a card moved by its
 * status select, from the keyboard) and a PICK chart; the overview shows the
 * aim, unresolved comments and recent changes, and a facilitator renames,
 * reorders, archives and shares items. An observer sees every screen without
 * edit controls. axe finds no WCAG 2.2 A/AA violations on any of them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aimSentence, EMPTY_AIM_PROMPT } from '../../shared/documents/aim-sentence';
import {
  type FieldValue,
  fieldText,
  readFields,
  setFieldValue,
} from '../../shared/documents/item-doc';
import type { ItemKind } from '../../shared/schemas/records';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  axeViolations,
  givePassword,
  heading,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const AIM =
  'Reduce inpatient falls for patients on Ward 7 from 6.1 to 4 falls per 1,000 occupied bed days by 31 March 2027.';
const IDEAS = {
  rounding: 'Intentional rounding at night',
  card: 'A patient-held mobility card',
  leaflet: 'A falls leaflet on admission',
} as const;

/** Waits for a page or the server to catch up; generous, because suites share the machine. */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Form controls inside an element: a reader must have none (a term's "?" explains, changes nothing). */
const controls = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator(
      'input, select, textarea, button:not(.app-glossary__button), [contenteditable="true"]',
    );

describe('the lab’s work: problem and aim, change ideas, overview', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;
  let facilitator: Page;
  let observer: Page;
  const ids = { problem: '', rounding: '', card: '', leaflet: '', visit: '', huddle: '' };

  async function createItem(kind: ItemKind, title: string): Promise<string> {
    const response = await apiWithToken(
      workspace.url,
      owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind, title },
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { item: { id: string } }).item.id;
  }

  async function fillIdea(id: string, values: Record<string, FieldValue>, ownerName: string) {
    await workspace.server.registry.change(id, (doc) => {
      for (const [name, value] of Object.entries(values)) setFieldValue(doc, 'idea', name, value);
      fieldText(doc, 'owner').insert(0, ownerName);
    });
  }

  const readIdea = (id: string) =>
    workspace.server.registry.read(id, (doc) => readFields(doc, 'idea'));

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    owner = await givePassword(meta, workspace.owner, hash);
    const oscar = await addAccount(meta, 'Oscar Observer', hash, {
      labId: workspace.labId,
      role: 'observer',
    });
    ids.problem = await createItem('problem', 'Falls on Ward 7: problem and aim');
    ids.rounding = await createItem('idea', IDEAS.rounding);
    ids.card = await createItem('idea', IDEAS.card);
    ids.leaflet = await createItem('idea', IDEAS.leaflet);
    ids.visit = await createItem('note', 'Ward visit notes');
    ids.huddle = await createItem('note', 'Huddle notes');
    const cardValues = { impact: 'high', effort: 'hard', status: 'testing', source: 'patient' };
    await fillIdea(ids.card, cardValues, 'Physiotherapy lead');
    await fillIdea(ids.leaflet, { impact: 'low', effort: 'easy', status: 'idea' }, '');
    await meta.updateItem(ids.problem, { openComments: 3 });
    browser = await launchBrowser();
    facilitator = await (await signedInContext(browser, workspace.url, owner)).newPage();
    observer = await (await signedInContext(browser, workspace.url, oscar)).newPage();
    // A missing element fails with its name rather than hanging until the test times out.
    for (const page of [facilitator, observer]) page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('builds the aim sentence live as the aim’s parts are filled in, and stores the parts', async () => {
    const page = facilitator;
    await page.goto(`${workspace.url}/items/${ids.problem}`);
    await eventually(() => heading(page)).toContain('Falls on Ward 7: problem and aim');
    const sentence = page.getByTestId('aim-sentence');
    const prompt = page.getByTestId('aim-prompt');
    await eventually(() => prompt.innerText()).toBe(EMPTY_AIM_PROMPT);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('What is the problem?').fill('Unwitnessed falls at night');
    await page.getByLabel('What will improve?').fill('Inpatient falls');
    await eventually(() => sentence.innerText()).toBe('Improve inpatient falls.');
    await page.getByLabel('For whom?').fill('patients on Ward 7');
    await page.getByLabel('Baseline', { exact: true }).fill('6.1');
    await page.getByLabel('Unit', { exact: true }).fill('falls per 1,000 occupied bed days');
    await page.getByLabel('Direction of improvement').selectOption('decrease');
    await page.getByLabel('By when', { exact: true }).fill('2027-03-31');
    await eventually(() => prompt.innerText()).toBe('Add a target to complete the aim.');
    expect(await sentence.innerText()).toBe(
      'Reduce inpatient falls for patients on Ward 7 from 6.1 falls per 1,000 occupied bed days by 31 March 2027.',
    );
    await page.getByLabel('Target', { exact: true }).fill('4');
    await eventually(() => sentence.innerText()).toBe(AIM);
    expect(await prompt.innerText()).toContain('The aim has every part');
    expect(await axeViolations(page)).toEqual([]);
    // The parts are stored as fields of the document, so exports and charts read the same aim.
    await eventually(() =>
      workspace.server.registry.read(ids.problem, (doc) => aimSentence(readFields(doc, 'problem'))),
    ).toBe(AIM);
  });

  it('shows an observer the problem and aim with no form controls', async () => {
    await observer.goto(`${workspace.url}/items/${ids.problem}`);
    await eventually(() => observer.getByTestId('aim-sentence').innerText()).toBe(AIM);
    expect(await observer.getByTestId('problem-fields').innerText()).toContain(
      'Unwitnessed falls at night',
    );
    expect(await observer.getByTestId('aim-fields').innerText()).toMatch(
      /Baseline\s*6\.1[\s\S]*Target\s*4[\s\S]*By when\s*31 March 2027/,
    );
    expect(await controls(observer, 'problem-fields').count()).toBe(0);
    expect(await controls(observer, 'aim-statement').count()).toBe(0);
    expect(await observer.locator('[data-testid="problem-editor"] input').count()).toBe(0);
    expect(await observer.locator('[data-testid="problem-editor"] select').count()).toBe(0);
    expect(await axeViolations(observer)).toEqual([]);
  });

  it('places a change idea on the PICK chart from its impact and effort', async () => {
    const page = facilitator;
    await page.goto(`${workspace.url}/items/${ids.rounding}`);
    await eventually(() => heading(page)).toContain(IDEAS.rounding);
    const pick = page.getByTestId('idea-pick');
    await eventually(() => pick.innerText()).toContain('Set its impact and effort');
    await page.getByLabel('Source', { exact: true }).selectOption('evidence');
    await page.getByLabel('Impact', { exact: true }).selectOption('high');
    await page.getByLabel('Effort', { exact: true }).selectOption('easy');
    await page.getByLabel('Status', { exact: true }).selectOption('testing');
    await page.getByLabel('Owner', { exact: true }).fill('Night sister');
    await eventually(() => pick.innerText()).toBe(
      'On the PICK chart: Implement (high impact, easy to do).',
    );
    expect(await page.getByTestId('linked-drivers').innerText()).toContain(
      'No driver diagram links to this idea yet.',
    );
    expect(await axeViolations(page)).toEqual([]);
    await eventually(async () => (await readIdea(ids.rounding)).owner).toBe('Night sister');
  });

  it('lists the ideas, shows them on the PICK chart and a board, where a card moves by its status', async () => {
    const page = facilitator;
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    await page.getByRole('link', { name: 'Change ideas: list, board and PICK chart' }).click();
    await eventually(() => heading(page)).toBe(`Lab ${workspace.labId} Change ideas`);
    const row = (title: string) =>
      page.getByTestId('idea-table').getByRole('row').filter({ hasText: title }).innerText();
    // Each idea's fields arrive with the lab's items once the server has read them: wait for each row.
    await eventually(() => row(IDEAS.rounding)).toMatch(
      /Testing\s+High\s+Easy\s+Implement\s+Evidence\s+Night sister/,
    );
    await eventually(() => row(IDEAS.card)).toMatch(
      /Testing\s+High\s+Hard\s+Challenge\s+Patient idea\s+Physiotherapy lead/,
    );
    await eventually(() => row(IDEAS.leaflet)).toMatch(
      /Idea\s+Low\s+Easy\s+Possible\s+Not set\s+Not set/,
    );
    expect(await page.getByTestId('pick-implement').innerText()).toContain(IDEAS.rounding);
    expect(await page.getByTestId('pick-challenge').innerText()).toContain(IDEAS.card);
    expect(await page.getByTestId('pick-possible').innerText()).toContain(IDEAS.leaflet);
    expect(await page.getByTestId('pick-kill').innerText()).toMatch(/Kill \(0\)[\s\S]*None/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Show as a board' }).click();
    const column = (status: string) => page.getByTestId(`board-column-${status}`);
    await eventually(() => column('testing').innerText()).toContain(IDEAS.card);
    expect(await column('testing').innerText()).toContain(IDEAS.rounding);
    expect(await column('idea').innerText()).toContain(IDEAS.leaflet);
    expect(await axeViolations(page)).toEqual([]);

    // From the keyboard: focus the card's status, choose another; the card moves and keeps focus.
    await page.getByLabel(`Status of ${IDEAS.leaflet}`).focus();
    await page.getByLabel(`Status of ${IDEAS.leaflet}`).selectOption('adopted');
    await eventually(() => column('adopted').innerText()).toContain(IDEAS.leaflet);
    expect(await column('idea').innerText()).not.toContain(IDEAS.leaflet);
    await eventually(() =>
      page.evaluate(() =>
        document.activeElement
          ?.closest('[data-testid^="board-column-"]')
          ?.getAttribute('data-testid'),
      ),
    ).toBe('board-column-adopted');
    expect(await page.getByRole('status').filter({ hasText: 'moved to' }).innerText()).toBe(
      `“${IDEAS.leaflet}” moved to Adopted.`,
    );
    await eventually(async () => (await readIdea(ids.leaflet)).status).toBe('adopted');
  });

  it('shows an observer the ideas list, board and PICK chart without edit controls', async () => {
    await observer.goto(`${workspace.url}/labs/${workspace.labId}/ideas`);
    await eventually(() => observer.getByTestId('idea-table').innerText()).toMatch(
      /A falls leaflet on admission\s+Adopted/,
    );
    expect(await observer.getByRole('heading', { name: 'Add a change idea' }).count()).toBe(0);
    expect(await axeViolations(observer)).toEqual([]);
    await observer.getByRole('button', { name: 'Show as a board' }).click();
    await eventually(() => observer.getByTestId('idea-card').count()).toBe(3);
    expect(await controls(observer, 'idea-board').count()).toBe(0);
    expect(await controls(observer, 'pick-chart').count()).toBe(0);
    expect(await axeViolations(observer)).toEqual([]);
  });

  it('shows the aim, comments and recent changes; a facilitator reorders, renames, shares and archives', async () => {
    const page = facilitator;
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    await eventually(() => page.getByTestId('overview-aim-sentence').innerText()).toBe(AIM);
    const problemGroup = page.getByTestId('group-problem');
    expect(await problemGroup.innerText()).toContain('3 unresolved comments');
    expect(await page.getByTestId('group-idea').innerText()).toContain('Change ideas (3)');
    expect(await page.getByTestId('recent-changes').innerText()).toContain('by you');
    expect(await axeViolations(page)).toEqual([]);

    const notes = page.getByTestId('group-note');
    const noteOrder = async () =>
      (await notes.locator('.app-item__title').allInnerTexts()).join(' | ');
    expect(await noteOrder()).toBe('Ward visit notes | Huddle notes');
    await page.getByRole('button', { name: 'Move up Huddle notes' }).click();
    await eventually(noteOrder).toBe('Huddle notes | Ward visit notes');
    // Now first, it cannot move up: focus is on its "Move down" button.
    await eventually(() => page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Move down Huddle notes',
    );

    await page.getByText('Change Ward visit notes').click();
    await page.getByLabel('Title of Ward visit notes').fill('Ward 7 visit notes');
    await page.getByRole('button', { name: 'Rename Ward visit notes' }).click();
    const notice = page.getByTestId('items-notice');
    await eventually(() => notice.innerText()).toBe(
      '“Ward visit notes” is now called “Ward 7 visit notes”.',
    );
    await eventually(noteOrder).toBe('Huddle notes | Ward 7 visit notes');

    await page.getByText('Change Huddle notes').click();
    await page.getByLabel('Sharing of Huddle notes').selectOption('open_for_comment');
    await page.getByRole('button', { name: 'Save sharing of Huddle notes' }).click();
    await eventually(() => notice.innerText()).toBe('“Huddle notes” is now open for comment.');
    await eventually(() => notes.getByTestId('overview-item').first().innerText()).toContain(
      'Sharing: open for comment.',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Archive Ward 7 visit notes' }).click();
    const confirmation = page.getByTestId('archive-item-confirmation');
    await eventually(() =>
      page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
    ).toBe('archive-item-confirmation');
    expect(await confirmation.innerText()).toContain('Archive “Ward 7 visit notes”?');
    expect(await axeViolations(page)).toEqual([]);
    await confirmation.getByRole('button', { name: 'Yes, archive “Ward 7 visit notes”' }).click();
    await eventually(() => page.getByTestId('archived-items').innerText()).toContain(
      'Ward 7 visit notes',
    );
    await eventually(noteOrder).toBe('Huddle notes');
    expect(await notice.innerText()).toContain('has been archived');
    expect(await axeViolations(page)).toEqual([]);

    const response = await apiWithToken(
      workspace.url,
      owner.token,
      'GET',
      `/api/labs/${workspace.labId}/items`,
    );
    const { items } = (await response.json()) as {
      items: Array<{ id: string; title: string; sharing: string; archived: boolean }>;
    };
    expect(items.find((item) => item.id === ids.visit)).toMatchObject({
      title: 'Ward 7 visit notes',
      archived: true,
    });
    expect(items.find((item) => item.id === ids.huddle)?.sharing).toBe('open_for_comment');
  });

  it('shows an observer the overview with names and no management controls', async () => {
    await observer.goto(`${workspace.url}/labs/${workspace.labId}`);
    await eventually(() => observer.getByTestId('overview-aim-sentence').innerText()).toBe(AIM);
    // Names come from the member list, fetched beside the items.
    await eventually(() => observer.getByTestId('recent-changes').innerText()).toContain(
      'by Olivia Owner',
    );
    expect(await observer.getByTestId('archived-items').innerText()).toContain(
      'Ward 7 visit notes',
    );
    expect(await controls(observer, 'item-list').count()).toBe(0);
    expect(await controls(observer, 'archived-items').count()).toBe(0);
    expect(await observer.getByTestId('item-list').locator('details').count()).toBe(0);
    expect(await axeViolations(observer)).toEqual([]);
  });
});
