/**
 * The canvas every diagram is drawn in, tried as a facilitator would: the demo
 * lab's driver diagram presented on a 1280×720 and a 1920×1080 screen shows every
 * node without scrolling; the view pans, zooms, fits and shows a minimap from the
 * keyboard; a mouse drag pans without selecting the labels it passes, and the
 * minimap maps every node; two people in separate browser contexts see each
 * other's nodes and selection live; and undo takes back only one's own change,
 * the other's staying.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  axeViolations,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const WAIT = { timeout: 15_000 };
const SHOTS = '/tmp/shots-diagrams';
const ADMIN = { email: 'demo.admin@example.org', password: TEST_PASSWORD, name: 'Dana Admin' };

const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Every node box of the drawing, and whether each lies wholly inside the window. */
function nodesInWindow(page: Page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[data-testid="canvas"] .driver-node__box')];
    const { innerWidth, innerHeight } = window;
    return {
      count: boxes.length,
      outside: boxes.filter((box) => {
        const r = box.getBoundingClientRect();
        return r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight;
      }).length,
      // The view never scrolls: what does not fit is panned, not scrolled to.
      viewScrolls: [...document.querySelectorAll('.canvas__view')].some(
        (view) => view.scrollHeight > view.clientHeight || view.scrollWidth > view.clientWidth,
      ),
      // Nothing behind the presented diagram can be scrolled into the way.
      pageLocked: getComputedStyle(document.documentElement).overflow === 'hidden',
    };
  });
}

const transformOf = (page: Page) =>
  page.locator('.canvas__drawing').evaluate((el) => (el as HTMLElement).style.transform);

