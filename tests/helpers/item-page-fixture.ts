/**
 * A workspace with one item, its owner able to sign in, and a browser whose fresh
 * pages (signed in or not) are closed at the end: the set-up of the browser tests
 * that open an item's page from its address. Call it inside a `describe`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import {
  type Account,
  apiWithToken,
  givePassword,
  signedInContext,
  testPasswordHash,
} from './browser-session';
import { startTestWorkspace, type TestWorkspace } from './workspace';

export interface ItemPageFixture {
  readonly workspace: TestWorkspace;
  readonly owner: Account;
  readonly itemId: string;
  /** A page in a new browser context, signed in as the owner or not. */
  freshPage(signedIn: boolean): Promise<Page>;
  /** A page in a new browser context signed in as `account` (made with `addAccount`). */
  freshPageAs(account: Account): Promise<Page>;
}

export function itemPageFixture(kind: string, title: string): ItemPageFixture {
  let workspace: TestWorkspace | null = null;
  let owner: Account | null = null;
  let itemId: string | null = null;
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  const ready = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`${what} is not ready: use the fixture inside its tests`);
    return value;
  };

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    owner = await givePassword(workspace.server.meta, workspace.owner, await testPasswordHash());
    const created = await apiWithToken(
      workspace.url,
      owner.token,
      'POST',
      `/api/labs/${workspace.labId}/items`,
      { kind, title },
    );
    if (created.status !== 201) throw new Error(`the ${kind} item was not created`);
    itemId = ((await created.json()) as { item: { id: string } }).item.id;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await workspace?.stop();
  });

  return {
    get workspace() {
      return ready(workspace, 'the workspace');
    },
    get owner() {
      return ready(owner, 'the owner');
    },
    get itemId() {
      return ready(itemId, 'the item');
    },
    async freshPage(signedIn) {
      if (signedIn) return this.freshPageAs(ready(owner, 'the owner'));
      const context = await ready(browser, 'the browser').newContext();
      contexts.push(context);
      return context.newPage();
    },
    async freshPageAs(account) {
      const context = await signedInContext(
        ready(browser, 'the browser'),
        ready(workspace, 'the workspace').url,
        account,
      );
      contexts.push(context);
      return context.newPage();
    },
  };
}
