/**
 * A fishbone and a process map built with the keyboard alone by a participant,
 * through the real server, while an observer in another browser context watches
 * the picture and the outline change live. Axe checks every view, at 1280 px
 * and on a 375 px phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  apiWithToken,
  axeViolations,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const WAIT = { timeout: 15_000 };
const SHOTS = '/tmp/shots-diagrams';

/** The focused element's name: its aria-label, its label, or its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '';
    const labels = (element as HTMLInputElement).labels;
    return (
      element.getAttribute('aria-label') ??
      (labels && labels.length > 0 ? (labels[0]?.textContent ?? '') : null) ??
      element.textContent ??
      ''
    )
      .replace(/\s+/g, ' ')
      .trim();
  });

async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached “${String(name)}”`);
}

async function typeIntoNewField(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), WAIT).toBe('INPUT');
  await page.keyboard.type(text);
}

describe('fishbone and process map in the browser', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let carol: Page;
  let fishboneId: string;
  let diagramId: string;
  let processId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const hash = await testPasswordHash();
    const { meta } = workspace.server;
    const aliceAccount = await addAccount(meta, 'Alice Nurse', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    const carolAccount = await addAccount(meta, 'Carol Analyst', hash, {
      labId: workspace.labId,
      role: 'observer',
    });
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
    diagramId = await create('drivers', 'Falls driver diagram');
    fishboneId = await create('fishbone', 'Falls at night');
    processId = await create('process', 'Toilet at night');
    browser = await launchBrowser();
    alice = await (await signedInContext(browser, workspace.url, aliceAccount)).newPage();
    carol = await (await signedInContext(browser, workspace.url, carolAccount)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('builds a fishbone with the keyboard alone; an observer sees it live', async () => {
    await alice.goto(`${workspace.url}/items/${fishboneId}`);
    await carol.goto(`${workspace.url}/items/${fishboneId}`);
    await alice.getByRole('button', { name: /Use the NHS categories/ }).waitFor(WAIT);
    expect(await axeViolations(alice)).toEqual([]);
    await tabTo(alice, 'Effect (the problem)');
    await alice.keyboard.type('Patients fall at night');
    await tabTo(alice, /^Use the NHS categories/);
    await alice.keyboard.press('Enter');
    await expect.poll(() => focusedName(alice), WAIT).toBe('Category');
    await tabTo(alice, 'Add a cause under “People”');
    await alice.keyboard.press('Enter');
    await typeIntoNewField(alice, 'Short staffed at night');
    await tabTo(alice, 'Ask why: add a sub-cause of “Short staffed at night”');
    await alice.keyboard.press('Enter');
    await typeIntoNewField(alice, 'Breaks at the busiest time');
    expect(await focusedName(alice)).toBe('Why? Because of “Short staffed at night”…');

    const outline = carol.getByTestId('fishbone-outline');
    await expect.poll(() => outline.innerText(), WAIT).toContain('Breaks at the busiest time');
    const text = await outline.innerText();
    expect(text).toContain('Effect: Patients fall at night');
    expect(text).toMatch(/People\s+Short staffed at night\s+Breaks at the busiest time/);
    const picture = carol.getByRole('img', { name: 'Falls at night' });
    await expect.poll(() => picture.textContent(), WAIT).toContain('Breaks at the busiest time');
    expect(await carol.getByRole('button', { name: /Add a cause/ }).count()).toBe(0);
    expect(await axeViolations(alice)).toEqual([]);
    expect(await axeViolations(carol)).toEqual([]);
    await alice.screenshot({ path: `${SHOTS}/fishbone-1280.png` });

    // Ctrl+Z takes back Alice's last typing, and only that: the cause above stays.
    await alice.keyboard.press('Control+z');
    await expect.poll(() => outline.innerText(), WAIT).not.toContain('Breaks at the busiest time');
    expect(await outline.innerText()).toContain('Short staffed at night');

    // A cause becomes a driver in the lab's driver diagram.
    await tabTo(alice, 'Make a driver: add “Short staffed at night” to “Falls driver diagram”');
    await alice.keyboard.press('Enter');
    await expect
      .poll(() => alice.getByTestId('fishbone-status').innerText(), WAIT)
      .toContain('Added “Short staffed at night” to “Falls driver diagram” as a secondary driver');
    await carol.goto(`${workspace.url}/items/${diagramId}`);
    await expect
      .poll(() => carol.getByTestId('driver-outline').innerText(), WAIT)
      .toContain('Secondary driver: Short staffed at night');
  });

  it('builds a process map with the keyboard alone; an observer sees it live', async () => {
    await alice.goto(`${workspace.url}/items/${processId}`);
    await carol.goto(`${workspace.url}/items/${processId}`);
    await alice.getByRole('button', { name: 'Add a swimlane' }).waitFor(WAIT);
    await tabTo(alice, 'Which process, from where to where');
    await alice.keyboard.type('From waking at night to back in bed');
    await tabTo(alice, 'Add a swimlane');
    await alice.keyboard.press('Enter');
    await typeIntoNewField(alice, 'Nurse');
    await tabTo(alice, 'Add the step');
    await alice.keyboard.press('Enter');
    await typeIntoNewField(alice, 'Patient rings the bell');
    await tabTo(alice, 'Type of the next step');
    await alice.keyboard.press('ArrowDown'); // Step → Decision
    await expect
      .poll(() => alice.locator('#process-new-step-type').inputValue(), WAIT)
      .toBe('decision');
    await tabTo(alice, 'Add the step');
    await alice.keyboard.press('Enter');
    await typeIntoNewField(alice, 'Nurse free?');
    await tabTo(alice, 'Add a branch to decision 2');
    await alice.keyboard.press('Enter');
    await typeIntoNewField(alice, 'No');

    const steps = carol.getByTestId('process-steps');
    await expect
      .poll(() => steps.innerText(), WAIT)
      .toContain('No: go to 1. Patient rings the bell');
    const text = await steps.innerText();
    expect(text).toContain('1. Start: Patient rings the bell (Nurse)');
    expect(text).toContain('2. Decision: Nurse free? (Nurse)');
    const picture = carol.getByRole('img', { name: 'Toilet at night' });
    await expect.poll(() => picture.textContent(), WAIT).toContain('Nurse free?');
    expect(await axeViolations(alice)).toEqual([]);
    expect(await axeViolations(carol)).toEqual([]);
    await alice.screenshot({ path: `${SHOTS}/process-1280.png` });
  });

  it('reads on a 375 px phone, with nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    await context.addCookies(await carol.context().cookies());
    const phone = await context.newPage();
    for (const [id, testId, name] of [
      [fishboneId, 'fishbone-outline', 'fishbone'],
      [processId, 'process-steps', 'process'],
    ] as const) {
      await phone.goto(`${workspace.url}/items/${id}`);
      await phone.getByTestId(testId).waitFor(WAIT);
      expect(
        await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth),
      ).toBe(false);
      expect(await axeViolations(phone)).toEqual([]);
      await phone.screenshot({ path: `${SHOTS}/${name}-375.png`, fullPage: true });
    }
    await context.close();
  });
});
