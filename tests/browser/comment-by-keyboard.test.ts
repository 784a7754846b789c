/**
 * A reviewer who uses only the keyboard comments on particular words of a
 * read-only draft: read-only text has no caret to select with, so the passage is
 * chosen by paragraph and words.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Comment } from '../../shared/comments';
import { section } from '../../shared/documents/item-doc';
import { axeViolations, launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  apiWithToken,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { connectStockClient, waitForDoc } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const SECOND = 'Call bells are often out of reach at night.';

describe('commenting on a passage with the keyboard alone', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let reviewer: Account;
  let itemId: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    reviewer = await addAccount(workspace.server.meta, 'Pat Patient', await testPasswordHash(), {
      labId: workspace.labId,
      role: 'reviewer',
    });
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      {
        kind: 'note',
        title: 'Leaflet draft',
      },
    );
    itemId = ((await created.json()) as { item: { id: string } }).item.id;
    const writer = connectStockClient(workspace.url, itemId, workspace.auth());
    await writer.whenSynced();
    const paragraphs = ['Falls happen most at night.', SECOND].map((words) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(words)]);
      return paragraph;
    });
    section(writer.doc, 'body').insert(0, paragraphs);
    const probe = connectStockClient(workspace.url, itemId, workspace.auth());
    await waitForDoc(
      probe.doc,
      'the text on the server',
      () => section(probe.doc, 'body').length === 2,
    );
    writer.destroy();
    probe.destroy();
    await apiWithToken(workspace.url, workspace.owner.token, 'PATCH', `/api/items/${itemId}`, {
      sharing: 'open_for_comment',
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('chooses the paragraph and the words, writes the comment, and it is anchored to them', async () => {
    const page = await (await signedInContext(browser, workspace.url, reviewer)).newPage();
    await page.goto(`${workspace.url}/items/${itemId}`);
    await expect.poll(() => page.getByText(SECOND).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const start = page.getByRole('button', { name: 'Comment on a particular passage' }).first();
    await start.focus();
    await page.keyboard.press('Enter');
    const paragraph = page.getByLabel('Paragraph');
    await paragraph.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => paragraph.inputValue()).toBe('1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('out of reach');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByText('You are commenting on these words:').count())
      .toBeGreaterThan(0);
    await page.getByLabel('Your comment').first().focus();
    await page.keyboard.type('Could the bell clip to my cardigan?');
    await page.getByRole('button', { name: 'Send comment' }).first().focus();
    await page.keyboard.press('Enter');

    const stored = async () => {
      const response = await apiWithToken(
        workspace.url,
        workspace.owner.token,
        'GET',
        `/api/items/${itemId}/comments`,
      );
      return ((await response.json()) as { comments: Comment[] }).comments;
    };
    await expect.poll(async () => (await stored()).length).toBe(1);
    const [comment] = await stored();
    expect(comment?.body).toBe('Could the bell clip to my cardigan?');
    expect(comment?.anchor).toMatchObject({ target: 'text.body', quote: 'out of reach' });
    expect(await axeViolations(page)).toEqual([]);
  });
});
