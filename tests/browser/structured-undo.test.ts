/**
 * Undo and redo of one's own structured edits, beyond rich text, with two people in
 * separate browser contexts on a real server: on a PDSA form, a measure's data table
 * and a driver diagram, Alice's Ctrl+Z (and the Undo button) takes back only what
 * she did, for both of them, while Bob's change in between stays; Ctrl+Shift+Z (and
 * the Redo button) puts it back. On the diagram that covers a new link, a link's
 * strength, a move under another parent and a deleted node with its links.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { list } from '../../shared/documents/item-doc';
import { launchBrowser } from '../helpers/browser';
import {
  aliceAndBob,
  createItem,
  pageAs,
  undoButton,
  WAIT,
  writeSmallDiagram,
} from '../helpers/lab-items';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** The links of the diagram as "from>to:strength", sorted, as the server holds them. */
function linksOf(doc: Y.Doc): string[] {
  return list(doc, 'edges')
    .toArray()
    .map((row) => `${row.get('from')}>${row.get('to')}:${row.get('strength')}`)
    .sort();
}

const nodeIds = (doc: Y.Doc) =>
  list(doc, 'nodes')
    .toArray()
    .map((row) => String(row.get('id')))
    .sort();

describe('undo and redo of one’s own structured edits', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let bob: Page;
  let cycleId: string;
  let measureId: string;
  let diagramId: string;
  let probe: StockClient;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { alice: aliceAccount, bob: bobAccount } = await aliceAndBob(workspace);
    cycleId = await createItem(workspace, 'pdsa', 'Rounding, first try');
    measureId = await createItem(workspace, 'measure', 'Falls per 1,000 bed days');
    diagramId = await createItem(workspace, 'drivers', 'Falls at night');
    // The diagram is written by another client before anyone opens it: nobody can undo it.
    const writer = connectStockClient(workspace.url, diagramId, workspace.auth());
    await writer.whenSynced();
    writeSmallDiagram(writer.doc);
    probe = connectStockClient(workspace.url, diagramId, workspace.auth());
    await waitForDoc(probe.doc, 'the diagram on the server', () => linksOf(probe.doc).length === 5);
    writer.destroy();
    browser = await launchBrowser();
    alice = await pageAs(browser, workspace, aliceAccount);
    bob = await pageAs(browser, workspace, bobAccount);
  });

  afterAll(async () => {
    probe?.destroy();
    await browser?.close();
    await workspace?.stop();
  });

  const openBoth = (itemId: string) =>
    Promise.all([alice, bob].map((page) => page.goto(`${workspace.url}/items/${itemId}`)));

  it('on a form, undoes Alice’s field and choice but never Bob’s field, and redoes them', async () => {
    await openBoth(cycleId);
    const objective = (page: Page) => page.getByLabel('Objective', { exact: true });
    const tester = (page: Page) => page.getByLabel('Tester', { exact: true });
    const decision = (page: Page, choice: string) =>
      page.getByRole('group', { name: 'Decision' }).getByLabel(choice, { exact: true });
    const both = async (read: (page: Page) => Promise<unknown>, expected: unknown) => {
      for (const page of [alice, bob]) await expect.poll(() => read(page), WAIT).toEqual(expected);
    };

    await objective(alice).fill('Offer the toilet at every round');
    await both((page) => objective(page).inputValue(), 'Offer the toilet at every round');
    await tester(bob).fill('Bob Porter');
    await both((page) => tester(page).inputValue(), 'Bob Porter');

    // Ctrl+Z in the field takes back Alice's typing, whole, for both; Bob's tester stays.
    await objective(alice).focus();
    await alice.keyboard.press('Control+z');
    await both((page) => objective(page).inputValue(), '');
    expect(await tester(alice).inputValue()).toBe('Bob Porter');
    expect(await tester(bob).inputValue()).toBe('Bob Porter');
    await alice.keyboard.press('Control+Shift+z');
    await both((page) => objective(page).inputValue(), 'Offer the toilet at every round');

    // A choice is undone and redone with the buttons; Bob's field is still untouched.
    await decision(alice, 'Adapt').check();
    await both((page) => decision(page, 'Adapt').isChecked(), true);
    await undoButton(alice, 'Undo').click();
    await both((page) => decision(page, 'Adapt').isChecked(), false);
    expect(await objective(bob).inputValue()).toBe('Offer the toilet at every round');
    await undoButton(alice, 'Redo').click();
    await both((page) => decision(page, 'Adapt').isChecked(), true);
    expect(await tester(alice).inputValue()).toBe('Bob Porter');
    // Bob has done nothing of Alice's to undo: his Undo takes back only his tester.
    await undoButton(bob, 'Undo').click();
    await both((page) => tester(page).inputValue(), '');
    expect(await objective(alice).inputValue()).toBe('Offer the toilet at every round');
    expect(await decision(bob, 'Adapt').isChecked()).toBe(true);
  });

  it('in a data table, undoes Alice’s row and her edit of Bob’s value, leaving Bob’s row', async () => {
    await openBoth(measureId);
    const cell = (page: Page, column: 'Period' | 'Value', row: number) =>
      page.getByLabel(`${column}, row ${row}`, { exact: true });
    const rows = (page: Page) => page.getByTestId('points-grid').locator('tbody tr').count();

    // Bob types the first point; Alice sees it.
    await bob.getByRole('button', { name: 'Add a row' }).click();
    await bob.keyboard.type('2025-01');
    await bob.keyboard.press('ArrowRight');
    await bob.keyboard.type('10');
    await expect.poll(() => cell(alice, 'Value', 1).inputValue(), WAIT).toBe('10');

    // Alice adds the second point, then corrects Bob's value.
    await alice.getByRole('button', { name: 'Add a row' }).click();
    await alice.keyboard.type('2025-02');
    await alice.keyboard.press('ArrowRight');
    await alice.keyboard.type('12');
    await cell(alice, 'Value', 1).fill('11');
    await expect.poll(() => cell(bob, 'Value', 1).inputValue(), WAIT).toBe('11');
    await expect.poll(() => cell(bob, 'Value', 2).inputValue(), WAIT).toBe('12');

    // Ctrl+Z: Bob's value is his own again; Alice's row is still there.
    await alice.keyboard.press('Control+z');
    await expect.poll(() => cell(bob, 'Value', 1).inputValue(), WAIT).toBe('10');
    await expect.poll(() => cell(alice, 'Value', 1).inputValue(), WAIT).toBe('10');
    expect(await cell(bob, 'Period', 2).inputValue()).toBe('2025-02');

    // Ctrl+Z until Alice has nothing left to undo: her row goes, Bob's stays as he typed it.
    for (let presses = 0; presses < 5 && (await undoButton(alice, 'Undo').isEnabled()); presses++) {
      await cell(alice, 'Period', 1).focus();
      await alice.keyboard.press('Control+z');
    }
    expect(await undoButton(alice, 'Undo').isDisabled()).toBe(true);
    for (const page of [alice, bob]) {
      await expect.poll(() => rows(page), WAIT).toBe(1);
      expect(await cell(page, 'Period', 1).inputValue()).toBe('2025-01');
      expect(await cell(page, 'Value', 1).inputValue()).toBe('10');
    }

    // Ctrl+Shift+Z until all is back: Alice's row and her correction.
    for (let presses = 0; presses < 5 && (await undoButton(alice, 'Redo').isEnabled()); presses++) {
      await cell(alice, 'Period', 1).focus();
      await alice.keyboard.press('Control+Shift+z');
    }
    await expect.poll(() => cell(bob, 'Value', 1).inputValue(), WAIT).toBe('11');
    await expect.poll(() => cell(bob, 'Period', 2).inputValue(), WAIT).toBe('2025-02');
    expect(await cell(bob, 'Value', 2).inputValue()).toBe('12');
  });

  it('on a driver diagram, undoes Alice’s link, strength, move and delete, never Bob’s node', async () => {
    await openBoth(diagramId);
    const node = (page: Page, id: string) => page.locator(`[data-target="node:${id}"]`);
    for (const page of [alice, bob]) await node(page, 'i1').waitFor(WAIT);
    const status = alice.getByTestId('driver-status');
    const links = () => linksOf(probe.doc);

    // Bob adds a primary driver under the aim, which no undo of Alice's may take away.
    await node(bob, 'aim').focus();
    await bob.keyboard.press('a');
    await expect
      .poll(() => bob.evaluate(() => document.activeElement?.tagName), WAIT)
      .toBe('INPUT');
    await bob.keyboard.type('Staff on the ward');
    await bob.keyboard.press('Enter');
    await alice.locator('.driver-cell', { hasText: 'Staff on the ward' }).waitFor(WAIT);
    // Bob's node and its link to the aim are part of what every undo must leave as it was.
    await expect.poll(() => nodeIds(probe.doc).length, WAIT).toBe(7);
    await expect.poll(() => links().length, WAIT).toBe(6);
    const bobsNodes = nodeIds(probe.doc);
    const bobsLinks = links();

    // Alice links "Bell in reach" to "Better lighting" (L, then Enter on the other node)…
    await node(alice, 's2').focus();
    await alice.keyboard.press('l');
    await node(alice, 'p2').focus();
    await alice.keyboard.press('Enter');
    await expect.poll(() => status.innerText(), WAIT).toMatch(/^Linked “Bell in reach” and/);
    await expect.poll(links, WAIT).toContain('s2>p2:strong');
    // …and makes the new link weak (S on the link).
    const newLink = list(probe.doc, 'edges')
      .toArray()
      .find((row) => `${row.get('from')}>${row.get('to')}` === 's2>p2');
    await alice.locator(`[data-target="edge:${String(newLink?.get('id'))}"]`).focus();
    await alice.keyboard.press('s');
    await expect.poll(links, WAIT).toContain('s2>p2:weak');

    // Ctrl+Z: strong again; Ctrl+Z: the link is gone. Bob's node stays throughout.
    await node(alice, 'aim').focus();
    await alice.keyboard.press('Control+z');
    await expect.poll(links, WAIT).toContain('s2>p2:strong');
    await alice.keyboard.press('Control+z');
    await expect.poll(links, WAIT).toEqual(bobsLinks);
    expect(nodeIds(probe.doc)).toEqual(bobsNodes);
    await expect
      .poll(() => node(bob, 's2').getAttribute('aria-label'), WAIT)
      .not.toContain('Better lighting');
    // Ctrl+Shift+Z twice brings the link back, weak.
    await alice.keyboard.press('Control+Shift+z');
    await expect.poll(links, WAIT).toContain('s2>p2:strong');
    await alice.keyboard.press('Control+Shift+z');
    await expect.poll(links, WAIT).toContain('s2>p2:weak');
    await undoButton(alice, 'Undo').click();
    await undoButton(alice, 'Undo').click();
    await expect.poll(links, WAIT).toEqual(bobsLinks);

    // A move by keyboard (Space, then Enter on the new parent) is one step to undo.
    await node(alice, 'i1').focus();
    await alice.keyboard.press('Space');
    await node(alice, 's2').focus();
    await alice.keyboard.press('Enter');
    await expect
      .poll(() => status.innerText(), WAIT)
      .toBe('Moved “Hourly checks” under “Bell in reach”.');
    await expect.poll(links, WAIT).toContain('i1>s2:strong');
    expect(links()).not.toContain('i1>s1:strong');
    await node(alice, 'aim').focus();
    await alice.keyboard.press('Control+z');
    await expect.poll(links, WAIT).toEqual(bobsLinks);
    await expect
      .poll(() => node(bob, 'i1').getAttribute('aria-label'), WAIT)
      .toContain('Drives “Night rounds”');

    // Deleting "Night rounds" takes its two links; Undo brings back the node and both links.
    await node(alice, 's1').focus();
    await alice.keyboard.press('Delete');
    await alice.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect.poll(() => nodeIds(probe.doc), WAIT).not.toContain('s1');
    expect(links()).toEqual(bobsLinks.filter((link) => !link.includes('s1')));
    await node(bob, 's1').waitFor({ state: 'detached', ...WAIT });
    await undoButton(alice, 'Undo').click();
    await expect.poll(links, WAIT).toEqual(bobsLinks);
    expect(nodeIds(probe.doc)).toEqual(bobsNodes);
    await expect
      .poll(() => node(bob, 's1').getAttribute('aria-label'), WAIT)
      .toContain('Night rounds');
    // Redo deletes it again; Ctrl+Z once more brings it back, linked as before.
    await undoButton(alice, 'Redo').click();
    await expect.poll(() => nodeIds(probe.doc), WAIT).not.toContain('s1');
    // Nothing is left to redo, yet the keyboard is still on the button and Ctrl+Z still works.
    expect(await undoButton(alice, 'Redo').getAttribute('aria-disabled')).toBe('true');
    await alice.keyboard.press('Control+z');
    await expect.poll(links, WAIT).toEqual(bobsLinks);
    expect(nodeIds(probe.doc)).toEqual(bobsNodes);
    await alice.locator('.driver-cell', { hasText: 'Staff on the ward' }).waitFor(WAIT);
  });
});
