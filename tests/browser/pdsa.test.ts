/**
 * The PDSA worksheet with real people in real Chromium: two participants, in
 * separate browser contexts, fill in one cycle at the same time (one in Plan,
 * one in Do) and see each other's work live, with field presence; a reload
 * keeps everything; an observer reads the same cycle with no edit controls.
 * The lab's change idea and an earlier cycle of it are made through the API and
 * the server, so the header's "change idea tested" and "follows" choices are real.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldText, setFieldValue } from '../../shared/documents/item-doc';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  axeViolations,
  heading,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { createItem } from '../helpers/lab-items';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const OBJECTIVE = 'Learn whether night HCAs can offer the toilet at every round';
const QUESTION = 'Will patients accept a toilet offer at 2am?';
const PREDICTION = 'Most will accept; a few will be asleep';
const OBSERVATIONS = 'Two patients declined because they were asleep';

const worksheet = (page: Page) => page.getByTestId('pdsa-worksheet');
const objective = (page: Page) => page.getByLabel('Objective', { exact: true });
const planQuestion = (page: Page) => page.getByRole('group', { name: 'Question 1', exact: true });
const asPlanned = (page: Page) => page.getByRole('group', { name: 'Carried out as planned?' });
const observations = (page: Page) =>
  page.getByRole('textbox', { name: 'Observations', exact: true });
const saveState = (page: Page) => page.getByTestId('save-status').getAttribute('data-save-state');

describe('the PDSA worksheet in the browser', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let carolAccount: Account;
  let alice: Page;
  let bob: Page;
  let cycleUrl: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const membership = { labId: workspace.labId, role: 'participant' } as const;
    const aliceAccount = await addAccount(meta, 'Alice Nurse', hash, membership);
    const bobAccount = await addAccount(meta, 'Bob Porter', hash, membership);
    carolAccount = await addAccount(meta, 'Carol Analyst', hash, {
      labId: workspace.labId,
      role: 'observer',
    });
    const ideaId = await createItem(workspace, 'idea', 'Intentional rounding');
    const firstCycle = await createItem(workspace, 'pdsa', 'Rounding, first try');
    const cycle = await createItem(workspace, 'pdsa', 'Rounding, second try');
    // The earlier cycle already tests the idea as cycle "1", as if written last week.
    await workspace.server.registry.change(firstCycle, (doc) => {
      fieldText(doc, 'label').insert(0, '1');
      setFieldValue(doc, 'pdsa', 'ideaId', ideaId);
    });
    cycleUrl = `${workspace.url}/items/${cycle}`;
    browser = await launchBrowser();
    alice = await (await signedInContext(browser, workspace.url, aliceAccount)).newPage();
    bob = await (await signedInContext(browser, workspace.url, bobAccount)).newPage();
    // A missing element fails its step with a locator error, well inside the test's own timeout.
    for (const page of [alice, bob]) page.setDefaultTimeout(10_000);
    await Promise.all([alice.goto(cycleUrl), bob.goto(cycleUrl)]);
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('shows the worksheet: header, the four stages and a way to jump to each', async () => {
    await expect.poll(() => heading(alice)).toContain('Rounding, second try');
    for (const stage of ['Plan', 'Do', 'Study', 'Act']) {
      const stageHeading = alice.getByRole('heading', { name: stage, level: 2, exact: true });
      // The worksheet is its own lazily loaded chunk: wait for it as for any element.
      await stageHeading.waitFor();
      expect(await stageHeading.count()).toBe(1);
    }
    const jump = alice.getByRole('navigation', { name: 'Worksheet stages' });
    expect(await jump.innerText()).toBe('Jump to: Plan · Do · Study · Act');
    await jump.getByRole('link', { name: 'Study' }).click();
    await expect.poll(() => new URL(alice.url()).hash).toBe('#pdsa-study');
    await worksheet(bob).waitFor();
  });

  it('the header offers the lab’s change ideas, then that idea’s earlier cycles to follow', async () => {
    await alice.getByLabel('Change idea tested').selectOption({ label: 'Intentional rounding' });
    const pick = alice.getByLabel('Or choose one of this change idea’s cycles');
    await expect.poll(() => pick.count()).toBe(1);
    await pick.selectOption({ label: 'Cycle 1 (Rounding, first try)' });
    await alice.getByLabel('Cycle', { exact: true }).fill('2');
    await expect
      .poll(() => bob.getByLabel('Follows cycle', { exact: true }).inputValue())
      .toBe('1');
    await expect.poll(() => bob.getByLabel('Cycle', { exact: true }).inputValue()).toBe('2');
    await expect
      .poll(() => bob.getByLabel('Change idea tested').locator('option:checked').innerText())
      .toBe('Intentional rounding');
  });

  it('one types in Plan while the other writes in Do; each sees the other live, with presence', async () => {
    await objective(alice).click();
    // Field presence: Bob sees Alice's name beside the objective while she is in it.
    const bobsObjective = bob.locator('.y-field', { has: objective(bob) });
    await expect.poll(() => bobsObjective.innerText()).toContain('Alice Nurse is editing this');

    await Promise.all([
      (async () => {
        await alice.keyboard.type(OBJECTIVE);
        await alice.getByRole('button', { name: 'Add a question' }).click();
        // Focus moves to the new question, so typing goes straight into it.
        await alice.keyboard.type(QUESTION);
        await planQuestion(alice).getByLabel('Prediction').pressSequentially(PREDICTION);
      })(),
      (async () => {
        await asPlanned(bob).getByLabel('No', { exact: true }).check();
        await observations(bob).click();
        await bob.keyboard.type(OBSERVATIONS);
      })(),
    ]);

    await expect.poll(() => objective(bob).inputValue()).toBe(OBJECTIVE);
    await expect.poll(() => planQuestion(bob).getByLabel('Question').inputValue()).toBe(QUESTION);
    await expect
      .poll(() => planQuestion(bob).getByLabel('Prediction').inputValue())
      .toBe(PREDICTION);
    // Study shows the prediction, read-only, beside the result to write.
    const study = bob.locator('#pdsa-study');
    await expect
      .poll(() => study.locator('.pdsa-study__prediction').innerText())
      .toContain(PREDICTION);
    expect(await study.getByRole('group').first().innerText()).toContain(`Question 1: ${QUESTION}`);
    expect(await study.getByLabel('Result').count()).toBe(1);
    await expect.poll(() => observations(alice).innerText()).toContain(OBSERVATIONS);
    await expect
      .poll(() => asPlanned(alice).getByLabel('No', { exact: true }).isChecked())
      .toBe(true);
    // Alice has left the objective: the note beside it goes.
    await expect.poll(() => bobsObjective.innerText()).not.toContain('Alice Nurse');

    await expect.poll(() => saveState(alice)).toBe('saved');
    await expect.poll(() => saveState(bob)).toBe('saved');
    expect(await axeViolations(alice)).toEqual([]);
  });

  it('after a reload both find everything', async () => {
    await Promise.all([alice.reload(), bob.reload()]);
    for (const page of [alice, bob]) {
      await expect.poll(() => objective(page).inputValue()).toBe(OBJECTIVE);
      await expect
        .poll(() => planQuestion(page).getByLabel('Question').inputValue())
        .toBe(QUESTION);
      expect(await planQuestion(page).getByLabel('Prediction').inputValue()).toBe(PREDICTION);
      await expect.poll(() => observations(page).innerText()).toContain(OBSERVATIONS);
      expect(await asPlanned(page).getByLabel('No', { exact: true }).isChecked()).toBe(true);
      expect(await page.getByLabel('Follows cycle', { exact: true }).inputValue()).toBe('1');
    }
  });

  it('an observer reads the whole worksheet with no edit controls; axe finds nothing', async () => {
    const carol = await (await signedInContext(browser, workspace.url, carolAccount)).newPage();
    carol.setDefaultTimeout(10_000);
    await carol.goto(cycleUrl);
    const sheet = worksheet(carol);
    await expect.poll(() => sheet.innerText()).toContain(OBSERVATIONS);
    // The change idea's title arrives from the lab's item list, after the document.
    await expect.poll(() => sheet.innerText()).toContain('Intentional rounding');
    const text = await sheet.innerText();
    for (const expected of [OBJECTIVE, QUESTION, PREDICTION, 'Intentional rounding']) {
      expect(text).toContain(expected);
    }
    expect(await carol.getByTestId('pdsa-cycle-summary').innerText()).toMatch(/Follows cycle\s+1/);
    expect(text).toMatch(/Carried out as planned\?\s+No/);
    expect(text).toMatch(/Decision\s+Not decided yet/);
    // A term's "?" explains the word and changes nothing: the only buttons a reader has.
    const controls = sheet.locator(
      'input, textarea, select, button:not(.app-glossary__button), [contenteditable="true"]',
    );
    expect(await controls.count()).toBe(0);
    expect(await sheet.getByRole('textbox').count()).toBe(0);
    expect(await axeViolations(carol)).toEqual([]);
    await carol.context().close();
  });
});
