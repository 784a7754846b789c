/**
 * A driver diagram built with the keyboard alone by a participant, through the
 * real server, while an observer in another browser context watches the
 * read-only picture and outline change live. Axe checks both views.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addChild,
  addNode,
  type DriverNode,
  deleteNode,
  readGraph,
} from '../../client/features/drivers/driver-graph';
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
import { connectStockClient } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const AIM = 'Reduce falls by a third';
const HELP = 'Patients get help when needed';
const RISK = 'Risks known and acted on';
const BELL = 'Call bell within reach';
const IDEA = 'Call bell check at handover';

/** The focused element's accessible name (its aria-label, else its text). */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    // The page itself has the focus when nothing else does: its text names nothing.
    if (!element || element === document.body) return '';
    return element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
  });

/** Whether the one element `locator` finds has the keyboard focus. */
const hasFocus = (locator: Locator) =>
  locator.evaluate((element) => element === document.activeElement);

/** Presses Tab until the focused element is named `name` (fails after 60 presses). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Tab never reached “${name}”`);
}

/** Types a new node's label into the focused label field and goes back to the diagram. */
async function typeLabel(page: Page, label: string): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
  await expect.poll(() => focusedName(page)).toContain(label);
}

/** The outline as indented lines: each list item's own text, two spaces per level. */
const outlineLines = (page: Page) =>
  page.getByTestId('driver-outline').evaluate((root) => {
    const lines: string[] = [];
    const walk = (list: Element, depth: number) => {
      for (const item of Array.from(list.children)) {
        const own = Array.from(item.childNodes)
          .filter((n) => !(n instanceof HTMLUListElement))
          .map((n) => n.textContent ?? '')
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
        lines.push(`${'  '.repeat(depth)}${own}`);
        for (const nested of Array.from(item.children).filter((c) => c.tagName === 'UL'))
          walk(nested, depth + 1);
      }
    };
    const top = root.querySelector(':scope > ul');
    if (top) walk(top, 0);
    return lines;
  });

const EXPECTED = [
  `Aim: ${AIM}`,
  `  Primary driver: ${HELP}`,
  `    Secondary driver: ${BELL}; also drives “${RISK}”`,
  `      Change idea: ${IDEA}`,
  `  Primary driver: ${RISK}`,
  `    Secondary driver: ${BELL} (weak link); also drives “${HELP}”`,
  `      Change idea: ${IDEA}`,
];

