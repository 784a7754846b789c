/**
 * Browser-test helpers for real accounts: people with a real password hash (so
 * they can sign in through the page), sessions made over HTTP and handed to a
 * browser context as its cookie, and signing in through the sign-in page.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { hashPassword } from '../../server/auth/password-hash';
import type { MetaStore } from '../../server/store/meta-store';
import type { LabRole } from '../../shared/roles';
import {
  addMember,
  addPerson,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORD_HASH_COST,
  type TestPerson,
} from './accounts';

/** A person who can sign in: their email and password besides the fixture's user and token. */
export interface Account extends TestPerson {
  readonly email: string;
  readonly password: string;
}

/** scrypt is slow on purpose: compute this once per suite and share it. */
export function testPasswordHash(): Promise<string> {
  return hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST);
}

/** A new person with a real password, optionally a member of `labId` with `role`. */
export async function addAccount(
  meta: MetaStore,
  name: string,
  passwordHash: string,
  membership?: { labId: string; role: LabRole },
): Promise<Account> {
  const person = await addPerson(meta, name, { passwordHash });
  if (membership) await addMember(meta, membership.labId, person.user, membership.role);
  return { ...person, email: person.user.email, password: TEST_PASSWORD };
}

/** Gives an existing fixture person (such as the workspace's owner) a real password. */
export async function givePassword(
  meta: MetaStore,
  person: TestPerson,
  passwordHash: string,
): Promise<Account> {
  const user = await meta.updateUser(person.user.id, { passwordHash });
  if (!user) throw new Error(`no user ${person.user.id}`);
  return { user, token: person.token, email: user.email, password: TEST_PASSWORD };
}

/** A browser context already signed in as `account`, through `POST /api/auth/sign-in`. */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  account: Account,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const session = await signIn(baseUrl, account.email, account.password);
  const separator = session.cookie.indexOf('=');
  const context = await browser.newContext(options);
  // Cookies are per host, not per port: the same cookie also reaches a proxy on 127.0.0.1.
  await context.addCookies([
    {
      name: session.cookie.slice(0, separator),
      value: session.cookie.slice(separator + 1),
      url: baseUrl,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
  return context;
}

/** Fills in and sends the sign-in page the page is on. */
export async function signInOnPage(page: Page, account: Account): Promise<void> {
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  // Exact: with single sign-on on, "Sign in with …" is a button too.
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** The first-level heading's text with its white space collapsed, once the page has one. */
export async function heading(page: Page): Promise<string> {
  const text = await page.getByRole('heading', { level: 1 }).textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export { axeViolations } from './browser';

/** Calls the API with a personal token, as scripts do. */
export async function apiWithToken(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
