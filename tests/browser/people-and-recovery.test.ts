/**
 * People and recovery screens: the first-start hint on the sign-in page; the
 * "start here" guide; the people page (search, deactivate, a password link);
 * forgot password by email against a real local SMTP server (the test reads the
 * message and follows its link); the account page's details, sessions and data.
 * Axe on each; screenshots at 1280 and 375 pixels wide.
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
import { mailSettings, startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const SHOTS = process.env.SHOTS_DIR;
const TIMEOUT = { timeout: 15_000 };

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('people and recovery screens', () => {
  let workspace: TestWorkspace;
  let smtp: TestSmtp;
  let browser: Browser;
  let admin: Account;
  let pat: Account;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    workspace = await startTestWorkspace({ config: { mail: mailSettings(smtp) } });
    browser = await launchBrowser();
    const hash = await testPasswordHash();
    pat = await addAccount(workspace.server.meta, 'Pat Participant', hash, {
      labId: workspace.labId,
      role: 'participant',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
    await smtp?.stop();
  });

  it('says on the sign-in page how to set up the first administrator, without the link', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${workspace.url}/sign-in`);
    const hint = page.getByTestId('first-start');
    await hint.waitFor(TIMEOUT);
    expect(await hint.innerText()).toContain('console');
    expect(await page.content()).not.toContain('il_setup_');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'sign-in-first-start');
    await page.context().close();
  });

  it('lets an administrator find a person, deactivate them and make a password link', async () => {
    admin = await addAccount(workspace.server.meta, 'Ada Admin', await testPasswordHash());
    await workspace.server.meta.updateUser(admin.user.id, { isAdmin: true, canCreateLabs: true });
    const page = await (await signedInContext(browser, workspace.url, admin)).newPage();
    await page.goto(`${workspace.url}/`);
    await page.getByRole('heading', { name: 'Start here' }).waitFor(TIMEOUT);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'start-here');
    await page.getByRole('button', { name: 'Hide this guide' }).click();
    await page.getByRole('heading', { name: 'Start here' }).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'Pat Participant' }).waitFor(TIMEOUT);
    await page.getByLabel('Search by name or email').fill('pat');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('1 person matching “pat”').waitFor(TIMEOUT);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Deactivate for Pat Participant' }).click();
    await page.getByText('Deactivated', { exact: true }).waitFor(TIMEOUT);
    expect(workspace.server.meta.getUser(pat.user.id)?.deactivatedAt).toBeTruthy();
    await page.getByRole('button', { name: 'Reactivate for Pat Participant' }).click();
    await page.getByRole('button', { name: 'Deactivate for Pat Participant' }).waitFor(TIMEOUT);

    await page.getByRole('button', { name: 'Make a password link for Pat Participant' }).click();
    const link = page.getByTestId('reset-link');
    await link.waitFor(TIMEOUT);
    expect(await link.innerText()).toContain('/reset-password/il_pwr_');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'people');
    await page.context().close();
  });

  it('forgot password: the emailed link lets the person choose a new password and signs them in', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${workspace.url}/sign-in`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.getByLabel('Email address').waitFor(TIMEOUT);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(pat.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByText(`If ${pat.email} has an account`).waitFor(TIMEOUT);
    await shoot(page, 'forgot-password');

    const email = await smtp.waitForEmail(pat.email, (m) => m.subject.includes('new password'));
    const link = email.links[0] ?? '';
    expect(link.startsWith(`${workspace.url}/reset-password/`)).toBe(true);
    await page.goto(link);
    await page.getByLabel('New password').waitFor(TIMEOUT);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'reset-password');
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => heading(page), TIMEOUT).toBe('Your labs');
    await page.context().close();

    const again = await (await browser.newContext()).newPage();
    await again.goto(`${workspace.url}/sign-in`);
    await signInOnPage(again, { ...pat, password: 'a brand new passphrase' });
    await expect.poll(() => heading(again), TIMEOUT).toBe('Your labs');
    pat = { ...pat, password: 'a brand new passphrase' };
    await again.context().close();
  });

  it('shows the account page with details, sessions and my data, and saves a new name', async () => {
    const page = await (await signedInContext(browser, workspace.url, pat)).newPage();
    await page.goto(`${workspace.url}/account`);
    await page.getByTestId('session-table').waitFor(TIMEOUT);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'account');
    await page.getByLabel('Name', { exact: true }).fill('Pat Partner');
    // The request and its answer first, so a failure says whether the save was sent,
    // refused or answered without the page showing it.
    const answer = page.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' &&
        new URL(response.url()).pathname === '/api/account',
      TIMEOUT,
    );
    await page.getByRole('button', { name: 'Save your details' }).click();
    expect((await answer).status()).toBe(200);
    await page.getByText('Your details have been saved').waitFor(TIMEOUT);
    await page.getByRole('link', { name: /Pat Partner/ }).waitFor(TIMEOUT);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download your data' }).click();
    expect((await download).suggestedFilename()).toBe('my-improvement-lab-data.json');
    await page.context().close();
  });
});