describe('diagram canvas', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let admin: Account;
  let alice: Page;
  let bob: Page;
  let diagramId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace({ config: { demo: true, admin: ADMIN } });
    const user = workspace.server.meta.findUserByEmail(ADMIN.email);
    if (!user) throw new Error('the demo administrator was not created');
    admin = { user, token: '', email: ADMIN.email, password: ADMIN.password };
    const hash = await testPasswordHash();
    const member = { labId: workspace.labId, role: 'participant' } as const;
    const aliceAccount = await addAccount(workspace.server.meta, 'Alice Nurse', hash, member);
    const bobAccount = await addAccount(workspace.server.meta, 'Bob Porter', hash, member);
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'drivers', title: 'Shared diagram' },
    );
    expect(created.status).toBe(201);
    diagramId = ((await created.json()) as { item: { id: string } }).item.id;
    browser = await launchBrowser();
    alice = await (await signedInContext(browser, workspace.url, aliceAccount)).newPage();
    bob = await (await signedInContext(browser, workspace.url, bobAccount)).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    it(`presents the whole demo driver diagram on a ${width}×${height} screen`, async () => {
      const context = await signedInContext(browser, workspace.url, admin, {
        viewport: { width, height },
      });
      const page = await context.newPage();
      await page.goto(`${workspace.url}/items/demo-drivers`);
      const present = page.getByRole('button', { name: 'Present' });
      await present.waitFor(WAIT);
      await page.screenshot({ path: `${SHOTS}/driver-diagram-${width}.png` });
      await present.click();
      await page.locator('[data-presenting="true"]').waitFor(WAIT);
      // The fit lands on the next frame: wait until every node is in the window.
      await expect.poll(async () => (await nodesInWindow(page)).outside, WAIT).toBe(0);
      const seen = await nodesInWindow(page);
      expect(seen.count).toBe(10);
      expect(seen.viewScrolls).toBe(false);
      expect(seen.pageLocked).toBe(true);
      // Large type: the drawing is shown at least at its own size.
      expect(await page.locator('.canvas__zoom').innerText()).toMatch(/^\d{3}%$/);
      await page.screenshot({ path: `${SHOTS}/driver-present-${width}.png` });
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('[data-presenting="false"]').waitFor(WAIT);
      await context.close();
    });
  }

  it('pans, zooms, fits and shows a minimap from the keyboard, and reads at 375 px', async () => {
    const context = await signedInContext(browser, workspace.url, admin, {
      viewport: { width: 375, height: 740 },
    });
    const page = await context.newPage();
    await page.goto(`${workspace.url}/items/demo-drivers`);
    const firstNode = page.locator('[data-target="node:n-aim"]');
    await firstNode.waitFor(WAIT);
    // A phone starts at full size, so the labels can be read (at 60% they were about 8 px).
    await expect.poll(() => page.locator('.canvas__zoom').innerText(), WAIT).toBe('100%');
    // One line of the aim's label, as drawn on the screen.
    const lineHeight = await firstNode.evaluate(
      (node) =>
        node.querySelector('.driver-node__label tspan')?.getBoundingClientRect().height ?? 0,
    );
    expect(lineHeight).toBeGreaterThanOrEqual(12);
    await firstNode.focus();
    const status = page.locator('.canvas [role="status"]');
    await page.keyboard.press('+');
    await expect.poll(() => status.innerText(), WAIT).toMatch(/^Zoom \d+%\.$/);
    const before = await transformOf(page);
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => transformOf(page), WAIT).not.toBe(before);
    // Shift+arrow panned; the plain arrow still moves between nodes.
    expect(await focusedName(page)).toContain('Aim:');
    await page.keyboard.press('0');
    await expect.poll(() => status.innerText(), WAIT).toContain('Whole driver diagram in view');
    const minimapShown = await page.getByTestId('canvas-minimap').count();
    await page.keyboard.press('m');
    await expect
      .poll(() => page.getByTestId('canvas-minimap').count(), WAIT)
      .toBe(1 - minimapShown);
    // Keyboard focus moved to a node off screen brings it into view.
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(page), WAIT).toMatch(/^Change idea: /);
    const inView = () =>
      page.evaluate(() => {
        const view = document.querySelector('.canvas__view')?.getBoundingClientRect();
        const node = document.activeElement?.getBoundingClientRect();
        return !!view && !!node && node.left >= view.left && node.right <= view.right;
      });
    await expect.poll(inView, WAIT).toBe(true);
    // The outline reads the diagram in words on a phone. The aim is the lab's SMART aim,
    // written once in the problem statement; change ideas show their status and PICK box.
    expect(await page.getByTestId('driver-outline').innerText()).toContain(
      'Aim: Reduce inpatient falls for patients on Ward 7 from 6.1 to 4 falls per 1,000 occupied bed days by 31 March 2027.',
    );
    expect(
      await page.locator('[data-target="node:n-i-round"]').getAttribute('aria-label'),
    ).toContain('Testing · Implement.');
    const scrollsSideways = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(scrollsSideways).toBe(false);
    await page.screenshot({ path: `${SHOTS}/driver-diagram-375.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('pans by mouse drag without selecting the labels it passes, and maps every node', async () => {
    const context = await signedInContext(browser, workspace.url, admin, {
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${workspace.url}/items/demo-drivers`);
    await page.locator('[data-target="node:n-aim"]').waitFor(WAIT);
    await page.locator('.canvas__view').evaluate((view) => view.scrollIntoView({ block: 'start' }));
    const view = await page.locator('.canvas__view').boundingBox();
    if (!view) throw new Error('the canvas is not on screen');
    // Pressed on the drawing between the columns, not on a node (dragging a node moves it).
    const x = view.x + view.width / 2;
    const y = view.y + view.height / 2;
    expect(
      await page.evaluate(({ px, py }) => document.elementFromPoint(px, py)?.tagName, {
        px: x,
        py: y,
      }),
    ).toBe('svg');
    const before = await transformOf(page);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - 300, y + 20, { steps: 15 });
    await page.mouse.up();
    await expect.poll(() => transformOf(page), WAIT).not.toBe(before);
    // The labels passed over are not selected (a plain drag over text would highlight them).
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('');

    // The minimap draws each node's box: one closed shape per node, in one path.
    if ((await page.getByTestId('canvas-minimap').count()) === 0) {
      await page.getByRole('button', { name: 'Minimap' }).click();
    }
    const nodes = await page.locator('[data-testid="canvas"] .driver-node__box').count();
    const shapes = await page
      .locator('.canvas__minimap-boxes')
      .evaluate((path) => (path.getAttribute('d') ?? '').split('z').length - 1);
    expect(nodes).toBeGreaterThan(1);
    expect(shapes).toBe(nodes);
    await context.close();
  });

  it('shows two people each other’s nodes and selection live, and undoes only one’s own change', async () => {
    await alice.goto(`${workspace.url}/items/${diagramId}`);
    await bob.goto(`${workspace.url}/items/${diagramId}`);
    await alice.getByRole('button', { name: 'Add aim' }).click(WAIT);
    await alice.keyboard.type('Alice’s aim');
    await alice.keyboard.press('Enter');
    const bobAim = bob.locator('.driver-cell', { hasText: 'Alice’s aim' });
    await bobAim.waitFor(WAIT);

    // Bob adds a primary driver under Alice's aim; Alice sees it.
    await bobAim.click();
    await bob.keyboard.press('a');
    await expect
      .poll(() => bob.evaluate(() => document.activeElement?.tagName), WAIT)
      .toBe('INPUT');
    await bob.keyboard.type('Bob’s driver');
    await bob.keyboard.press('Enter');
    await alice.locator('.driver-cell', { hasText: 'Bob’s driver' }).waitFor(WAIT);

    // Selection is live: Alice sees where Bob is, and Bob where Alice is.
    await expect
      .poll(
        () => alice.locator('.driver-cell', { hasText: 'Bob’s driver' }).getAttribute('aria-label'),
        WAIT,
      )
      .toContain('Bob Porter here.');
    await alice.locator('.driver-cell', { hasText: 'Alice’s aim' }).click();
    await expect
      .poll(
        () => bob.locator('.driver-cell', { hasText: 'Alice’s aim' }).getAttribute('aria-label'),
        WAIT,
      )
      .toContain('Alice Nurse here.');

    // Alice renames her aim, then presses Ctrl+Z in the label: the old label is back, whole.
    await alice.keyboard.press('Enter');
    await expect
      .poll(() => alice.evaluate(() => document.activeElement?.tagName), WAIT)
      .toBe('INPUT');
    await alice.keyboard.press('End');
    await alice.keyboard.type(' by spring');
    await bob.locator('.driver-cell', { hasText: 'Alice’s aim by spring' }).waitFor(WAIT);
    await alice.keyboard.press('Control+z');
    await expect
      .poll(() => alice.getByLabel('Label', { exact: true }).inputValue(), WAIT)
      .toBe('Alice’s aim');
    await expect
      .poll(() => bob.locator('.driver-cell', { hasText: 'by spring' }).count(), WAIT)
      .toBe(0);
    // Bob's driver is untouched by Alice's undo.
    expect(await alice.locator('.driver-cell', { hasText: 'Bob’s driver' }).count()).toBe(1);

    // Redo brings the rename back, with the button this time.
    await alice.getByRole('button', { name: 'Redo' }).click();
    await bob.locator('.driver-cell', { hasText: 'Alice’s aim by spring' }).waitFor(WAIT);

    // Bob undoes twice: his driver goes (label, then node); Alice's aim stays as she left it.
    await bob.locator('.driver-cell', { hasText: 'Bob’s driver' }).click();
    await bob.keyboard.press('Control+z');
    await bob.keyboard.press('Control+z');
    await expect
      .poll(() => alice.locator('.driver-cell', { hasText: 'Bob’s driver' }).count(), WAIT)
      .toBe(0);
    expect(await alice.locator('.driver-cell', { hasText: 'Alice’s aim by spring' }).count()).toBe(
      1,
    );
    expect(await bob.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    await alice.screenshot({ path: `${SHOTS}/driver-undo-1280.png` });
    expect(await axeViolations(alice)).toEqual([]);
  });
});
