/**
 * What browser tests of items share: an item created through the API as the lab's
 * owner, two participants (Alice and Bob) each with a signed-in page, the undo and redo
 * buttons, and a small driver diagram written before anyone opens it (so nobody's
 * undo can take it back).
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type * as Y from 'yjs';
import * as z from 'zod';
import { addRow } from '../../shared/documents/item-doc';
import type { ItemKind } from '../../shared/schemas/records';
import {
  type Account,
  addAccount,
  apiWithToken,
  signedInContext,
  testPasswordHash,
} from './browser-session';
import type { TestWorkspace } from './workspace';

export const WAIT = { timeout: 15_000 };

const Created = z.object({ item: z.object({ id: z.string() }) });

/** Creates an item in the workspace's lab as its owner; returns its id. */
export async function createItem(
  workspace: TestWorkspace,
  kind: ItemKind,
  title: string,
): Promise<string> {
  const response = await apiWithToken(
    workspace.url,
    workspace.owner.token,
    'POST',
    `/api/labs/${workspace.labId}/items`,
    { kind, title },
  );
  expect(response.status).toBe(201);
  return Created.parse(await response.json()).item.id;
}

/** Alice and Bob, participants of the workspace's lab. */
export async function aliceAndBob(
  workspace: TestWorkspace,
): Promise<{ alice: Account; bob: Account }> {
  const hash = await testPasswordHash();
  const member = { labId: workspace.labId, role: 'participant' } as const;
  const alice = await addAccount(workspace.server.meta, 'Alice Nurse', hash, member);
  const bob = await addAccount(workspace.server.meta, 'Bob Porter', hash, member);
  return { alice, bob };
}

/** A page signed in as `account` in a context of its own, 1280 × 900, waiting up to `WAIT`. */
export async function pageAs(
  browser: Browser,
  workspace: TestWorkspace,
  account: Account,
): Promise<Page> {
  const context = await signedInContext(browser, workspace.url, account, {
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT.timeout);
  return page;
}

/** The item page's Undo or Redo button (in the "Your changes" group). */
export const undoButton = (page: Page, name: 'Undo' | 'Redo') =>
  page.getByRole('group', { name: 'Your changes' }).getByRole('button', { name, exact: true });

/**
 * Aim ← two primary drivers ← two secondaries (one weakly linked) ← one change idea,
 * in one transaction: ids aim, p1, p2, s1, s2, i1; links named `<from>-<to>`.
 */
export function writeSmallDiagram(doc: Y.Doc): void {
  doc.transact(() => {
    const node = (id: string, type: string, label: string) =>
      addRow(doc, 'drivers', 'nodes', id, { type, label });
    const link = (from: string, to: string, strength = 'strong') =>
      addRow(doc, 'drivers', 'edges', `${from}-${to}`, { from, to, strength });
    node('aim', 'aim', 'Fewer falls at night');
    node('p1', 'primary', 'Safer nights');
    node('p2', 'primary', 'Better lighting');
    node('s1', 'secondary', 'Night rounds');
    node('s2', 'secondary', 'Bell in reach');
    node('i1', 'idea', 'Hourly checks');
    link('p1', 'aim');
    link('p2', 'aim');
    link('s1', 'p1', 'weak');
    link('s2', 'p1');
    link('i1', 's1');
  });
}
