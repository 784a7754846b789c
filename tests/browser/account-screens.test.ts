/**
 * The account screens: first set-up with the one-time link, sign-in errors
 * (wrong password, rate limit, unsafe `next`), the account page (API tokens,
 * password change) and what happens when a session ends elsewhere.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../server/auth/secrets';
import { launchBrowser } from '../helpers/browser';
import { apiWithToken, axeViolations, heading } from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const ADMIN = {
  name: 'Ada Admin',
  email: 'ada.admin@example.org',
  password: 'first administrator password',
  newPassword: 'a different long password',
} as const;

const path = (page: Page) => new URL(page.url()).pathname;
const errorSummary = (page: Page) => page.locator('.nhsuk-error-summary');
const summaryHasFocus = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary') ?? false);

/** Signs in through the page and waits for the server's answer (the same text may already show). */
async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answered;
}

describe('account screens', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    // No administrator exists yet, so the server made a set-up link.
    // The server's clock stands still, so a backoff's wait never runs out mid-test.
    const startedAt = new Date();
    workspace = await startTestWorkspace({ now: () => startedAt });
    browser = await launchBrowser();
    admin = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('sets up the first administrator with the one-time link, who can then create a lab', async () => {
    const setupPath = workspace.server.setupPath;
    expect(setupPath).toMatch(/^\/setup#il_setup_/);
    await admin.goto(`${workspace.url}/setup`);
    await expect.poll(() => admin.getByTestId('setup-link-incomplete').count()).toBe(1);
    expect(await axeViolations(admin)).toEqual([]);

    await admin.goto(`${workspace.url}${setupPath}`);
    await expect.poll(() => heading(admin)).toBe('Set up Improvement Lab');
    await admin.getByRole('button', { name: 'Create administrator account' }).click();
    await expect.poll(() => summaryHasFocus(admin)).toBe(true);
    expect(await errorSummary(admin).innerText()).toContain('Enter your full name');
    expect(await admin.title()).toMatch(/^Error: /);
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByLabel('Full name').fill(ADMIN.name);
    await admin.getByLabel('Email address').fill(ADMIN.email);
    await admin.getByLabel('Profession or role').selectOption({ label: 'Analyst' });
    await admin.getByLabel('Create a password').fill('too short');
    await admin.getByRole('button', { name: 'Create administrator account' }).click();
    // The server's sentence, under the field and in the summary, which links to the field.
    await expect
      .poll(() => errorSummary(admin).innerText())
      .toContain('Use at least 10 characters');
    await errorSummary(admin).getByRole('link', { name: 'Use at least 10 characters' }).click();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('setup-password');
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByLabel('Create a password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Create administrator account' }).click();
    await expect.poll(() => heading(admin)).toBe('Your labs');
    expect(new URL(admin.url()).hash).toBe('');
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByLabel('Lab title').fill('Sepsis screening lab');
    await admin.getByLabel('Challenge question').fill('How might we screen for sepsis sooner?');
    await admin.getByLabel('Phase').selectOption('test');
    await admin.getByRole('button', { name: 'Create lab' }).click();
    await expect.poll(() => heading(admin)).toBe('Sepsis screening lab');
    expect(await admin.getByTestId('lab-challenge').innerText()).toContain('screen for sepsis');
    expect(await admin.getByTestId('lab-facts').innerText()).toMatch(/Test[\s\S]*Facilitator/);
    expect(await admin.getByRole('heading', { name: 'Add an item' }).count()).toBe(1);
    expect(await admin.getByRole('link', { name: 'Settings' }).count()).toBe(1);
    expect(await axeViolations(admin)).toEqual([]);

    const again = await (await browser.newContext()).newPage();
    await again.goto(`${workspace.url}${setupPath}`);
    await expect.poll(() => heading(again)).toBe('Improvement Lab is already set up');
    expect(await axeViolations(again)).toEqual([]);
  });

  it('explains sign-in failures with the server’s sentences and keeps `next` on this site', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${workspace.url}/account`);
    await expect.poll(() => path(page)).toBe('/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
    expect(await page.title()).toBe('Sign in – Improvement Lab');

    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => summaryHasFocus(page)).toBe(true);
    expect(await errorSummary(page).innerText()).toMatch(
      /Enter your email address[\s\S]*Enter your password/,
    );
    expect(await axeViolations(page)).toEqual([]);

    await signIn(page, ADMIN.email, 'not the password');
    await expect
      .poll(() => errorSummary(page).innerText())
      .toContain('The email address or password is not right.');
    expect(await summaryHasFocus(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Failures back off: after five on one account from one address, the server asks for a wait.
    const stranger = 'nobody@example.org';
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(page, stranger, `wrong password ${attempt}`);
      expect(await errorSummary(page).innerText()).toContain(
        'The email address or password is not right.',
      );
    }
    await signIn(page, stranger, 'wrong password 6');
    await expect
      .poll(() => errorSummary(page).innerText())
      .toContain('Too many attempts. Try again in 1 second.');
    expect(await axeViolations(page)).toEqual([]);

    await signIn(page, ADMIN.email, ADMIN.password);
    await expect.poll(() => heading(page)).toBe('Your account');

    // A `next` that leaves the site is ignored.
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${workspace.url}/sign-in?next=${encodeURIComponent('//example.org/x')}`);
    await signIn(other, ADMIN.email, ADMIN.password);
    await expect.poll(() => heading(other)).toBe('Your labs');
    expect(new URL(other.url()).origin).toBe(workspace.url);
  });

  it('creates an API token shown once, which works until it is revoked', async () => {
    await admin.getByRole('link', { name: /^Ada Admin/ }).click();
    await expect.poll(() => heading(admin)).toBe('Your account');
    expect(await axeViolations(admin)).toEqual([]);

    await admin.getByLabel('Token name').fill('Run chart script');
    await admin.getByLabel('Expires').selectOption('90');
    await admin.getByRole('button', { name: 'Create token' }).click();
    const shown = admin.getByTestId('new-token');
    await expect.poll(() => shown.innerText()).toContain('This token will not be shown again');
    expect(await shown.innerText()).toContain('Authorization: Bearer <token>');
    expect(await shown.innerText()).toContain('?access_token=<token>');
    const token = await admin.getByLabel('Token', { exact: true }).inputValue();
    expect(token).toMatch(/^il_pat_/);
    const expiresAt = workspace.server.meta.findApiTokenByHash(hashSecret(token))?.expiresAt;
    expect((Date.parse(expiresAt ?? '') - Date.now()) / 86_400_000).toBeCloseTo(90, 1);
    await expect
      .poll(() => admin.getByTestId('token-table').innerText())
      .toContain('Run chart script');
    expect(await axeViolations(admin)).toEqual([]);
    expect((await apiWithToken(workspace.url, token, 'GET', '/api/labs')).status).toBe(200);

    await admin.getByRole('button', { name: 'Revoke token “Run chart script”' }).click();
    await expect.poll(() => admin.getByTestId('token-table').innerText()).toContain('Revoked');
    expect((await apiWithToken(workspace.url, token, 'GET', '/api/labs')).status).toBe(401);
    expect(await axeViolations(admin)).toEqual([]);
  });

  it('changes the password, which signs out other sessions: their next page says so and signs in again to it', async () => {
    const elsewhere = await (await browser.newContext()).newPage();
    await elsewhere.goto(`${workspace.url}/sign-in`);
    await signIn(elsewhere, ADMIN.email, ADMIN.password);
    await expect.poll(() => heading(elsewhere)).toBe('Your labs');

    await admin.getByLabel('Current password').fill('not my password');
    await admin.getByLabel('New password').fill(ADMIN.newPassword);
    await admin.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => errorSummary(admin).innerText())
      .toContain('Your current password is not right.');
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByLabel('Current password').fill(ADMIN.password);
    await admin.getByLabel('New password').fill(ADMIN.newPassword);
    await admin.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => admin.locator('.nhsuk-notification-banner').innerText())
      .toContain('Your password has been changed');
    expect(await axeViolations(admin)).toEqual([]);

    // The other session ended: its next API call (loading a lab) says so on that page,
    // with the header no longer naming anyone, and "Sign in again" comes back to it.
    await elsewhere.getByRole('link', { name: 'Sepsis screening lab' }).click();
    await expect
      .poll(() => elsewhere.getByTestId('signed-out').innerText())
      .toContain('You have been signed out. Sign in again; your changes are kept on this device.');
    const labPath = path(elsewhere);
    expect(labPath).toMatch(/^\/labs\//);
    expect(await elsewhere.getByRole('link', { name: /Ada Admin/ }).count()).toBe(0);
    expect(await axeViolations(elsewhere)).toEqual([]);
    await elsewhere.getByRole('link', { name: 'Sign in again' }).click();
    await expect.poll(() => path(elsewhere)).toBe('/sign-in');
    expect(await elsewhere.getByTestId('session-ended').innerText()).toContain(
      'You have been signed out',
    );
    await signIn(elsewhere, ADMIN.email, ADMIN.newPassword);
    await expect.poll(() => path(elsewhere)).toBe(labPath);
    await expect.poll(() => heading(elsewhere)).toBe('Sepsis screening lab');
  });

  it('signs out from the header', async () => {
    await admin.getByRole('button', { name: 'Sign out' }).first().click();
    await expect.poll(() => path(admin)).toBe('/sign-in');
    expect(new URL(admin.url()).search).toBe('');
    await admin.goto(`${workspace.url}/account`);
    await expect.poll(() => path(admin)).toBe('/sign-in');
    expect(await admin.getByRole('link', { name: /Ada Admin/ }).count()).toBe(0);
  });
});
