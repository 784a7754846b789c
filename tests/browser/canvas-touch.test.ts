/**
 * The canvas on a touch screen: two fingers spread apart zoom the drawing about their
 * centre, and one finger pans it, as on a phone or a tablet. Touches are sent through
 * Chromium's DevTools protocol (`Input.dispatchTouchEvent`) in a context with touch.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRow, list } from '../../shared/documents/item-doc';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { connectStockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const WAIT = { timeout: 15_000 };

const transformOf = (page: Page) =>
  page.locator('.canvas__drawing').evaluate((el) => (el as HTMLElement).style.transform);

/** Brings the top of what `selector` is in to the top of the window. */
const showTop = (page: Page, selector: string, around: string) =>
  page
    .locator(selector)
    .evaluate(
      (element, outer) => element.closest(outer)?.scrollIntoView({ block: 'start' }),
      around,
    );

describe('the canvas by touch', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let alice: Account;
  let diagramId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    alice = await addAccount(workspace.server.meta, 'Alice Nurse', await testPasswordHash(), {
      labId: workspace.labId,
      role: 'participant',
    });
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind: 'drivers', title: 'Falls at night' },
    );
    expect(created.status).toBe(201);
    diagramId = ((await created.json()) as { item: { id: string } }).item.id;
    const writer = connectStockClient(workspace.url, diagramId, workspace.auth());
    await writer.whenSynced();
    writer.doc.transact(() => {
      addRow(writer.doc, 'drivers', 'nodes', 'aim', { type: 'aim', label: 'Fewer falls at night' });
      addRow(writer.doc, 'drivers', 'nodes', 'p1', { type: 'primary', label: 'Safer nights' });
      addRow(writer.doc, 'drivers', 'nodes', 's1', { type: 'secondary', label: 'Night rounds' });
      addRow(writer.doc, 'drivers', 'edges', 'p1-aim', {
        from: 'p1',
        to: 'aim',
        strength: 'strong',
      });
      addRow(writer.doc, 'drivers', 'edges', 's1-p1', { from: 's1', to: 'p1', strength: 'weak' });
    });
    const probe = connectStockClient(workspace.url, diagramId, workspace.auth());
    await waitForDoc(
      probe.doc,
      'the diagram on the server',
      () => list(probe.doc, 'edges').length === 2,
    );
    probe.destroy();
    writer.destroy();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  const open = async () => {
    const context = await signedInContext(browser, workspace.url, alice, {
      viewport: { width: 1280, height: 900 },
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${workspace.url}/items/${diagramId}`);
    return page;
  };

  it('pinch-zooms and pans the canvas with fingers', async () => {
    const page = await open();
    const zoom = page.locator('.canvas__zoom');
    await page.locator('[data-target="node:s1"]').waitFor(WAIT);
    await showTop(page, '.canvas__view', '[data-testid="canvas"]');
    const box = await page.locator('.canvas__view').boundingBox();
    if (!box) throw new Error('no canvas on the page');
    const cdp = await page.context().newCDPSession(page);
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: Array<[number, number]>,
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    const scaleOf = async () => Number((await zoom.innerText()).replace('%', ''));
    const before = await scaleOf();
    // Two fingers 100 px apart spread to 300 px apart, about the view's centre.
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await touch('touchStart', [
      [cx - 50, cy],
      [cx + 50, cy],
    ]);
    for (let step = 1; step <= 10; step += 1) {
      await touch('touchMove', [
        [cx - 50 - step * 10, cy],
        [cx + 50 + step * 10, cy],
      ]);
    }
    await touch('touchEnd', []);
    // Three times the spread is three times the zoom, up to the largest (400%).
    await expect.poll(scaleOf, WAIT).toBe(Math.min(400, before * 3));

    // One finger drags the drawing 120 px right and 60 px down; the zoom stays.
    const at = () =>
      transformOf(page).then((t) => {
        const [x, y] = (/translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(t) ?? []).slice(1);
        return { x: Number(x), y: Number(y) };
      });
    const start = await at();
    const zoomed = await scaleOf();
    await touch('touchStart', [[cx, cy]]);
    for (let step = 1; step <= 6; step += 1) {
      await touch('touchMove', [[cx + step * 20, cy + step * 10]]);
    }
    await touch('touchEnd', []);
    await expect
      .poll(async () => {
        const now = await at();
        return [Math.round(now.x - start.x), Math.round(now.y - start.y)];
      }, WAIT)
      .toEqual([120, 60]);
    expect(await scaleOf()).toBe(zoomed);
    await page.context().close();
  });
});
