/**
 * Two people with real accounts, participants of one lab, in separate browser
 * contexts (separate storage, no BroadcastChannel between them), co-edit one
 * item's document through the real server. Alice signs in through the sign-in
 * page and reaches the server through a proxy the test can cut; Bob's session
 * is made over HTTP.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import {
  type Account,
  addAccount,
  axeViolations,
  heading,
  signedInContext,
  signInOnPage,
  testPasswordHash,
} from '../helpers/browser-session';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const DOC = 'browser-coediting';

const editor = (page: Page) => page.getByRole('textbox', { name: 'Body' });
/** The document's text without the other people's caret labels. */
const documentText = (page: Page) =>
  editor(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    return copy.innerText;
  });
const saveStatus = (page: Page) => page.getByTestId('save-status');

describe('co-editing in the browser', () => {
  let workspace: TestWorkspace;
  let proxy: TcpProxy;
  let browser: Browser;
  let aliceAccount: Account;
  let carolAccount: Account;
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const { meta } = workspace.server;
    const hash = await testPasswordHash();
    const membership = { labId: workspace.labId, role: 'participant' } as const;
    aliceAccount = await addAccount(meta, 'Alice Nurse', hash, membership);
    const bobAccount = await addAccount(meta, 'Bob Patient', hash, membership);
    carolAccount = await addAccount(meta, 'Carol Analyst', hash, {
      labId: workspace.labId,
      role: 'observer',
    });
    await workspace.registerDoc(DOC);
    proxy = await startTcpProxy(workspace.server.port);
    browser = await launchBrowser();
    alice = await (await browser.newContext()).newPage();
    bob = await (await signedInContext(browser, workspace.url, bobAccount)).newPage();
    await bob.goto(`${workspace.url}/items/${DOC}`);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await workspace?.stop();
  });

  it('Alice signs in through the sign-in page and lands on the document she asked for', async () => {
    // Alice reaches the server through a proxy the test can cut.
    await alice.goto(`http://127.0.0.1:${proxy.port}/items/${DOC}`);
    await expect.poll(() => new URL(alice.url()).pathname).toBe('/sign-in');
    expect(new URL(alice.url()).searchParams.get('next')).toBe(`/items/${DOC}`);
    expect(await axeViolations(alice)).toEqual([]);
    await signInOnPage(alice, aliceAccount);
    await expect.poll(() => new URL(alice.url()).pathname).toBe(`/items/${DOC}`);
    await expect.poll(() => heading(alice)).toContain(`Item ${DOC}`);
  });

  it('each sees the other type, with a named caret, and "Saved" once on disk', async () => {
    await expect.poll(() => saveStatus(alice).getAttribute('data-save-state')).toBe('saved');
    await expect.poll(() => saveStatus(bob).getAttribute('data-save-state')).toBe('saved');
    await editor(alice).click();
    await alice.keyboard.type('Aim: reduce falls by a third.');
    await editor(bob).click();
    await bob.keyboard.press('End');
    await bob.keyboard.press('Enter');
    await bob.keyboard.type('Patients asked for call bells within reach.');

    await expect.poll(() => editor(alice).innerText()).toContain('call bells within reach');
    await expect.poll(() => editor(bob).innerText()).toContain('reduce falls by a third');
    await expect
      .poll(() => alice.locator('.collab-caret__label').allInnerTexts())
      .toContain('Bob Patient');
    await expect
      .poll(() => bob.locator('.collab-caret__label').allInnerTexts())
      .toContain('Alice Nurse');
    await expect.poll(() => saveStatus(alice).innerText()).toBe('Saved');
    await expect.poll(() => saveStatus(bob).innerText()).toBe('Saved');
    await expect.poll(() => bob.getByTestId('presence-list').innerText()).toContain('Alice Nurse');
    expect(await bob.getByTestId('presence-list').innerText()).toMatch(/Bob Patient\s*\(you\)/);
  });

  it('a reload shows the persisted text', async () => {
    await bob.reload();
    await expect.poll(() => editor(bob).innerText()).toContain('reduce falls by a third');
    await expect.poll(() => editor(bob).innerText()).toContain('call bells within reach');
  });

  it('an address typed becomes a link when the word ends, and everyone sees the link', async () => {
    await editor(alice).click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type(
      'Guidance at www.england.nhs.uk/qi and, e.g. the wiki https://q.health.org.uk',
    );
    await alice.keyboard.press('Enter');
    const hrefs = (page: Page) =>
      editor(page)
        .locator('a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const expected = ['http://www.england.nhs.uk/qi', 'https://q.health.org.uk'];
    await expect.poll(() => hrefs(alice)).toEqual(expected);
    await expect.poll(() => hrefs(bob)).toEqual(expected);
    // Only the addresses are links: the words around them, "e.g." among them, are not.
    expect(await editor(alice).locator('a').allInnerTexts()).toEqual([
      'www.england.nhs.uk/qi',
      'https://q.health.org.uk',
    ]);
    await expect.poll(() => saveStatus(alice).innerText()).toBe('Saved');
  });

  it('a page taken offline keeps typing, reconnects and both sides converge', async () => {
    await proxy.cut();
    await expect
      .poll(() => saveStatus(alice).innerText())
      .toBe('Offline — changes kept on this device');
    await editor(alice).click();
    await alice.keyboard.press('Control+End');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('Written while the ward wifi was down.');
    await editor(bob).click();
    await bob.keyboard.press('Control+End');
    await bob.keyboard.press('Enter');
    await bob.keyboard.type('Bob kept working online.');
    expect(await editor(bob).innerText()).not.toContain('ward wifi');

    await proxy.restore();
    await expect
      .poll(() => editor(bob).innerText(), { timeout: 15_000 })
      .toContain('ward wifi was down');
    await expect
      .poll(() => editor(alice).innerText(), { timeout: 15_000 })
      .toContain('kept working online');
    await expect.poll(() => saveStatus(alice).innerText(), { timeout: 15_000 }).toBe('Saved');
    expect(await documentText(alice)).toBe(await documentText(bob));
  });

  it('an observer signs in from the document link and reads it; axe finds no WCAG 2.2 A/AA violations', async () => {
    expect(await axeViolations(bob)).toEqual([]);
    const carol = await (await browser.newContext()).newPage();
    await carol.goto(`${workspace.url}/items/${DOC}`);
    await expect.poll(() => new URL(carol.url()).pathname).toBe('/sign-in');
    await carol.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => carol.locator('.nhsuk-error-summary').isVisible()).toBe(true);
    expect(await axeViolations(carol)).toEqual([]);
    await signInOnPage(carol, carolAccount);
    // Carol observes: she reads the same text, without edit controls.
    await expect.poll(() => editor(carol).innerText()).toContain('reduce falls by a third');
    expect(await editor(carol).getAttribute('contenteditable')).toBe('false');
    expect(await carol.getByTestId('access-notice').innerText()).toContain(
      'You can read this but not change it',
    );
    expect(await axeViolations(carol)).toEqual([]);
    // The old document address still works.
    await carol.goto(`${workspace.url}/d/${DOC}`);
    await expect.poll(() => new URL(carol.url()).pathname).toBe(`/items/${DOC}`);
    await expect.poll(() => editor(carol).innerText()).toContain('reduce falls by a third');
    await carol.getByRole('link', { name: /^Back to/ }).click();
    await expect.poll(() => heading(carol)).toBe(`Lab ${workspace.labId}`);
    expect(await axeViolations(carol)).toEqual([]);
    await carol.getByRole('link', { name: 'Improvement Lab' }).click();
    await expect.poll(() => heading(carol)).toBe('Your labs');
    expect(await axeViolations(carol)).toEqual([]);
  });
});
