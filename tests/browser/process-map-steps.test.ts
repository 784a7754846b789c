/**
 * A process map's kinds of step and notes, built with the keyboard alone, seen
 * live and stored; where the other person is, on a fishbone's cause and on a
 * process map's step; and the canvas with the mouse: Ctrl+wheel zooms about the
 * pointer, the wheel pans, and a drag on the empty canvas pans it. Two people in
 * separate browser contexts, through the real server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROCESS_STEP_TYPES,
  readProcessMap,
  type StepType,
} from '../../shared/diagrams/process-map';
import { addRow, fieldText, list } from '../../shared/documents/item-doc';
import { launchBrowser } from '../helpers/browser';
import { signedInContext } from '../helpers/browser-session';
import { aliceAndBob, createItem, WAIT } from '../helpers/lab-items';
import { connectStockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** The focused element's name: its aria-label, or its label's text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return '';
    const labels = (element as HTMLInputElement).labels;
    return (
      element.getAttribute('aria-label') ??
      (labels && labels.length > 0 ? (labels[0]?.textContent ?? '') : (element.textContent ?? ''))
    )
      .replace(/\s+/g, ' ')
      .trim();
  });

async function tabTo(page: Page, name: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press(key);
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`${key} never reached “${name}”`);
}

async function typeIntoNewField(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), WAIT).toBe('INPUT');
  await page.keyboard.type(text);
}

/** Chooses the next step's type with the arrow keys, then adds it and types its label. */
async function addStepByKeyboard(page: Page, type: StepType, label: string): Promise<void> {
  await tabTo(page, 'Type of the next step');
  const select = page.locator('#process-new-step-type');
  const from = PROCESS_STEP_TYPES.indexOf((await select.inputValue()) as StepType);
  const by = PROCESS_STEP_TYPES.indexOf(type) - from;
  for (let k = 0; k < Math.abs(by); k += 1)
    await page.keyboard.press(by > 0 ? 'ArrowDown' : 'ArrowUp');
  await expect.poll(() => select.inputValue(), WAIT).toBe(type);
  await tabTo(page, 'Add the step');
  await page.keyboard.press('Enter');
  await typeIntoNewField(page, label);
}

/** What the field's hint says beside it: "Alice Nurse is editing this" when she is in it. */
const besideField = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((field) => {
    const hint = field.getAttribute('aria-describedby');
    return hint ? (document.getElementById(hint)?.textContent ?? '') : '';
  });

/** The canvas's transform as numbers. */
const viewOf = (page: Page) =>
  page
    .locator('.canvas__drawing')
    .evaluate((el) => (el as HTMLElement).style.transform)
    .then((t) => {
      const [, x, y, scale] =
        /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/.exec(t) ?? [];
      return { x: Number(x), y: Number(y), scale: Number(scale) };
    });
const zoomShown = (page: Page) => page.locator('.canvas__zoom').innerText();

