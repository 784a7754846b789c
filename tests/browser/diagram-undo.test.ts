/**
 * Undo and redo of one's own edits on a process map and a fishbone, with two people
 * in separate browser contexts on a real server. On the process map Alice renames a
 * step, adds a decision's branch, adds a step, moves it and removes another; Bob adds
 * a step in between. Her Ctrl+Z (and the Undo button) takes hers back one at a time,
 * for both of them and on the server, while Bob's step stays; Ctrl+Shift+Z puts them
 * all back. On the fishbone her undo takes back her cause, sub-cause and the renamed
 * category, never Bob's cause.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type FishboneCause, readFishbone } from '../../shared/diagrams/fishbone';
import { branchLines, readProcessMap, stepLine } from '../../shared/diagrams/process-map';
import { addRow, fieldText } from '../../shared/documents/item-doc';
import { launchBrowser } from '../helpers/browser';
import { aliceAndBob, createItem, pageAs, undoButton, WAIT } from '../helpers/lab-items';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/**
 * The button named `name`: its words and its visually hidden words, however the
 * browser spaces the two when it names the button ("Move up: step 5").
 */
const button = (page: Page, name: string) => {
  const words = name.split(/\s*:\s*|\s+/).map((word) => word.replace(/[?.()]/g, '\\$&'));
  return page.getByRole('button', { name: new RegExp(`^${words.join('\\W*\\s*')}$`) });
};

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The process map as the server holds it: each step's label, each branch under its decision. */
function stepsOf(doc: Y.Doc): string[] {
  const map = readProcessMap(doc);
  return map.steps.flatMap((step) => [
    step.label || '(no label yet)',
    ...branchLines(map, step).map((line) => `  ${line}`),
  ]);
}

/** The steps' outline as the server's map would read on the screen. */
function outlineOf(doc: Y.Doc): string {
  const map = readProcessMap(doc);
  return squash(
    map.steps.map((step) => [stepLine(map, step), ...branchLines(map, step)].join(' ')).join(' '),
  );
}

/** The fishbone as the server holds it: "Category: cause (sub-cause), cause". */
function fishboneOf(doc: Y.Doc): string[] {
  const cause = (c: FishboneCause): string =>
    c.causes.length > 0 ? `${c.label} (${c.causes.map(cause).join(', ')})` : c.label;
  return readFishbone(doc).categories.map((k) => `${k.label}: ${k.causes.map(cause).join(', ')}`);
}

/** Types into the field that has just taken the keyboard, in one go (one step to undo). */
async function fillNewField(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), WAIT).toBe('INPUT');
  await page.locator(':focus').fill(text);
}

