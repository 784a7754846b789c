/**
 * An item page opened from its address connects to the item's document while the
 * session is still being asked for, and the page then works over that one socket:
 * an editor types and hears "Saved" on it, a reader sees "Up to date" on it. When
 * the server refuses the item, the early socket is closed and the page says what
 * it said before.
 */
import type { Page, WebSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addAccount, testPasswordHash } from '../helpers/browser-session';
import { itemPageFixture } from '../helpers/item-page-fixture';

/** Every WebSocket the page opens to the document `docId` (not its comments). */
function documentSockets(page: Page, docId: string): { all: WebSocket[]; first: Promise<void> } {
  const all: WebSocket[] = [];
  const first = new Promise<void>((resolve) => {
    page.on('websocket', (socket) => {
      if (new URL(socket.url()).pathname !== `/sync/${docId}`) return;
      all.push(socket);
      resolve();
    });
  });
  return { all, first };
}

/** Holds the session's answer until `before` has happened. */
async function holdSessionUntil(page: Page, before: Promise<void>): Promise<void> {
  await page.route('**/api/auth/me', async (route) => {
    await before;
    await route.continue();
  });
}

const saveStatus = (page: Page, state: string) =>
  page.locator(`[data-testid="save-status"][data-save-state="${state}"]`);

describe('the document connection of an item page opened from its address', () => {
  const fixture = itemPageFixture('note', 'Handover at night');

  it('opens one socket before the session answers, and an editor saves over it', async () => {
    const page = await fixture.freshPage(true);
    const sockets = documentSockets(page, fixture.itemId);
    // Held until the socket is open: opened after the session's answer, it never would be.
    await holdSessionUntil(page, sockets.first);
    await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
    const editor = page.locator('[contenteditable="true"]').first();
    await editor.click();
    await page.keyboard.type('Two nurses check the bed rails');
    await saveStatus(page, 'saved').waitFor();
    expect(sockets.all).toHaveLength(1);
    expect(sockets.all[0]?.isClosed()).toBe(false);
  });

  it('a reader takes the same socket and is shown "Up to date"', async () => {
    const reader = await addAccount(
      fixture.workspace.server.meta,
      'Otto Observer',
      await testPasswordHash(),
      { labId: fixture.workspace.labId, role: 'observer' },
    );
    const page = await fixture.freshPageAs(reader);
    const sockets = documentSockets(page, fixture.itemId);
    await holdSessionUntil(page, sockets.first);
    await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
    await saveStatus(page, 'saved').waitFor();
    expect(await page.getByTestId('save-status').innerText()).toBe('Up to date');
    expect(await page.locator('[contenteditable="true"]').count()).toBe(0);
    expect(sockets.all).toHaveLength(1);
  });

  it('closes the early socket of an item the person may not open, and says it was not found', async () => {
    const outsider = await addAccount(
      fixture.workspace.server.meta,
      'Olga Outsider',
      await testPasswordHash(),
    );
    const page = await fixture.freshPageAs(outsider);
    const sockets = documentSockets(page, fixture.itemId);
    await holdSessionUntil(page, sockets.first);
    await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
    await page.getByTestId('load-error').waitFor();
    expect(await page.getByTestId('load-error').textContent()).toContain('That item');
    const [socket] = sockets.all;
    if (!socket) throw new Error('no socket was opened to the item');
    if (!socket.isClosed()) await socket.waitForEvent('close');
    expect(sockets.all).toHaveLength(1);
  });

  it('closes the early socket when the item page’s code cannot be fetched', async () => {
    const page = await fixture.freshPage(true);
    const sockets = documentSockets(page, fixture.itemId);
    await page.route(/\/assets\/ItemPage-[^/]+\.js$/, (route) => route.abort('failed'));
    await holdSessionUntil(page, sockets.first);
    await page.goto(`${fixture.workspace.url}/items/${fixture.itemId}`);
    await page.getByTestId('page-load-error').waitFor();
    const [socket] = sockets.all;
    if (!socket) throw new Error('no socket was opened to the item');
    if (!socket.isClosed()) await socket.waitForEvent('close');
    expect(sockets.all).toHaveLength(1);
  });
});
