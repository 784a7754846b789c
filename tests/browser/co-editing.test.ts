/**
 * Two people in separate browser contexts (separate storage, no BroadcastChannel
 * between them) co-edit one document through the real server.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const DOC = 'browser-coediting';
const IDENTITY_KEY = 'improvement-lab:identity';

async function personContext(
  browser: Browser,
  name: string,
  color: string,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(
    ([key, value]) => {
      if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
    },
    [IDENTITY_KEY, JSON.stringify({ name, color })] as const,
  );
  return context;
}

const editor = (page: Page) => page.getByRole('textbox', { name: /^Content of/ });
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
  let alice: Page;
  let bob: Page;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    proxy = await startTcpProxy(workspace.server.port);
    browser = await launchBrowser();
    alice = await (await personContext(browser, 'Alice Nurse', '#005eb8')).newPage();
    bob = await (await personContext(browser, 'Bob Patient', '#007f3b')).newPage();
    // Alice reaches the server through a proxy the test can cut.
    await alice.goto(`http://127.0.0.1:${proxy.port}/d/${DOC}`);
    await bob.goto(`${workspace.url}/d/${DOC}`);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await workspace?.stop();
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

  it('axe-core finds no WCAG 2.2 A/AA violations on the document page or the name form', async () => {
    expect(await axeViolations(bob)).toEqual([]);
    const newcomer = await (await browser.newContext()).newPage();
    await newcomer.goto(`${workspace.url}/d/${DOC}`);
    await newcomer.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => newcomer.getByText('Enter your name').count()).toBeGreaterThan(0);
    expect(await axeViolations(newcomer)).toEqual([]);
    await newcomer.getByLabel('What name should others see?').fill('Carol Analyst');
    await newcomer.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => editor(newcomer).innerText()).toContain('reduce falls by a third');
    expect(await axeViolations(newcomer)).toEqual([]);
    await newcomer.goto(`${workspace.url}/`);
    await expect
      .poll(() => newcomer.getByRole('heading', { level: 1 }).innerText())
      .toBe('Your improvement work');
    expect(await axeViolations(newcomer)).toEqual([]);
  });
});
