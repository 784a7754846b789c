/**
 * Moving things by dragging them, tried with the mouse as people do (press, move,
 * release) and with the keyboard's equivalent, each change seen live by a second
 * person in another browser context: a driver diagram's node dropped on another
 * parent is re-linked under it (and Space picks a node up, Enter drops it); a
 * workshop note dragged into a cluster lands there; a process map's step dragged
 * by its grip onto another takes its place; a fishbone's cause dragged onto
 * another category (or moved with its menu) goes there with its "whys". Touch is
 * tried in `canvas-touch.test.ts`.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addRow, list } from '../../shared/documents/item-doc';
import { readBoard } from '../../shared/documents/workshop-board';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { createItem, WAIT, writeSmallDiagram } from '../helpers/lab-items';
import { connectStockClient, type StockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
const transformOf = (page: Page) =>
  page.locator('.canvas__drawing').evaluate((el) => (el as HTMLElement).style.transform);
const nodeLabel = (page: Page, id: string) =>
  page.locator(`[data-target="node:${id}"]`).getAttribute('aria-label');

/** The links of the document as "from>to:strength", sorted, as the server holds them. */
function linksOf(doc: Y.Doc): string[] {
  return list(doc, 'edges')
    .toArray()
    .map((row) => `${row.get('from')}>${row.get('to')}:${row.get('strength')}`)
    .sort();
}

/** Brings the top of what `selector` is in (the canvas, the clusters) to the top of the window. */
const showTop = (page: Page, selector: string, around: string) =>
  page
    .locator(selector)
    .evaluate(
      (element, outer) => element.closest(outer)?.scrollIntoView({ block: 'start' }),
      around,
    );

