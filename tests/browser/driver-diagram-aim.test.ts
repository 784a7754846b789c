/**
 * The driver diagram joined up with the rest of the lab, in separate browser
 * contexts through the real server: the aim node edits the lab's SMART aim in the
 * problem statement's own document (a change on the diagram shows on the problem
 * page live, and the other way round; Ctrl+Z in the aim takes back only one's own
 * change), someone who may not edit the problem statement is told so plainly, and
 * a change-idea node creates a new change-idea item in the lab, linked, showing its
 * status and PICK box as they change on the idea's own page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemKind } from '../../shared/schemas/records';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  axeViolations,
  heading,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { createItem } from '../helpers/lab-items';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const WAIT = { timeout: 15_000 };
const SHOTS = '/tmp/shots-driver-aim';
const FIRST_AIM = 'Improve inpatient falls.';
const AIM = 'Reduce inpatient falls for patients on Ward 7 from 6.1 to 4 by 31 March 2027.';
const NEW_IDEA = 'Falls sensor mats for high-risk beds';

/** The focused element's accessible name (its aria-label, else its label's text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    // The page itself has the focus when nothing else does: its text names nothing.
    if (!element || element === document.body) return '';
    const labelled = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
    return (
      element.getAttribute('aria-label') ??
      labelled?.textContent?.trim() ??
      element.textContent?.trim() ??
      ''
    );
  });

describe('driver diagram joined up with the lab’s aim and change ideas', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  let olive: Page;
  let problemId: string;
  let diagramId: string;

  const aimNode = (page: Page) => page.locator('.driver-cell[aria-label^="Aim:"]');
  const panel = (page: Page) => page.getByTestId('driver-panel');

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const member = { labId: workspace.labId, role: 'participant' } as const;
    const aliceAccount = await addAccount(meta, 'Alice Nurse', hash, member);
    const bobAccount = await addAccount(meta, 'Bob Porter', hash, member);
    const oliveAccount = await addAccount(meta, 'Olive Observer', hash, {
      labId: workspace.labId,
      role: 'observer',
    });
    const create = (kind: ItemKind, title: string) => createItem(workspace, kind, title);
    problemId = await create('problem', 'Falls on Ward 7: problem and aim');
    diagramId = await create('drivers', 'Falls driver diagram');
    browser = await launchBrowser();
    alice = await (await signedInContext(browser, workspace.url, aliceAccount)).newPage();
    bob = await (await signedInContext(browser, workspace.url, bobAccount)).newPage();
    olive = await (await signedInContext(browser, workspace.url, oliveAccount)).newPage();
    await alice.setViewportSize({ width: 1280, height: 900 });
    await alice.goto(`${workspace.url}/items/${diagramId}`);
    await bob.goto(`${workspace.url}/items/${problemId}`);
    await olive.goto(`${workspace.url}/items/${diagramId}`);
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('edits the aim from the aim node, live on the problem page, and back again', async () => {
    await expect.poll(() => heading(alice), WAIT).toContain('Falls driver diagram');
    await expect.poll(() => heading(bob), WAIT).toContain('Falls on Ward 7');
    await alice.getByRole('button', { name: 'Add aim' }).click(WAIT);
    // The aim's panel opens on the problem statement's first part of the aim.
    const what = panel(alice).getByLabel('What will improve?');
    await what.waitFor(WAIT);
    await expect.poll(() => focusedName(alice), WAIT).toBe('What will improve?');
    // What is said matches what the panel offers: the aim's parts, not a label of its own.
    await expect
      .poll(() => alice.getByTestId('driver-status').innerText(), WAIT)
      .toBe(
        'Aim added. It shows the lab’s SMART aim: fill in its parts, then press Enter to go back to the diagram.',
      );
    await alice.keyboard.type('Inpatient falls');

    // Bob, on the problem page, sees Alice's words in the field and the sentence.
    await expect.poll(() => bob.getByTestId('aim-sentence').innerText(), WAIT).toBe(FIRST_AIM);
    expect(await bob.getByLabel('What will improve?').inputValue()).toBe('Inpatient falls');
    await expect.poll(() => aimNode(alice).getAttribute('aria-label'), WAIT).toContain(FIRST_AIM);
    // Enter goes back to the aim node on the diagram.
    await alice.keyboard.press('Enter');
    await expect.poll(() => focusedName(alice), WAIT).toContain(`Aim: ${FIRST_AIM}`);

    // Bob fills in the rest on the problem page; Alice's aim node and panel follow, unreloaded.
    await bob.getByLabel('For whom?').fill('patients on Ward 7');
    await bob.getByLabel('Baseline', { exact: true }).fill('6.1');
    await bob.getByLabel('Target', { exact: true }).fill('4');
    await bob.getByLabel('Direction of improvement').selectOption('decrease');
    await bob.getByLabel('By when', { exact: true }).fill('2027-03-31');
    await expect
      .poll(() => aimNode(alice).getAttribute('aria-label'), WAIT)
      .toContain(`Aim: ${AIM}`);
    await expect.poll(() => panel(alice).getByTestId('aim-sentence').innerText(), WAIT).toBe(AIM);
    expect(await panel(alice).getByLabel('For whom?').inputValue()).toBe('patients on Ward 7');
    expect(await panel(alice).getByLabel('Target', { exact: true }).inputValue()).toBe('4');
    // The observer's picture shows the same aim, with nothing to edit it by.
    await expect.poll(() => olive.getByTestId('driver-outline').innerText(), WAIT).toContain(AIM);
    expect(await olive.getByTestId('driver-panel').count()).toBe(0);

    // By keyboard: Enter on the aim node opens its fields; Alice sets a unit.
    await alice.keyboard.press('Enter');
    await expect.poll(() => focusedName(alice), WAIT).toBe('What will improve?');
    await panel(alice).getByLabel('Unit', { exact: true }).focus();
    await alice.keyboard.type('%');
    const withUnit = AIM.replace('6.1 to 4', '6.1% to 4%');
    await expect.poll(() => bob.getByTestId('aim-sentence').innerText(), WAIT).toBe(withUnit);
    // Ctrl+Z in the aim takes back Alice's unit only: Bob's parts stay, and so does the diagram.
    await alice.keyboard.press('Control+z');
    await expect.poll(() => bob.getByTestId('aim-sentence').innerText(), WAIT).toBe(AIM);
    await expect
      .poll(() => alice.getByTestId('driver-status').innerText(), WAIT)
      .toBe('Undid your last change to the aim.');
    expect(await aimNode(alice).count()).toBe(1);

    expect(await axeViolations(alice)).toEqual([]);
    await alice.screenshot({ path: `${SHOTS}/aim-panel-1280.png`, fullPage: true });
    await alice.setViewportSize({ width: 375, height: 812 });
    await panel(alice).getByLabel('What will improve?').scrollIntoViewIfNeeded();
    expect(await axeViolations(alice)).toEqual([]);
    await alice.screenshot({ path: `${SHOTS}/aim-panel-375.png`, fullPage: true });
    await alice.setViewportSize({ width: 1280, height: 900 });
    await alice.keyboard.press('Escape');
  });

  it('tells someone who may not edit the problem statement that they cannot change the aim', async () => {
    // A final problem statement is read-only for participants, while the diagram stays theirs.
    await workspace.server.meta.updateItem(problemId, { sharing: 'final' });
    await aimNode(alice).click();
    await expect
      .poll(() => panel(alice).getByTestId('driver-lab-aim').innerText(), WAIT)
      .toContain('You can read it but not change it: the problem statement is read-only for you.');
    expect(await panel(alice).locator('input, select').count()).toBe(0);
    expect(await axeViolations(alice)).toEqual([]);
    // Enter, as for any node, goes into the panel: here to the link to read the aim where it is written.
    await alice.keyboard.press('Enter');
    await expect.poll(() => focusedName(alice), WAIT).toBe('problem statement and aim');
    await alice.keyboard.press('Escape');
    await expect.poll(() => focusedName(alice), WAIT).toContain(`Aim: ${AIM}`);
    await workspace.server.meta.updateItem(problemId, { sharing: 'draft' });
    await panel(alice).getByLabel('What will improve?').waitFor(WAIT);
  });

  it('creates a new change idea from a change-idea node, linked, with its status and PICK box', async () => {
    // Aim → primary → secondary → change idea, each added with A.
    await aimNode(alice).focus();
    for (const label of ['Patients get help when needed', 'Call bell within reach']) {
      await alice.keyboard.press('a');
      await expect
        .poll(() => alice.evaluate(() => document.activeElement?.tagName), WAIT)
        .toBe('INPUT');
      await alice.keyboard.type(label);
      await alice.keyboard.press('Enter');
      await expect.poll(() => focusedName(alice), WAIT).toContain(label);
    }
    await alice.keyboard.press('a');
    await expect.poll(() => focusedName(alice), WAIT).toBe('Label');
    await panel(alice).getByLabel('Title of a new change idea').fill(NEW_IDEA);
    await panel(alice).getByRole('button', { name: 'Create new change idea' }).click();

    // The item exists in the lab, and the node stands for it.
    const created = () =>
      workspace.server.meta.listItems(workspace.labId).find((i) => i.title === NEW_IDEA);
    await expect.poll(() => created()?.kind, WAIT).toBe('idea');
    const ideaId = created()?.id ?? '';
    await expect
      .poll(() => panel(alice).getByTestId('driver-idea-link').innerText(), WAIT)
      .toBe(`Stands for the change idea ${NEW_IDEA}`);
    expect(await panel(alice).getByRole('link', { name: NEW_IDEA }).getAttribute('href')).toBe(
      `/items/${ideaId}`,
    );
    // Its status, said in the node's name and drawn under its label.
    const status = created()?.status ?? '';
    const Status = status.charAt(0).toUpperCase() + status.slice(1);
    const ideaNode = alice.locator(`.driver-cell[aria-label^="Change idea: ${NEW_IDEA}."]`);
    const tags = async () =>
      (await alice.locator('.driver-node__tag-text').allTextContents()).map((t) => t.trim());
    await expect
      .poll(() => ideaNode.getAttribute('aria-label'), WAIT)
      .toMatch(new RegExp(`\\. ${Status}\\.$`));
    expect(await tags()).toEqual([Status]);
    await expect.poll(() => focusedName(alice), WAIT).toContain(`Change idea: ${NEW_IDEA}`);

    // Bob scores it on its own page: Alice's node shows its PICK box, unreloaded.
    await bob.goto(`${workspace.url}/items/${ideaId}`);
    await expect.poll(() => heading(bob), WAIT).toContain(NEW_IDEA);
    await bob.getByLabel('Impact', { exact: true }).selectOption('high');
    await bob.getByLabel('Effort', { exact: true }).selectOption('easy');
    await expect
      .poll(() => ideaNode.getAttribute('aria-label'), WAIT)
      .toContain(`${Status} · Implement.`);
    expect(await tags()).toEqual([`${Status} · Implement`]);
    expect(await axeViolations(alice)).toEqual([]);
  });
});