describe('process map steps, presence on fishbone and process map, the canvas by mouse', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  let processId: string;
  let fishboneId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { alice: aliceAccount, bob: bobAccount } = await aliceAndBob(workspace);
    processId = await createItem(workspace, 'process', 'Answering the bell at night');
    fishboneId = await createItem(workspace, 'fishbone', 'Falls at night');
    const writer = connectStockClient(workspace.url, fishboneId, workspace.auth());
    await writer.whenSynced();
    writer.doc.transact(() => {
      fieldText(writer.doc, 'effect').insert(0, 'Patients fall at night');
      addRow(writer.doc, 'fishbone', 'categories', 'c-people', { label: 'People' });
      addRow(writer.doc, 'fishbone', 'causes', 'k-staff', {
        label: 'Fewer staff at night',
        parent: 'c-people',
      });
    });
    const probe = connectStockClient(workspace.url, fishboneId, workspace.auth());
    await waitForDoc(
      probe.doc,
      'the fishbone on the server',
      () => list(probe.doc, 'causes').length === 1,
    );
    probe.destroy();
    writer.destroy();
    browser = await launchBrowser();
    const viewport = { viewport: { width: 1280, height: 900 } };
    alice = await (await signedInContext(browser, workspace.url, aliceAccount, viewport)).newPage();
    bob = await (await signedInContext(browser, workspace.url, bobAccount, viewport)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('builds a wait, a hand-off and an end by keyboard, with a problem and an idea on a step', async () => {
    await alice.goto(`${workspace.url}/items/${processId}`);
    await bob.goto(`${workspace.url}/items/${processId}`);
    await alice.getByRole('button', { name: 'Add the step' }).waitFor(WAIT);
    await addStepByKeyboard(alice, 'start', 'Patient rings the bell');
    await addStepByKeyboard(alice, 'wait', 'Waits for a nurse');
    await addStepByKeyboard(alice, 'handoff', 'Nurse hands over to the HCA');
    await addStepByKeyboard(alice, 'end', 'Back in bed');
    await tabTo(alice, 'Idea for step 2 (optional)', 'Shift+Tab');
    await alice.keyboard.type('Answer the bell within two minutes');
    await tabTo(alice, 'Problem noted at step 2 (optional)', 'Shift+Tab');
    await alice.keyboard.type('Waits of ten minutes at 03:00');

    const steps = bob.getByTestId('process-steps');
    await expect.poll(() => steps.innerText(), WAIT).toContain('Waits of ten minutes at 03:00');
    expect((await steps.innerText()).replace(/\s+/g, ' ')).toContain(
      [
        '1. Start: Patient rings the bell',
        '2. Wait: Waits for a nurse',
        'Problem: Waits of ten minutes at 03:00',
        'Idea: Answer the bell within two minutes',
        '3. Hand-off: Nurse hands over to the HCA',
        '4. End: Back in bed',
      ].join(' '),
    );
    await expect
      .poll(() => bob.getByRole('img', { name: 'Answering the bell at night' }).textContent(), WAIT)
      .toContain('Back in bed');

    // The server holds each step's type and notes, not only the words on the screen.
    const reader = connectStockClient(workspace.url, processId, workspace.auth());
    await waitForDoc(reader.doc, 'the notes on the server', () =>
      readProcessMap(reader.doc).steps.some((s) => s.problem === 'Waits of ten minutes at 03:00'),
    );
    const map = readProcessMap(reader.doc);
    reader.destroy();
    expect(map.steps.map((s) => s.type)).toEqual(['start', 'wait', 'handoff', 'end']);
    expect(map.steps[1]).toMatchObject({
      problem: 'Waits of ten minutes at 03:00',
      idea: 'Answer the bell within two minutes',
    });
    // Nothing flows on from the end.
    expect(map.flows.filter((f) => f.from === map.steps[3]?.id)).toEqual([]);
  });

  it('shows one person where the other is, on a fishbone’s cause and a process map’s step', async () => {
    await alice.goto(`${workspace.url}/items/${fishboneId}`);
    await bob.goto(`${workspace.url}/items/${fishboneId}`);
    const cause = 'Cause under “People”';
    await bob.getByLabel(cause, { exact: true }).waitFor(WAIT);
    await alice.getByLabel(cause, { exact: true }).click(WAIT);
    await expect.poll(() => besideField(bob, cause), WAIT).toContain('Alice Nurse is editing this');
    // Leaving the cause takes her marker with her.
    await alice.getByLabel('Effect (the problem)', { exact: true }).click();
    await expect.poll(() => besideField(bob, cause), WAIT).not.toContain('Alice Nurse');
    await expect
      .poll(() => besideField(bob, 'Effect (the problem)'), WAIT)
      .toContain('Alice Nurse is editing this');

    await alice.goto(`${workspace.url}/items/${processId}`);
    await bob.goto(`${workspace.url}/items/${processId}`);
    await alice.getByLabel('Step 3', { exact: true }).click(WAIT);
    await expect
      .poll(() => besideField(bob, 'Step 3'), WAIT)
      .toContain('Alice Nurse is editing this');
    expect(await besideField(bob, 'Step 2')).not.toContain('Alice Nurse');
    // And the other way round: Alice sees Bob in the step he is in.
    await bob.getByLabel('Step 2', { exact: true }).click();
    await expect
      .poll(() => besideField(alice, 'Step 2'), WAIT)
      .toContain('Bob Porter is editing this');
  });

  it('zooms with Ctrl+wheel about the pointer, pans with the wheel and by dragging the empty canvas', async () => {
    await alice.goto(`${workspace.url}/items/${processId}`);
    const view = alice.locator('.canvas__view');
    await alice.getByRole('img', { name: 'Answering the bell at night' }).waitFor(WAIT);
    // Start from a known view: fitted, and drawn (the zoom shown is the fitted one).
    await alice.getByRole('button', { name: 'Fit to view' }).click();
    const status = alice.locator('.canvas [role="status"]');
    await expect
      .poll(() => status.innerText(), WAIT)
      .toMatch(/^Whole process map in view, zoom \d+%\.$/);
    const fitted = /zoom (\d+%)/.exec(await status.innerText())?.[1];
    await expect.poll(() => zoomShown(alice), WAIT).toBe(fitted);
    // The view at the top of the window, measured where it then is.
    await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const box = await view.boundingBox();
    if (!box) throw new Error('no canvas on the page');
    const before = await viewOf(alice);
    const shownBefore = await zoomShown(alice);

    // Ctrl+wheel up zooms in, keeping the drawing's point under the pointer where it is.
    const px = box.width / 2;
    const py = box.height / 2;
    await alice.mouse.move(box.x + px, box.y + py);
    await alice.keyboard.down('Control');
    await alice.mouse.wheel(0, -120);
    await alice.keyboard.up('Control');
    await expect.poll(() => zoomShown(alice), WAIT).not.toBe(shownBefore);
    const zoomed = await viewOf(alice);
    expect(zoomed.scale).toBeGreaterThan(before.scale);
    expect(`${Math.round(zoomed.scale * 100)}%`).toBe(await zoomShown(alice));
    expect((px - zoomed.x) / zoomed.scale).toBeCloseTo((px - before.x) / before.scale, 1);
    expect((py - zoomed.y) / zoomed.scale).toBeCloseTo((py - before.y) / before.scale, 1);
    // And down zooms back out.
    await alice.keyboard.down('Control');
    await alice.mouse.wheel(0, 120);
    await alice.keyboard.up('Control');
    await expect.poll(async () => (await viewOf(alice)).scale, WAIT).toBeCloseTo(before.scale, 3);
    expect(await zoomShown(alice)).toBe(shownBefore);

    // The wheel alone pans, at the same zoom.
    const still = await viewOf(alice);
    await alice.mouse.wheel(30, 50);
    await expect
      .poll(async () => {
        const now = await viewOf(alice);
        return [Math.round(now.x - still.x), Math.round(now.y - still.y), now.scale];
      }, WAIT)
      .toEqual([-30, -50, still.scale]);

    // A drag from a point of the canvas where nothing is drawn pans the drawing with it.
    const drawing = await alice.locator('.canvas__drawing svg').boundingBox();
    if (!drawing) throw new Error('no drawing in the canvas');
    const empty = [
      { x: box.x + 8, y: box.y + box.height / 2 },
      { x: box.x + box.width - 8, y: box.y + box.height / 2 },
      { x: box.x + box.width / 2, y: box.y + box.height - 8 },
      { x: box.x + box.width / 2, y: box.y + 8 },
    ].find(
      (p) =>
        p.x < drawing.x ||
        p.x > drawing.x + drawing.width ||
        p.y < drawing.y ||
        p.y > drawing.y + drawing.height,
    );
    if (!empty) throw new Error('the drawing covers the whole canvas');
    const start = await viewOf(alice);
    await alice.mouse.move(empty.x, empty.y);
    await alice.mouse.down();
    await alice.mouse.move(empty.x + 120, empty.y - 60, { steps: 12 });
    await alice.mouse.up();
    await expect
      .poll(async () => {
        const now = await viewOf(alice);
        return [Math.round(now.x - start.x), Math.round(now.y - start.y)];
      }, WAIT)
      .toEqual([120, -60]);
    expect(await zoomShown(alice)).toBe(shownBefore);
  });
});