describe('driver diagram in the browser', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Page;
  let carol: Page;
  let diagramId: string;
  let ideaId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const aliceAccount = await addAccount(meta, 'Alice Nurse', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
    const carolAccount = await addAccount(meta, 'Carol Analyst', hash, {
      labId: workspace.labId,
      role: 'observer',
    });
    const create = (kind: ItemKind, title: string) => createItem(workspace, kind, title);
    ideaId = await create('idea', IDEA);
    await create('idea', 'Intentional rounding at night');
    diagramId = await create('drivers', 'Falls driver diagram');
    browser = await launchBrowser();
    alice = await (await signedInContext(browser, workspace.url, aliceAccount)).newPage();
    carol = await (await signedInContext(browser, workspace.url, carolAccount)).newPage();
    await alice.goto(`${workspace.url}/items/${diagramId}`);
    await carol.goto(`${workspace.url}/items/${diagramId}`);
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('is built with the keyboard alone, and the outline shows its structure', async () => {
    await expect.poll(() => heading(alice)).toContain('Falls driver diagram');
    await expect.poll(() => heading(carol)).toContain('Falls driver diagram');
    await expect.poll(() => alice.getByRole('button', { name: 'Add aim' }).count()).toBe(1);
    expect(await axeViolations(alice)).toEqual([]);
    await tabTo(alice, 'Add aim');
    await alice.keyboard.press('Enter');
    await typeLabel(alice, AIM);
    expect(await focusedName(alice)).toMatch(/^Aim: /);

    await alice.keyboard.press('a');
    await typeLabel(alice, HELP);
    expect(await focusedName(alice)).toMatch(/^Primary driver: /);
    await alice.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedName(alice)).toContain(`Aim: ${AIM}`);
    await alice.keyboard.press('Insert');
    await typeLabel(alice, RISK);
    await alice.keyboard.press('ArrowUp');
    await expect.poll(() => focusedName(alice)).toContain(`Primary driver: ${HELP}`);
    await alice.keyboard.press('a');
    await typeLabel(alice, BELL);
    expect(await focusedName(alice)).toMatch(/^Secondary driver: /);

    // Link the secondary driver to the second primary driver too.
    await alice.keyboard.press('l');
    await expect.poll(() => alice.getByTestId('driver-status').innerText()).toContain('Linking');
    await alice.keyboard.press('ArrowLeft');
    await alice.keyboard.press('ArrowDown');
    await expect.poll(() => focusedName(alice)).toContain(`Primary driver: ${RISK}`);
    await alice.keyboard.press('Enter');
    await expect
      .poll(() => alice.getByTestId('driver-status').innerText())
      .toBe(`Linked “${BELL}” and “${RISK}” with a strong link.`);

    // Make that link weak: from the secondary driver, step to its links with ].
    await alice.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(alice)).toContain(`Secondary driver: ${BELL}`);
    await alice.keyboard.press(']');
    await expect.poll(() => focusedName(alice)).toBe(`Strong link: “${BELL}” drives “${HELP}”`);
    await alice.keyboard.press(']');
    await expect.poll(() => focusedName(alice)).toBe(`Strong link: “${BELL}” drives “${RISK}”`);
    await alice.keyboard.press('s');
    await expect.poll(() => focusedName(alice)).toBe(`Weak link: “${BELL}” drives “${RISK}”`);
    expect(await alice.locator('.driver-edge__line--weak').count()).toBe(1);

    // A change idea under the secondary driver, standing for an existing change-idea item.
    await alice.keyboard.press('Escape');
    await expect.poll(() => focusedName(alice)).toContain(`Secondary driver: ${BELL}`);
    await alice.keyboard.press('a');
    await expect.poll(() => alice.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await alice.keyboard.press('Tab');
    await expect.poll(() => focusedName(alice)).toContain('Choose a change idea');
    await alice.keyboard.type(IDEA);
    await expect
      .poll(() =>
        alice
          .getByLabel('Change idea', { exact: true })
          .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
      )
      .toBe(IDEA);
    await alice.keyboard.press('Tab');
    expect(await focusedName(alice)).toBe('Use this change idea');
    await alice.keyboard.press('Enter');
    await expect.poll(() => focusedName(alice)).toContain(`Change idea: ${IDEA}`);
    await expect.poll(() => outlineLines(alice)).toEqual(EXPECTED);
    // The node is the lab's change-idea record: the outline links to that item.
    const ideaLinks = alice.getByTestId('driver-outline').getByRole('link', { name: IDEA });
    expect(await ideaLinks.first().getAttribute('href')).toBe(`/items/${ideaId}`);
    await expect
      .poll(() => alice.getByTestId('driver-idea-link').innerText())
      .toBe(`Stands for the change idea ${IDEA}`);
    expect(await axeViolations(alice)).toEqual([]);
  });

  it('an observer sees the same diagram live, as a picture and an outline without edit controls', async () => {
    await expect.poll(() => outlineLines(carol)).toEqual(EXPECTED);
    const picture = carol.getByRole('img', { name: 'Falls driver diagram' });
    expect(await picture.count()).toBe(1);
    expect(await carol.locator('svg[role="img"] desc').textContent()).toContain(
      '1 aim, 2 primary drivers, 1 secondary driver, 1 change idea, 5 links (1 weak)',
    );
    // Only the view's own controls (zoom, fit, present): nothing that edits.
    const controls = carol.locator('.driver-diagram button, .driver-diagram input');
    expect(await controls.allInnerTexts()).toEqual([
      'Zoom out',
      'Zoom in',
      'Fit to view',
      'Minimap',
      'Present',
    ]);
    expect(await carol.locator('.driver-diagram [tabindex="-1"]').count()).toBe(0);
    expect(await axeViolations(carol)).toEqual([]);

    // Alice deletes the change idea node (after confirming); Carol sees it go.
    await alice.keyboard.press('Delete');
    const confirmation = alice.getByTestId('driver-delete-confirmation');
    await expect
      .poll(() => confirmation.innerText())
      .toContain(`Delete the change idea “${IDEA}” and its 1 link?`);
    expect(await axeViolations(alice)).toEqual([]);
    await alice.keyboard.press('Tab');
    expect(await focusedName(alice)).toBe('Yes, delete it');
    await alice.keyboard.press('Enter');
    await expect.poll(() => outlineLines(carol)).toEqual(EXPECTED.filter((l) => !l.includes(IDEA)));
    await expect.poll(() => focusedName(alice)).toMatch(/^Secondary driver: /);
  });

  it('shows the shortcuts with ?, and selects a node with the mouse', async () => {
    await alice.keyboard.press('?');
    await expect.poll(() => focusedName(alice)).toContain('Keyboard shortcuts');
    expect(await axeViolations(alice)).toEqual([]);
    await alice.keyboard.press('Escape');
    await expect.poll(() => focusedName(alice)).toMatch(/^Secondary driver: /);
    await alice.locator('.driver-cell', { hasText: RISK }).click();
    await expect
      .poll(() => alice.getByTestId('driver-panel').innerText())
      .toContain('Selected primary driver');
    expect(await alice.getByLabel('Label', { exact: true }).inputValue()).toBe(RISK);
  });

  it('keeps the keyboard on a node that someone else’s change moves to another row', async () => {
    // Someone else (here a plain y-websocket client) draws: an aim, two primary
    // drivers and a secondary driver under the second.
    const id = await createItem(workspace, 'drivers', 'Diagram drawn by two');
    const other = connectStockClient(workspace.url, id, workspace.auth());
    await other.whenSynced();
    const node = (nodeId: string): DriverNode => {
      const found = readGraph(other.doc).nodes.find((n) => n.id === nodeId);
      if (!found) throw new Error(`no node ${nodeId}`);
      return found;
    };
    const aim = addNode(other.doc, 'aim', 'Fewer falls');
    const help = addChild(other.doc, node(aim), 'Help comes quickly')?.nodeId ?? '';
    const risks = addChild(other.doc, node(aim), 'Risks known')?.nodeId ?? '';
    addChild(other.doc, node(risks), 'Falls risk assessed');

    // Alice is on that secondary driver, in the grid's first row of nodes.
    await alice.goto(`${workspace.url}/items/${id}`);
    const assessed = alice.locator('.driver-cell[aria-label^="Secondary driver: Falls risk"]');
    await assessed.focus();
    expect(await hasFocus(assessed)).toBe(true);
    const row = () => assessed.evaluate((cell) => cell.closest('[role="row"]')?.ariaRowIndex);
    expect(await row()).toBe('2');

    // A secondary driver added under the first primary driver goes above hers, so
    // hers is drawn in the next row: the keyboard stays with her node.
    const bellId = addChild(other.doc, node(help), 'Call bell in reach')?.nodeId ?? '';
    await expect.poll(row).toBe('3');
    expect(await hasFocus(assessed)).toBe(true);
    const shots = process.env.SHOTS_DIR;
    if (shots) {
      await alice.screenshot({ path: `${shots}/driver-focus-kept-1280.png` });
      await alice.setViewportSize({ width: 375, height: 812 });
      await assessed.scrollIntoViewIfNeeded();
      await alice.screenshot({ path: `${shots}/driver-focus-kept-375.png` });
      await alice.setViewportSize({ width: 1280, height: 900 });
      expect(await hasFocus(assessed)).toBe(true);
    }
    await alice.keyboard.press('ArrowUp');
    const bell = alice.locator('.driver-cell[aria-label^="Secondary driver: Call bell"]');
    await expect.poll(() => hasFocus(bell)).toBe(true);

    // The other person deletes the node Alice is on: she is put on its neighbour, and told.
    deleteNode(other.doc, bellId);
    await expect.poll(() => hasFocus(assessed)).toBe(true);
    expect(await alice.getByTestId('driver-status').innerText()).toBe(
      'Secondary driver “Call bell in reach” is no longer in the diagram.',
    );
    expect(await alice.getByTestId('driver-panel').innerText()).toContain(
      'Selected secondary driver',
    );
    other.destroy();
  });
});
