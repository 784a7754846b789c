/**
 * A lab with 80 change ideas: its board and PICK chart show every idea over one
 * WebSocket (the lab feed), opening no idea's document; a change another person
 * makes in an idea's document (its title, its impact and effort) reaches the open
 * board and chart without a reload; changing a card's status opens that idea's
 * document alone, and opening an idea opens its own.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readField, setFieldValue, setTitle } from '../../shared/documents/item-doc';
import { IDEA_STATUSES } from '../../shared/documents/item-kinds';
import { pickQuadrant } from '../../shared/documents/pick-quadrant';
import { SYNC_PATH_PREFIX } from '../../shared/protocol';
import { LAB_FEED_PATH_PREFIX } from '../../shared/schemas/lab-feed';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  apiWithToken,
  givePassword,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { connectStockClient } from '../helpers/stock-client';
import { eachTurn, waitFor } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const IDEA_COUNT = 80;
const IMPACTS = ['high', 'low'] as const;
const EFFORTS = ['easy', 'hard'] as const;

const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** The paths of every WebSocket the page opens, in order. */
function recordSockets(page: Page): string[] {
  const paths: string[] = [];
  page.on('websocket', (socket) => paths.push(new URL(socket.url()).pathname));
  return paths;
}

describe('the ideas board of a lab with 80 ideas', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let owner: Account;
  const ideas: Array<{ id: string; title: string; impact: string; effort: string }> = [];

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    owner = await givePassword(workspace.server.meta, workspace.owner, await testPasswordHash());
    const titles = Array.from({ length: IDEA_COUNT }, (_, i) => `Change idea ${i + 1}`);
    const ids = await Promise.all(
      titles.map(async (title) => {
        const path = `/api/labs/${workspace.labId}/items`;
        const response = await apiWithToken(workspace.url, owner.token, 'POST', path, {
          kind: 'idea',
          title,
        });
        expect(response.status).toBe(201);
        return ((await response.json()) as { item: { id: string } }).item.id;
      }),
    );
    for (const [i, id] of ids.entries()) {
      const impact = IMPACTS[i % 2] ?? 'high';
      const effort = EFFORTS[Math.floor(i / 2) % 2] ?? 'easy';
      ideas.push({ id, title: titles[i] ?? '', impact, effort });
      await workspace.server.registry.change(id, (doc) => {
        setFieldValue(doc, 'idea', 'impact', impact);
        setFieldValue(doc, 'idea', 'effort', effort);
        setFieldValue(doc, 'idea', 'status', IDEA_STATUSES[i % IDEA_STATUSES.length] ?? 'idea');
      });
    }
    // The registry has read every idea's fields, as it would have long before anyone looks.
    const read = () => ideas.filter(({ id }) => workspace.server.meta.getItem(id)?.facts?.effort);
    await waitFor('the registry to read every idea', () => read().length === IDEA_COUNT, eachTurn);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  async function openBoard(): Promise<{ page: Page; sockets: string[] }> {
    const page = await (await signedInContext(browser, workspace.url, owner)).newPage();
    page.setDefaultTimeout(15_000);
    const sockets = recordSockets(page);
    await page.goto(`${workspace.url}/labs/${workspace.labId}/ideas`);
    await page.getByRole('button', { name: 'Show as a board' }).click();
    await eventually(() => page.getByTestId('idea-card').count()).toBe(IDEA_COUNT);
    return { page, sockets };
  }

  const pickBox = (page: Page, impact: string, effort: string) =>
    page.getByTestId(`pick-${pickQuadrant(impact, effort)}`);
  const linksIn = (page: Page, impact: string, effort: string, title: string) =>
    pickBox(page, impact, effort).getByRole('link', { name: title, exact: true }).count();

  it('shows all 80 on the board and the PICK chart over one WebSocket, the lab feed', async () => {
    const { page, sockets } = await openBoard();
    for (const status of IDEA_STATUSES) {
      const expected = ideas.filter((_, i) => IDEA_STATUSES[i % IDEA_STATUSES.length] === status);
      const column = page.getByTestId(`board-column-${status}`);
      expect(await column.getByTestId('idea-card').count()).toBe(expected.length);
    }
    for (const idea of ideas.slice(0, 4)) {
      expect(await linksIn(page, idea.impact, idea.effort, idea.title)).toBe(1);
    }
    expect(await page.getByTestId('pick-chart').getByRole('link').count()).toBe(IDEA_COUNT);
    expect(sockets).toEqual([`${LAB_FEED_PATH_PREFIX}${workspace.labId}`]);

    // Opening an idea opens its own document (and the idea page's lab feed).
    const first = ideas[0];
    if (!first) throw new Error('no ideas');
    await page
      .getByTestId('idea-board')
      .getByRole('link', { name: first.title, exact: true })
      .click();
    await eventually(() => sockets).toContain(`${SYNC_PATH_PREFIX}${first.id}`);
    await page.context().close();
  });

  it('shows another person’s change to an idea’s title, impact and effort without a reload', async () => {
    const { page, sockets } = await openBoard();
    const idea = ideas[5];
    if (!idea) throw new Error('no sixth idea');
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const impact = idea.impact === 'high' ? 'low' : 'high';
    const effort = idea.effort === 'easy' ? 'hard' : 'easy';
    const renamed = 'Bedside handover with the patient';

    const other = connectStockClient(workspace.url, idea.id, workspace.auth());
    await other.whenSynced();
    other.doc.transact(() => {
      setTitle(other.doc, renamed);
      setFieldValue(other.doc, 'idea', 'impact', impact);
      setFieldValue(other.doc, 'idea', 'effort', effort);
    });
    await eventually(() => linksIn(page, impact, effort, renamed)).toBe(1);
    expect(await linksIn(page, idea.impact, idea.effort, idea.title)).toBe(0);
    expect(await linksIn(page, idea.impact, idea.effort, renamed)).toBe(0);
    expect(await page.getByTestId('idea-board').innerText()).toContain(renamed);
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBe(true);
    expect(sockets).toHaveLength(1);
    other.destroy();

    // Changing a card's status opens that idea's document, and no other.
    const moved = ideas[6];
    if (!moved) throw new Error('no seventh idea');
    await page.getByLabel(`Status of ${moved.title}`, { exact: true }).selectOption('spread');
    const spread = page.getByTestId('board-column-spread');
    await eventually(() =>
      spread.getByRole('link', { name: moved.title, exact: true }).count(),
    ).toBe(1);
    await eventually(() =>
      workspace.server.registry.read(moved.id, (doc) => readField(doc, 'idea', 'status')),
    ).toBe('spread');
    expect(sockets).toEqual([
      `${LAB_FEED_PATH_PREFIX}${workspace.labId}`,
      `${SYNC_PATH_PREFIX}${moved.id}`,
    ]);
    await page.context().close();
  });
});
