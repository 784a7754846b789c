/**
 * Single sign-on in a real browser against a real OpenID provider (`oidc-provider`,
 * its own login and consent pages): from a lab's page, signed out, to the sign-in page,
 * "Sign in with …", logging in and consenting at the provider, and back signed in on
 * the lab's page. A refusal is a plain message on the sign-in page. An invitation is
 * accepted, and an account linked from its account page, the same way. Axe on the
 * changed pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_ERRORS } from '../../shared/schemas/sso';
import { launchBrowser } from '../helpers/browser';
import {
  addAccount,
  apiWithToken,
  axeViolations,
  heading,
  signedInContext,
  testPasswordHash,
} from '../helpers/browser-session';
import { startOidcProvider, type TestProvider } from '../helpers/oidc-provider';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const TIMEOUT = { timeout: 15_000 };
const SHOTS = process.env.SHOTS_DIR;

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
const LABEL = 'Sign in with Example NHS';

describe('signing in with an organisation account in a browser', () => {
  let provider: TestProvider;
  let workspace: TestWorkspace;
  let browser: Browser;

  beforeAll(async () => {
    provider = await startOidcProvider([
      { login: 'pat', email: 'pat@example.org', emailVerified: true, name: 'Pat Provider' },
      { login: 'nia', email: 'nia@example.org', emailVerified: true, name: 'Nia Newcomer' },
      { login: 'lena', email: 'lena@example.org', emailVerified: true, name: 'Lena Linker' },
      { login: 'sol', email: 'sol@example.org', emailVerified: true, name: 'Sol Stranger' },
    ]);
    workspace = await startTestWorkspace({
      config: { oidc: provider.settings({ allowedDomains: ['example.org'], name: 'Example NHS' }) },
    });
    provider.allowRedirect(`${workspace.url}/api/auth/sso/callback`);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await workspace?.stop();
    await provider?.close();
  });

  /** Logs in as `login` on the provider's page, and consents if asked. */
  async function atProvider(page: Page, login: string): Promise<void> {
    await page.waitForURL((url) => url.origin === provider.issuer, TIMEOUT);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click(TIMEOUT);
  }

  it('signs in at the provider and lands back signed in on the page it came from', async () => {
    const pat = await addAccount(workspace.server.meta, 'Pat Provider', await testPasswordHash(), {
      labId: workspace.labId,
      role: 'participant',
    });
    await workspace.server.meta.linkIdentity(pat.user.id, {
      issuer: provider.issuer,
      subject: 'pat',
    });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${workspace.url}/labs/${workspace.labId}`);
    const button = page.getByRole('button', { name: LABEL });
    await button.waitFor(TIMEOUT);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'sso-sign-in');

    await button.click();
    await atProvider(page, 'pat');
    await page.waitForURL(`${workspace.url}/labs/${workspace.labId}`, TIMEOUT);
    expect(await heading(page)).toContain(`Lab ${workspace.labId}`);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.user.id).toBe(pat.user.id);
    await page.context().close();
  });

  it('shows a refusal as a plain message on the sign-in page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${workspace.url}/sign-in`);
    await page.getByRole('button', { name: LABEL }).click(TIMEOUT);
    await atProvider(page, 'sol');
    await page.waitForURL((url) => url.searchParams.get('sso_error') === 'no_account', TIMEOUT);
    const alert = page.locator('.nhsuk-error-summary');
    await alert.waitFor(TIMEOUT);
    expect(await alert.innerText()).toContain(SSO_ERRORS.no_account);
    // A message, never a stack trace or an error's name.
    expect(await page.locator('body').innerText()).not.toMatch(/:\d+:\d+\)|ApiError|TypeError/);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'sso-refused');
    await page.context().close();
  });

  it('accepts an invitation by signing in with the organisation', async () => {
    const created = await apiWithToken(
      workspace.url,
      workspace.owner.token,
      'POST',
      `/api/labs/${workspace.labId}/invites`,
      { role: 'observer' },
    );
    const { path } = (await created.json()) as { path: string };
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${workspace.url}${path}`);
    const join = page.getByTestId('join-with-organisation');
    await join.waitFor(TIMEOUT);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'sso-invitation');
    await join.getByLabel('Profession or role').selectOption('midwife');
    await join.getByRole('button', { name: `${LABEL} and join` }).click();
    await atProvider(page, 'nia');
    await page.waitForURL(`${workspace.url}/labs/${workspace.labId}`, TIMEOUT);
    const user = workspace.server.meta.findUserByIdentity(provider.issuer, 'nia');
    expect(user).toMatchObject({ name: 'Nia Newcomer', profession: 'midwife' });
    expect(workspace.server.meta.getMembership(workspace.labId, user?.id ?? '')?.role).toBe(
      'observer',
    );
    await page.context().close();
  });

  it('links an account to the organisation from the account page, after its password', async () => {
    const lena = await addAccount(workspace.server.meta, 'Lena Linker', await testPasswordHash());
    const page = await (await signedInContext(browser, workspace.url, lena)).newPage();
    await page.goto(`${workspace.url}/account`);
    const section = page.getByTestId('organisation-account');
    await section.waitFor(TIMEOUT);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'sso-account');
    await section.getByLabel('Your current password').fill(lena.password);
    await section.getByRole('button', { name: 'Link your organisation account' }).click();
    await atProvider(page, 'lena');
    await page.waitForURL(`${workspace.url}/account`, TIMEOUT);
    await expect
      .poll(async () => section.innerText(), TIMEOUT)
      .toContain('Your account is linked to your organisation account');
    expect(workspace.server.meta.getUser(lena.user.id)?.identities).toEqual([
      { issuer: provider.issuer, subject: 'lena' },
    ]);
    await page.context().close();
  });
});
