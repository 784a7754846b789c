/**
 * The one form building block (`client/lib/Form.tsx`) on forms that use it:
 * signing in, changing one's password and changing one's email address. Each,
 * submitted empty, shows the error summary focused with links to the fields;
 * while a submit is in flight its button is disabled; the server's refusal is
 * shown in the summary. Importing a lab archive: no file, then a file that is not
 * JSON, each named in the summary and under the file field.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password-hash';
import { addPerson, TEST_PASSWORD, TEST_PASSWORD_HASH_COST } from '../helpers/accounts';
import { axeViolations, launchBrowser } from '../helpers/browser';
import { signedInContext } from '../helpers/browser-session';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const summary = (page: Page) => page.locator('.nhsuk-error-summary');
const summaryHasFocus = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary') ?? false);
const summaryLinks = (page: Page) =>
  summary(page)
    .locator('a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));

/** Holds the page's requests to `path` until `release` is called. */
async function holdRequests(page: Page, path: string): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**/api${path}`, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Submits empty, then a refused value with the request held: disabled, then refused. */
async function checkForm(
  page: Page,
  options: {
    readonly button: string;
    readonly empty: readonly string[];
    readonly fill: () => Promise<void>;
    readonly path: string;
    readonly refusal: string;
  },
): Promise<void> {
  const button = page.getByRole('button', { name: options.button });
  await button.click();
  await expect.poll(() => summaryHasFocus(page)).toBe(true);
  expect(await summaryLinks(page)).toEqual(options.empty.map((id) => `#${id}`));
  expect(await axeViolations(page)).toEqual([]);

  await options.fill();
  const release = await holdRequests(page, options.path);
  await button.click();
  await expect.poll(() => button.isDisabled()).toBe(true);
  release();
  await expect.poll(() => summary(page).innerText()).toContain(options.refusal);
  await expect.poll(() => summaryHasFocus(page)).toBe(true);
  expect(await button.isDisabled()).toBe(false);
  await page.unroute(`**/api${options.path}`);
}

describe('the form building block', () => {
  let workspace: TestWorkspace;
  let browser: Browser;
  let page: Page;
  let email: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const person = await addPerson(workspace.server.meta, 'Fran Form', {
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
    });
    email = person.user.email;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
  });

  it('signing in: the summary links to both fields, and a wrong password is refused', async () => {
    await page.goto(`${workspace.url}/sign-in`);
    await checkForm(page, {
      button: 'Sign in',
      empty: ['sign-in-email', 'sign-in-password'],
      fill: async () => {
        await page.getByLabel('Email address').fill(email);
        await page.getByLabel('Password', { exact: true }).fill('not the password');
      },
      path: '/auth/sign-in',
      refusal: 'The email address or password is not right.',
    });
    await page.getByLabel('Password', { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/sign-in');
  });

  it('changing the password: a wrong current password is refused', async () => {
    await page.goto(`${workspace.url}/account`);
    await checkForm(page, {
      button: 'Change password',
      empty: ['current-password', 'new-password'],
      fill: async () => {
        await page.getByLabel('Current password').fill('not the password');
        await page.getByLabel('New password').fill('a long enough new password');
      },
      path: '/auth/password',
      refusal: 'Your current password is not right.',
    });
  });

  it('changing the email address: the current password is asked for, and a wrong one refused', async () => {
    await page.goto(`${workspace.url}/account`);
    const details = page.locator('section[aria-labelledby="details-heading"]');
    await details.getByLabel('Name').fill('');
    await details.getByLabel('Email address').fill('fran.new@example.org');
    await checkForm(page, {
      button: 'Save your details',
      empty: ['details-name', 'details-password'],
      fill: async () => {
        await details.getByLabel('Name').fill('Fran Form');
        await details.getByLabel('Current password').fill('not the password');
      },
      path: '/account',
      refusal: 'Enter your current password to change your email address.',
    });
  });

  it('importing a lab archive: no file, then a file that is not JSON', async () => {
    const ada = await addPerson(workspace.server.meta, 'Ada Admin', {
      isAdmin: true,
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
    });
    const context = await signedInContext(browser, workspace.url, {
      user: ada.user,
      token: ada.token,
      email: ada.user.email,
      password: TEST_PASSWORD,
    });
    const admin = await context.newPage();
    await admin.goto(`${workspace.url}/`);
    const file = admin.getByLabel('Archive file (.json)');
    const fileId = await file.getAttribute('id');
    const importButton = admin.getByRole('button', { name: 'Import' });
    await importButton.click();
    await expect.poll(() => summaryHasFocus(admin)).toBe(true);
    expect(await summaryLinks(admin)).toEqual([`#${fileId}`]);
    expect(await summary(admin).innerText()).toContain('Choose an archive file (.json) to import');

    await file.setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await importButton.click();
    const notJson = 'This file is not a lab archive: it is not valid JSON.';
    await expect.poll(() => summary(admin).innerText()).toContain(notJson);
    // Under the field too, which names the message for screen readers.
    const describedBy = (await file.getAttribute('aria-describedby')) ?? '';
    const errorId = describedBy.split(' ').find((each) => each.endsWith('-error'));
    expect(await admin.locator(`[id="${errorId}"]`).innerText()).toContain(notJson);
    expect(await axeViolations(admin)).toEqual([]);
    await context.close();
  });
});
