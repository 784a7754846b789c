/**
 * The people page's routes: listing and searching accounts with their labs and
 * roles; deactivating (sockets close within a second, sign-in and tokens refused)
 * and reactivating; unlocking sign-in; password-reset links shown or emailed;
 * granting and removing rights; who may do this to whom; all in the audit trail.
 */
import { CSRF_HEADER } from '../../shared/api-contract';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password-hash';
import { CloseCode } from '../../shared/close-codes';
import type { AdminPerson, PasswordResetLink } from '../../shared/schemas/accounts-api';
import {
  addMember,
  addPerson,
  apiAs,
  type HttpSession,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORD_HASH_COST,
  type TestPerson,
} from '../helpers/accounts';
import { mailSettings, startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { connectStockClient, type StockClient } from '../helpers/stock-client';
import { once } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let workspace: TestWorkspace;
let smtp: TestSmtp | null = null;
const clients: StockClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await workspace.stop();
  await smtp?.stop();
  smtp = null;
});

async function withPassword(name: string, options: { isAdmin?: boolean } = {}) {
  return addPerson(workspace.server.meta, name, {
    ...options,
    passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
  });
}

async function setUp(config = {}) {
  workspace = await startTestWorkspace({ config });
  const admin = await withPassword('Ada Admin', { isAdmin: true });
  const admin2 = await withPassword('Alan Admin', { isAdmin: true });
  const pat = await withPassword('Pat Participant');
  await addMember(workspace.server.meta, workspace.labId, pat.user, 'participant');
  const session = await signIn(workspace.url, admin.user.email, TEST_PASSWORD);
  return { admin, admin2, pat, session };
}