/** Presses the mouse on `from`'s centre, moves to `to`'s centre in steps, and releases. */
async function drag(page: Page, from: string, to: string): Promise<void> {
  await showTop(page, from, '[data-testid="canvas"], .workshop__clusters');
  const a = await page.locator(from).boundingBox();
  const b = await page.locator(to).boundingBox();
  if (!a || !b) throw new Error(`${from} or ${to} is not on screen`);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('dragging to move', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Account;
  let bob: Account;
  let diagramId: string;
  let boardId: string;
  let probe: StockClient;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const hash = await testPasswordHash();
    const member = { labId: workspace.labId, role: 'participant' } as const;
    alice = await addAccount(workspace.server.meta, 'Alice Nurse', hash, member);
    bob = await addAccount(workspace.server.meta, 'Bob Porter', hash, member);
    diagramId = await createItem(workspace, 'drivers', 'Falls at night');
    boardId = await createItem(workspace, 'workshop', 'Night workshop');
    const writer = connectStockClient(workspace.url, diagramId, workspace.auth());
    await writer.whenSynced();
    writeSmallDiagram(writer.doc);
    probe = connectStockClient(workspace.url, diagramId, workspace.auth());
    await waitForDoc(probe.doc, 'the diagram on the server', () => linksOf(probe.doc).length === 5);
    writer.destroy();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    probe?.destroy();
    await browser?.close();
    await workspace?.stop();
  });

  const open = async (account: Account, itemId: string, options = {}) => {
    const context = await signedInContext(browser, workspace.url, account, {
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    const page = await context.newPage();
    await page.goto(`${workspace.url}/items/${itemId}`);
    return page;
  };

  it('moves a driver under another parent by mouse drag and by Space, live for the other person', async () => {
    const a = await open(alice, diagramId);
    const b = await open(bob, diagramId);
    for (const page of [a, b]) await page.locator('[data-target="node:s1"]').waitFor(WAIT);
    const view = await transformOf(a);

    // Alice drags "Night rounds" from "Safer nights" onto "Better lighting".
    await drag(a, '[data-target="node:s1"]', '[data-target="node:p2"]');
    await expect
      .poll(() => a.getByTestId('driver-status').innerText(), WAIT)
      .toBe('Moved “Night rounds” under “Better lighting”.');
    // Re-linked, keeping its weak link; its change idea comes with it; nothing else moved.
    await waitForDoc(probe.doc, 'the move on the server', () =>
      linksOf(probe.doc).some((link) => link.startsWith('s1>p2')),
    );
    expect(linksOf(probe.doc)).toEqual([
      'i1>s1:strong',
      'p1>aim:strong',
      'p2>aim:strong',
      's1>p2:weak',
      's2>p1:strong',
    ]);
    // Bob sees it live, without reloading.
    await expect
      .poll(() => nodeLabel(b, 's1'), WAIT)
      .toContain('Drives “Better lighting” (weak link).');
    // Pressing on a node and dragging moved the node, not the view.
    expect(await transformOf(a)).toBe(view);

    // A change idea dropped on the aim is refused, in words, and nothing changes.
    await drag(a, '[data-target="node:i1"]', '[data-target="node:aim"]');
    await expect
      .poll(() => a.getByTestId('driver-status').innerText(), WAIT)
      .toContain('can only move under a secondary driver');
    expect(linksOf(probe.doc)).toContain('i1>s1:strong');

    // By keyboard: Space picks up "Bell in reach", the arrows go to "Better lighting", Enter drops.
    await a.locator('[data-target="node:s2"]').focus();
    await a.keyboard.press('Space');
    await expect
      .poll(() => a.getByTestId('driver-status').innerText(), WAIT)
      .toMatch(/^Moving “Bell in reach”: go to the node it should drive/);
    expect(await focusedName(a)).toMatch(/^Moving this node\. Secondary driver: Bell in reach\./);
    await a.keyboard.press('ArrowLeft');
    for (const key of ['ArrowDown', 'ArrowUp']) {
      if ((await focusedName(a)).includes('Better lighting')) break;
      await a.keyboard.press(key);
    }
    expect(await focusedName(a)).toContain('Primary driver: Better lighting.');
    await a.keyboard.press('Enter');
    await expect
      .poll(() => a.getByTestId('driver-status').innerText(), WAIT)
      .toBe('Moved “Bell in reach” under “Better lighting”.');
    // The keyboard stays on the node that moved.
    expect(await focusedName(a)).toMatch(/^Secondary driver: Bell in reach\. Drives “Better/);
    await expect.poll(() => nodeLabel(b, 's2'), WAIT).toContain('Drives “Better lighting”.');
    await expect.poll(() => nodeLabel(b, 'p1'), WAIT).toContain('Driven by 0 nodes.');
    await a.context().close();
    await b.context().close();
  });

  it('moves a workshop note into a cluster by mouse drag, live for the other person', async () => {
    // Notes are written by the server (it checks their words); a cluster by anyone taking part.
    const added = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/items/${boardId}/workshop/notes`,
      { text: 'Too dark to find the toilet' },
    );
    expect(added.status).toBe(201);
    const { noteId } = (await added.json()) as { noteId: string };
    const writer = connectStockClient(workspace.url, boardId, workspace.auth());
    await writer.whenSynced();
    addRow(writer.doc, 'workshop', 'clusters', 'c-light', { label: 'Lighting' });
    const boardProbe = connectStockClient(workspace.url, boardId, workspace.auth());
    await waitForDoc(boardProbe.doc, 'the board on the server', () => {
      const board = readBoard(boardProbe.doc);
      return board.notes.length === 1 && board.clusters.length === 1;
    });
    writer.destroy();
    const a = await open(alice, boardId);
    const b = await open(bob, boardId);
    const note = `[data-note="${noteId}"]`;
    for (const page of [a, b]) await page.locator(note).waitFor(WAIT);
    // Held by its words, as a person would take hold of a note, not by its buttons.
    await drag(a, `${note} .workshop__note-text`, '[data-cluster="c-light"]');
    await expect
      .poll(() => a.getByTestId('workshop-said').innerText(), WAIT)
      .toBe('Moved “Too dark to find the toilet” to “Lighting”.');
    await waitForDoc(
      boardProbe.doc,
      'the note in its cluster',
      () => readBoard(boardProbe.doc).notes[0]?.cluster === 'c-light',
    );
    await b.locator(`[data-cluster="c-light"] ${note}`).waitFor(WAIT);
    boardProbe.destroy();
    await a.context().close();
    await b.context().close();
  });

  it('reorders a process map’s steps by dragging one onto another, live for the other person', async () => {
    const processId = await createItem(workspace, 'process', 'Night admission');
    const writer = connectStockClient(workspace.url, processId, workspace.auth());
    await writer.whenSynced();
    writer.doc.transact(() => {
      const steps = {
        arrive: 'Patient arrives',
        assess: 'Falls risk assessed',
        bed: 'Bed allocated',
      };
      for (const [id, label] of Object.entries(steps)) {
        addRow(writer.doc, 'process', 'steps', id, { type: 'step', label });
      }
    });
    const stepOrder = (doc: Y.Doc) =>
      list(doc, 'steps')
        .toArray()
        .map((row) => row.get('id'));
    await waitForDoc(writer.doc, 'the steps', () => stepOrder(writer.doc).length === 3);
    // Tall enough for the three steps' panels at once.
    const a = await open(alice, processId, { viewport: { width: 1280, height: 1600 } });
    const b = await open(bob, processId);
    const shownOrder = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.process-editor__step')].map(
          (li) => li.dataset.row,
        ),
      );
    for (const page of [a, b]) {
      await expect.poll(() => shownOrder(page), WAIT).toEqual(['arrive', 'assess', 'bed']);
    }
    // Bob is in the second step's field; Alice drags "Bed allocated" by its grip onto
    // the first step: it becomes step 1.
    await b.locator('[data-row="assess"] input').first().focus();
    await showTop(a, '[data-row="arrive"]', '.process-editor__steps');
    const grip = await a.locator('[data-row="bed"] .process-editor__grip').boundingBox();
    const first = await a.locator('[data-row="arrive"]').boundingBox();
    if (!grip || !first) throw new Error('the steps are not on screen');
    await a.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await a.mouse.down();
    await a.mouse.move(first.x + first.width / 2, first.y + 20, { steps: 12 });
    await a.mouse.up();
    await expect
      .poll(() => a.getByTestId('process-status').innerText(), WAIT)
      .toBe('Moved step “Bed allocated” to place 1.');
    await waitForDoc(writer.doc, 'the new order', () => stepOrder(writer.doc)[0] === 'bed');
    expect(stepOrder(writer.doc)).toEqual(['bed', 'arrive', 'assess']);
    await expect.poll(() => shownOrder(b), WAIT).toEqual(['bed', 'arrive', 'assess']);
    // The moved step's field has Alice's keyboard; Bob's stays in the step he was in, which
    // the new order put in another place (React moves it within the list, focus and all).
    const focusedRow = (page: Page) =>
      page.evaluate(() => {
        const focused = document.activeElement;
        return `${focused?.tagName} in ${focused?.closest('[data-row]')?.getAttribute('data-row')}`;
      });
    expect(await focusedRow(a)).toBe('INPUT in bed');
    await expect.poll(() => focusedRow(b), WAIT).toBe('INPUT in assess');
    writer.destroy();
    await a.context().close();
    await b.context().close();
  });

  it('moves a fishbone cause to another category by mouse drag and by its menu, live for the other person', async () => {
    const fishboneId = await createItem(workspace, 'fishbone', 'Falls at night');
    const writer = connectStockClient(workspace.url, fishboneId, workspace.auth());
    await writer.whenSynced();
    writer.doc.transact(() => {
      addRow(writer.doc, 'fishbone', 'categories', 'people', { label: 'People' });
      addRow(writer.doc, 'fishbone', 'categories', 'kit', { label: 'Equipment' });
      addRow(writer.doc, 'fishbone', 'causes', 'short', {
        label: 'Short staffed at night',
        parent: 'people',
      });
      addRow(writer.doc, 'fishbone', 'causes', 'sick', { label: 'Sickness', parent: 'short' });
    });
    const parentOf = (id: string) =>
      String(
        list(writer.doc, 'causes')
          .toArray()
          .find((row) => row.get('id') === id)
          ?.get('parent'),
      );
    const a = await open(alice, fishboneId, { viewport: { width: 1280, height: 1600 } });
    const b = await open(bob, fishboneId);
    const causeIn = (page: Page, category: string, cause: string) =>
      page.locator(`section[data-row="${category}"] li[data-row="${cause}"]`);
    for (const page of [a, b]) await causeIn(page, 'people', 'short').waitFor(WAIT);

    // Alice drags "Short staffed at night" by its grip onto "Equipment"; its "why" comes with it.
    await showTop(a, 'section[data-row="people"]', '.fishbone-editor');
    const grip = await a
      .locator('li[data-row="short"] .fishbone-editor__grip')
      .first()
      .boundingBox();
    const kit = await a.locator('section[data-row="kit"]').boundingBox();
    if (!grip || !kit) throw new Error('the fishbone is not on screen');
    await a.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await a.mouse.down();
    await a.mouse.move(kit.x + kit.width / 2, kit.y + 20, { steps: 12 });
    await a.mouse.up();
    await expect
      .poll(() => a.getByTestId('fishbone-status').innerText(), WAIT)
      .toBe('Moved cause “Short staffed at night” to “Equipment”.');
    await waitForDoc(writer.doc, 'the move', () => parentOf('short') === 'kit');
    expect(parentOf('sick')).toBe('short');
    await causeIn(b, 'kit', 'short').waitFor(WAIT);
    expect(await b.locator('section[data-row="kit"] li[data-row="sick"]').count()).toBe(1);

    // The same move by keyboard: its "Move to category" menu, back to "People". Bob is
    // typing in that cause's field as it goes: both keep their place in the moved cause.
    const bobField = causeIn(b, 'kit', 'short').locator('input').first();
    await bobField.focus();
    await a.locator('#move-cause-short').focus();
    await a.locator('#move-cause-short').selectOption('people');
    await expect
      .poll(() => a.getByTestId('fishbone-status').innerText(), WAIT)
      .toBe('Moved cause “Short staffed at night” to “People”.');
    await causeIn(b, 'people', 'short').waitFor(WAIT);
    const focusedIn = (page: Page) =>
      page.evaluate(() => {
        const focused = document.activeElement;
        const row = focused?.closest('li[data-row]')?.getAttribute('data-row') ?? null;
        return {
          tag: focused?.tagName,
          id: focused?.id.startsWith('move-') ? focused.id : '',
          row,
        };
      });
    expect(await focusedIn(a)).toEqual({ tag: 'SELECT', id: 'move-cause-short', row: 'short' });
    await expect.poll(() => focusedIn(b), WAIT).toEqual({ tag: 'INPUT', id: '', row: 'short' });
    await b.keyboard.press('End');
    await b.keyboard.type(' again');
    await waitForDoc(writer.doc, 'Bob’s words', () =>
      list(writer.doc, 'causes')
        .toArray()
        .some((row) => String(row.get('label')) === 'Short staffed at night again'),
    );
    writer.destroy();
    await a.context().close();
    await b.context().close();
  });
});