describe('undo and redo of one’s own edits on a process map and a fishbone', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  let processId: string;
  let fishboneId: string;
  let processProbe: StockClient;
  let fishboneProbe: StockClient;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { alice: aliceAccount, bob: bobAccount } = await aliceAndBob(workspace);
    processId = await createItem(workspace, 'process', 'Answering the bell at night');
    fishboneId = await createItem(workspace, 'fishbone', 'Falls at night');
    // Both diagrams are written by another client before anyone opens them: nobody can undo that.
    const writer = connectStockClient(workspace.url, processId, workspace.auth());
    await writer.whenSynced();
    writer.doc.transact(() => {
      const step = (id: string, type: string, label: string) =>
        addRow(writer.doc, 'process', 'steps', id, {
          type,
          label,
          lane: '',
          problem: '',
          idea: '',
        });
      step('s-bell', 'start', 'Patient rings the bell');
      step('s-free', 'decision', 'Nurse free?');
      step('s-bed', 'end', 'Back in bed');
    });
    const fishWriter = connectStockClient(workspace.url, fishboneId, workspace.auth());
    await fishWriter.whenSynced();
    fishWriter.doc.transact(() => {
      fieldText(fishWriter.doc, 'effect').insert(0, 'Patients fall at night');
      addRow(fishWriter.doc, 'fishbone', 'categories', 'c-people', { label: 'People' });
      addRow(fishWriter.doc, 'fishbone', 'categories', 'c-kit', { label: 'Equipment' });
      addRow(fishWriter.doc, 'fishbone', 'causes', 'k-staff', {
        label: 'Fewer staff at night',
        parent: 'c-people',
      });
    });
    processProbe = connectStockClient(workspace.url, processId, workspace.auth());
    fishboneProbe = connectStockClient(workspace.url, fishboneId, workspace.auth());
    await waitForDoc(
      processProbe.doc,
      'the process map on the server',
      () => stepsOf(processProbe.doc).length === 3,
    );
    await waitForDoc(
      fishboneProbe.doc,
      'the fishbone on the server',
      () => fishboneOf(fishboneProbe.doc).length === 2,
    );
    writer.destroy();
    fishWriter.destroy();
    browser = await launchBrowser();
    alice = await pageAs(browser, workspace, aliceAccount);
    bob = await pageAs(browser, workspace, bobAccount);
  });

  afterAll(async () => {
    processProbe?.destroy();
    fishboneProbe?.destroy();
    await browser?.close();
    await workspace?.stop();
  });

  const openBoth = (itemId: string) =>
    Promise.all([alice, bob].map((page) => page.goto(`${workspace.url}/items/${itemId}`)));

  it('on a process map, undoes Alice’s rename, branch, step, move and removal, never Bob’s step', async () => {
    await openBoth(processId);
    for (const page of [alice, bob]) await page.getByLabel('Step 3', { exact: true }).waitFor(WAIT);
    /** The server holds `expected`, and both screens show what the server holds. */
    const seen = async (expected: string[]) => {
      await expect.poll(() => stepsOf(processProbe.doc), WAIT).toEqual(expected);
      const outline = outlineOf(processProbe.doc);
      for (const page of [alice, bob])
        await expect
          .poll(async () => squash(await page.getByTestId('process-steps').innerText()), WAIT)
          .toContain(outline);
    };

    // Alice renames the first step and gives the decision a "No" branch (to step 3).
    await alice.getByLabel('Step 1', { exact: true }).fill('Patient presses the bell');
    await button(alice, 'Add a branch to decision 2').click();
    await fillNewField(alice, 'No');
    const renamed = [
      'Patient presses the bell',
      'Nurse free?',
      '  No: go to 3. Back in bed',
      'Back in bed',
    ];
    await seen(renamed);
    // Bob adds a step of his own at the end.
    await button(bob, 'Add the step').click();
    await fillNewField(bob, 'Porter brings a chair');
    const withBobs = [...renamed, 'Porter brings a chair'];
    await seen(withBobs);
    // Alice adds a step after Bob's, moves it above his, and removes "Back in bed"
    // (its branch goes with it).
    await button(alice, 'Add the step').click();
    await fillNewField(alice, 'Nurse answers');
    const added = [...withBobs, 'Nurse answers'];
    await seen(added);
    await button(alice, 'Move up: step 5').click();
    const moved = [...renamed, 'Nurse answers', 'Porter brings a chair'];
    await seen(moved);
    await button(alice, 'Remove step 3').click();
    const removed = [
      'Patient presses the bell',
      'Nurse free?',
      'Nurse answers',
      'Porter brings a chair',
    ];
    await seen(removed);

    // One Ctrl+Z (or one Undo) at a time takes back Alice's changes, last first;
    // Bob's step is there throughout.
    const steps = [
      moved, // the removed step and its branch are back
      added, // the move is undone
      [...withBobs, '(no label yet)'], // her typing in the new step
      withBobs, // the new step itself
      [
        ...renamed.slice(0, 2),
        '  Branch: go to 3. Back in bed',
        'Back in bed',
        'Porter brings a chair',
      ],
      ['Patient presses the bell', 'Nurse free?', 'Back in bed', 'Porter brings a chair'],
      ['Patient rings the bell', 'Nurse free?', 'Back in bed', 'Porter brings a chair'],
    ];
    const anchor = alice.getByLabel('Type of the next step', { exact: true });
    for (const [index, expected] of steps.entries()) {
      if (index % 3 === 1) await undoButton(alice, 'Undo').click();
      else {
        await anchor.focus();
        await alice.keyboard.press('Control+z');
      }
      await seen(expected);
    }
    await expect
      .poll(() => undoButton(alice, 'Undo').getAttribute('aria-disabled'), WAIT)
      .toBe('true');

    // Ctrl+Shift+Z redoes them in order, ending where Alice left off.
    const redone = [...steps.slice(0, -1).reverse(), removed];
    for (const expected of redone) {
      await anchor.focus();
      await alice.keyboard.press('Control+Shift+z');
      await seen(expected);
    }
    await expect
      .poll(() => undoButton(alice, 'Redo').getAttribute('aria-disabled'), WAIT)
      .toBe('true');
  });

  it('on a fishbone, undoes Alice’s cause, sub-cause and category name, never Bob’s cause', async () => {
    await openBoth(fishboneId);
    const add = (page: Page, name: string) => button(page, name).click();
    /** The server holds `expected`, and both screens' outlines show every name in it. */
    const seen = async (expected: string[], gone: string[] = []) => {
      await expect.poll(() => fishboneOf(fishboneProbe.doc), WAIT).toEqual(expected);
      const names = expected.flatMap((line) => line.split(/: |, | \(|\)/)).filter(Boolean);
      for (const page of [alice, bob])
        await expect
          .poll(async () => {
            const text = squash(await page.getByTestId('fishbone-outline').innerText());
            return [names.every((n) => text.includes(n)), gone.some((n) => text.includes(n))];
          }, WAIT)
          .toEqual([true, false]);
    };
    for (const page of [alice, bob])
      await page.getByRole('button', { name: 'Add a cause under “Equipment”' }).waitFor(WAIT);

    await add(alice, 'Add a cause under “Equipment”');
    await fillNewField(alice, 'Bell out of reach');
    await seen(['People: Fewer staff at night', 'Equipment: Bell out of reach']);
    await add(bob, 'Add a cause under “Equipment”');
    await fillNewField(bob, 'No night lights');
    await seen(['People: Fewer staff at night', 'Equipment: Bell out of reach, No night lights']);
    await add(alice, 'Ask why: add a sub-cause of “Bell out of reach”');
    await fillNewField(alice, 'Cord too short');
    await alice
      .getByRole('region', { name: 'Category “People”' })
      .getByLabel('Category', { exact: true })
      .fill('Staffing');
    const all = [
      'Staffing: Fewer staff at night',
      'Equipment: Bell out of reach (Cord too short), No night lights',
    ];
    await seen(all);

    // Ctrl+Z, from the effect's field, a step at a time; Bob's cause stays.
    const effect = alice.getByLabel('Effect (the problem)', { exact: true });
    const undone: Array<[string[], string[]]> = [
      [['People: Fewer staff at night', all[1] as string], ['Staffing']],
      [
        ['People: Fewer staff at night', 'Equipment: Bell out of reach (), No night lights'],
        ['Cord too short'],
      ],
      [['People: Fewer staff at night', 'Equipment: Bell out of reach, No night lights'], []],
      [['People: Fewer staff at night', 'Equipment: , No night lights'], ['Bell out of reach']],
      [['People: Fewer staff at night', 'Equipment: No night lights'], ['Bell out of reach']],
    ];
    for (const [expected, gone] of undone) {
      await effect.focus();
      await alice.keyboard.press('Control+z');
      await seen(expected, gone);
    }
    await expect
      .poll(() => undoButton(alice, 'Undo').getAttribute('aria-disabled'), WAIT)
      .toBe('true');
    expect(await effect.inputValue()).toBe('Patients fall at night');

    // Ctrl+Shift+Z until nothing is left to redo brings all of hers back.
    for (let presses = 0; presses < 8; presses += 1) {
      if ((await undoButton(alice, 'Redo').getAttribute('aria-disabled')) === 'true') break;
      await effect.focus();
      await alice.keyboard.press('Control+Shift+z');
    }
    await seen(all);
  });
});