function call(session: HttpSession | string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (typeof session === 'string') headers.authorization = `Bearer ${session}`;
  else Object.assign(headers, { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken });
  return fetch(`${workspace.url}/api${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function nextClose(client: StockClient, timeoutMs: number) {
  return once<number>(
    'the socket to close',
    (resolve) => {
      const listener = (event: CloseEvent | null) => resolve(event?.code ?? -1);
      client.provider.on('connection-close', listener);
      return () => client.provider.off('connection-close', listener);
    },
    timeoutMs,
  );
}

function auditTypes(): string[] {
  return workspace.server.meta.listAudit(null, 1000).map((event) => event.type);
}

describe('administration of people', () => {
  it('lists and searches accounts with their labs and roles, for administrators only', async () => {
    const { session, pat } = await setUp();
    const all = await apiAs<{ people: AdminPerson[]; total: number }>(
      workspace.url,
      session,
      'GET',
      '/api/admin/users',
    );
    expect(all.people.map((p) => p.name)).toEqual([
      'Ada Admin',
      'Alan Admin',
      'Olivia Owner',
      'Pat Participant',
    ]);
    const found = await apiAs<{ people: AdminPerson[] }>(
      workspace.url,
      session,
      'GET',
      '/api/admin/users?q=PAT',
    );
    expect(found.people).toHaveLength(1);
    expect(found.people[0]).toMatchObject({
      id: pat.user.id,
      deactivated: false,
      lockedForSeconds: 0,
      labs: [{ id: workspace.labId, role: 'participant' }],
    });
    expect(JSON.stringify(found)).not.toContain('scrypt');
    expect((await call(pat.token, 'GET', '/admin/users')).status).toBe(403);
    expect((await call(workspace.owner.token, 'GET', '/admin/users')).status).toBe(403);
  });

  it('deactivating closes the person’s sockets within a second and refuses them until reactivated', async () => {
    const { session, pat } = await setUp();
    const doc = await workspace.registerDoc('deactivation-doc');
    const patSession = await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    const viaCookie = connectStockClient(workspace.url, doc, {}, { cookie: patSession.cookie });
    const viaToken = connectStockClient(workspace.url, doc, workspace.auth(pat));
    clients.push(viaCookie, viaToken);
    await Promise.all([viaCookie.whenSynced(), viaToken.whenSynced()]);
    const closes = [nextClose(viaCookie, 1000), nextClose(viaToken, 1000)];
    const response = await call(session, 'POST', `/admin/users/${pat.user.id}/deactivate`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { person: AdminPerson }).person.deactivated).toBe(true);
    expect(await Promise.all(closes)).toEqual([
      CloseCode.Unauthenticated,
      CloseCode.Unauthenticated,
    ]);
    expect((await call(pat.token, 'GET', '/auth/me')).status).toBe(401);
    expect((await call(patSession, 'GET', '/auth/me')).status).toBe(401);
    const refused = await fetch(`${workspace.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: pat.user.email, password: TEST_PASSWORD }),
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'account_deactivated',
    );
    await apiAs(workspace.url, session, 'POST', `/api/admin/users/${pat.user.id}/reactivate`);
    await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    expect(auditTypes()).toEqual(
      expect.arrayContaining(['admin.account_deactivated', 'admin.account_reactivated']),
    );
  });

  it('unlocks sign-in held back by wrong passwords', async () => {
    const { session, pat } = await setUp();
    const wrong = () =>
      fetch(`${workspace.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: pat.user.email, password: 'not the password' }),
      });
    let status = 401;
    for (let i = 0; i < 12 && status !== 429; i++) status = (await wrong()).status;
    expect(status).toBe(429);
    const listed = await apiAs<{ people: AdminPerson[] }>(
      workspace.url,
      session,
      'GET',
      '/api/admin/users?q=pat',
    );
    expect(listed.people[0]?.lockedForSeconds).toBeGreaterThan(0);
    const unlocked = await apiAs<{ person: AdminPerson }>(
      workspace.url,
      session,
      'POST',
      `/api/admin/users/${pat.user.id}/unlock`,
    );
    expect(unlocked.person.lockedForSeconds).toBe(0);
    await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    expect(auditTypes()).toContain('admin.account_unlocked');
  });

  it('makes a one-time reset link that sets a new password and ends every old session', async () => {
    const { session, pat } = await setUp();
    const old = await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    const link = await apiAs<PasswordResetLink>(
      workspace.url,
      session,
      'POST',
      `/api/admin/users/${pat.user.id}/password-reset`,
      {},
    );
    expect(link.emailed).toBe(false);
    const token = link.path.replace('/reset-password/', '');
    const details = await fetch(`${workspace.url}/api/auth/password-reset/${token}`);
    expect(await details.json()).toMatchObject({ email: pat.user.email });
    const reset = await fetch(`${workspace.url}/api/auth/password-reset/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'a new long passphrase' }),
    });
    expect(reset.status).toBe(200);
    expect((await call(old, 'GET', '/auth/me')).status).toBe(401);
    await signIn(workspace.url, pat.user.email, 'a new long passphrase');
    const again = await fetch(`${workspace.url}/api/auth/password-reset/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: 'another long passphrase' }),
    });
    expect(again.status).toBe(410);
    expect(auditTypes()).toEqual(
      expect.arrayContaining(['admin.password_reset_link', 'auth.password_reset']),
    );
  });

  it('emails the reset link when email is configured, and says so when it is not', async () => {
    const first = await setUp();
    const refused = await call(
      first.session,
      'POST',
      `/admin/users/${first.pat.user.id}/password-reset`,
      { send: true },
    );
    expect(refused.status).toBe(409);
    await workspace.stop();
    smtp = await startTestSmtp();
    const { session, pat } = await setUp({ mail: mailSettings(smtp) });
    const link = await apiAs<PasswordResetLink>(
      workspace.url,
      session,
      'POST',
      `/api/admin/users/${pat.user.id}/password-reset`,
      { send: true },
    );
    expect(link.emailed).toBe(true);
    const email = await smtp.waitForEmail(pat.user.email);
    expect(email.subject).toBe('Choose a new password for Improvement Lab');
    expect(email.links).toEqual([`${workspace.url}${link.path}`]);
  });

  it('grants and removes the rights to create labs and to administer', async () => {
    const { session, pat, admin2 } = await setUp();
    await apiAs(workspace.url, session, 'PATCH', `/api/admin/users/${pat.user.id}`, {
      canCreateLabs: true,
      isAdmin: true,
    });
    expect(workspace.server.meta.getUser(pat.user.id)).toMatchObject({
      canCreateLabs: true,
      isAdmin: true,
    });
    await apiAs(workspace.url, session, 'PATCH', `/api/admin/users/${admin2.user.id}`, {
      isAdmin: false,
    });
    expect(workspace.server.meta.getUser(admin2.user.id)?.isAdmin).toBe(false);
    const events = workspace.server.meta
      .listAudit(null, 100)
      .filter((event) => event.type === 'admin.rights_changed');
    expect(events.map((event) => event.details)).toEqual([
      { userId: pat.user.id, canCreateLabs: true, isAdmin: true },
      { userId: admin2.user.id, isAdmin: false },
    ]);
  });

  it('lets no administrator act on themselves, and a deactivated administrator none', async () => {
    const { session, admin, admin2 } = await setUp();
    for (const path of ['deactivate', 'unlock', 'password-reset']) {
      const response = await call(session, 'POST', `/admin/users/${admin.user.id}/${path}`, {});
      expect(response.status).toBe(403);
    }
    expect(
      (await call(session, 'PATCH', `/admin/users/${admin.user.id}`, { isAdmin: false })).status,
    ).toBe(403);
    await apiAs(workspace.url, session, 'POST', `/api/admin/users/${admin2.user.id}/deactivate`);
    const second = await signIn(workspace.url, admin.user.email, TEST_PASSWORD);
    expect(second.cookie).not.toBe('');
    const other: TestPerson = await withPassword('Other Admin', { isAdmin: true });
    await workspace.server.meta.updateUser(other.user.id, {
      deactivatedAt: new Date().toISOString(),
    });
    expect(
      (await call(other.token, 'POST', `/admin/users/${admin.user.id}/deactivate`)).status,
    ).toBe(401);
    expect(workspace.server.meta.getUser(admin.user.id)?.deactivatedAt).toBeFalsy();
    expect((await call(session, 'POST', '/admin/users/nobody/deactivate')).status).toBe(404);
  });
});
