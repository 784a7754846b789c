/**
 * Self-service: forgot password by email (a real local SMTP server), changing
 * name, profession and email, seeing and ending other sessions, "my data", and
 * deleting the account: the person's data leaves `meta.json` and the exports,
 * and what they wrote stays, attributed to a former member.
 */
import { CSRF_HEADER } from '../../shared/api-contract';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password-hash';
import type { AccountSession } from '../../shared/schemas/accounts-api';
import {
  addItem,
  addMember,
  addPerson,
  apiAs,
  type HttpSession,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORD_HASH_COST,
} from '../helpers/accounts';
import { mailSettings, startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let workspace: TestWorkspace;
let smtp: TestSmtp | null = null;

afterEach(async () => {
  await workspace.stop();
  await smtp?.stop();
  smtp = null;
});

async function setUp(config = {}) {
  workspace = await startTestWorkspace({ config });
  const pat = await addPerson(workspace.server.meta, 'Pat Patient', {
    passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
  });
  await addMember(workspace.server.meta, workspace.labId, pat.user, 'participant');
  return pat;
}

function call(session: HttpSession, method: string, path: string, body?: unknown) {
  return fetch(`${workspace.url}/api${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrfToken,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('self-service', () => {
  it('forgot password: the email’s link sets a new password; unknown addresses answer the same', async () => {
    smtp = await startTestSmtp();
    const pat = await setUp({ mail: mailSettings(smtp) });
    const known = await post(`${workspace.url}/api/auth/forgot-password`, {
      email: pat.user.email,
    });
    const unknown = await post(`${workspace.url}/api/auth/forgot-password`, {
      email: 'nobody@example.org',
    });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    const email = await smtp.waitForEmail(pat.user.email);
    const link = new URL(email.links[0] ?? '');
    expect(link.pathname).toMatch(/^\/reset-password\/il_pwr_/);
    const token = link.pathname.split('/').pop();
    const reset = await post(`${workspace.url}/api/auth/password-reset/${token}`, {
      password: 'my new long passphrase',
    });
    expect(reset.status).toBe(200);
    await signIn(workspace.url, pat.user.email, 'my new long passphrase');
    expect(smtp.messages.filter((m) => m.to.includes('nobody@example.org'))).toEqual([]);
  });

  it('forgot password says when the server cannot send email', async () => {
    const pat = await setUp();
    const response = await post(`${workspace.url}/api/auth/forgot-password`, {
      email: pat.user.email,
    });
    expect(response.status).toBe(409);
  });

  it('changes name and profession, and the email only with the current password', async () => {
    const pat = await setUp();
    const session = await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    await apiAs(workspace.url, session, 'PATCH', '/api/account', {
      name: 'Pat Partner',
      profession: 'carer',
    });
    expect(workspace.server.meta.getUser(pat.user.id)).toMatchObject({
      name: 'Pat Partner',
      profession: 'carer',
    });
    const without = await call(session, 'PATCH', '/account', { email: 'pat.new@example.org' });
    expect(without.status).toBe(400);
    const taken = await call(session, 'PATCH', '/account', {
      email: workspace.owner.user.email,
      currentPassword: TEST_PASSWORD,
    });
    expect(taken.status).toBe(409);
    await apiAs(workspace.url, session, 'PATCH', '/api/account', {
      email: 'Pat.New@example.org',
      currentPassword: TEST_PASSWORD,
    });
    await signIn(workspace.url, 'pat.new@example.org', TEST_PASSWORD);
  });

  it('lists my sessions and ends another one, but not this one', async () => {
    const pat = await setUp();
    const here = await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    const there = await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    const { sessions } = await apiAs<{ sessions: AccountSession[] }>(
      workspace.url,
      here,
      'GET',
      '/api/account/sessions',
    );
    expect(sessions).toHaveLength(2);
    expect(JSON.stringify(sessions)).not.toContain(here.cookie.split('=')[1]);
    const current = sessions.find((s) => s.current);
    const other = sessions.find((s) => !s.current);
    expect((await call(here, 'DELETE', `/account/sessions/${current?.id}`)).status).toBe(400);
    expect((await call(here, 'DELETE', `/account/sessions/${other?.id}`)).status).toBe(200);
    expect((await call(there, 'GET', '/auth/me')).status).toBe(401);
    expect((await call(here, 'GET', '/auth/me')).status).toBe(200);
  });

  it('downloads my data, then deleting my account erases it from meta.json and exports and keeps my comments', async () => {
    const pat = await setUp();
    const itemId = await addItem(workspace.server.meta, workspace.labId, 'erasure-item');
    const session = await signIn(workspace.url, pat.user.email, TEST_PASSWORD);
    await apiAs(workspace.url, session, 'POST', `/api/items/${itemId}/comments`, {
      body: 'Fewer falls at night since the new lights.',
    });
    const mine = await call(session, 'GET', '/account/data');
    expect(mine.headers.get('content-disposition')).toContain('attachment');
    const data = (await mine.json()) as {
      profile: { email: string };
      memberships: Array<{ labId: string; role: string }>;
      comments: Array<{ body: string }>;
      audit: Array<{ type: string }>;
    };
    expect(data.profile.email).toBe(pat.user.email);
    expect(data.memberships).toEqual([
      expect.objectContaining({ labId: workspace.labId, role: 'participant' }),
    ]);
    expect(data.comments.map((c) => c.body)).toEqual([
      'Fewer falls at night since the new lights.',
    ]);
    expect(data.audit.map((e) => e.type)).toContain('auth.sign_in');

    expect(
      (await call(session, 'DELETE', '/account', { email: 'someone.else@example.org' })).status,
    ).toBe(400);
    expect((await call(session, 'DELETE', '/account', { email: pat.user.email })).status).toBe(200);
    expect((await call(session, 'GET', '/auth/me')).status).toBe(401);
    await workspace.server.meta.flush();
    const stored = await readFile(path.join(workspace.dataDir, 'meta.json'), 'utf8');
    expect(stored).not.toContain(pat.user.email);
    expect(stored).not.toContain('Pat Patient');
    const exported = await fetch(
      `${workspace.url}/api/labs/${workspace.labId}/export?format=json&include=drafts,participants,comments`,
      { headers: { authorization: `Bearer ${workspace.owner.token}` } },
    );
    const archive = await exported.text();
    expect(archive).toContain('Fewer falls at night since the new lights.');
    expect(archive).toContain('Former member');
    expect(archive).not.toContain('Pat Patient');
    expect(archive).not.toContain(pat.user.email);
  });

  it('refuses to delete the only administrator', async () => {
    workspace = await startTestWorkspace();
    const admin = await addPerson(workspace.server.meta, 'Solo Admin', {
      isAdmin: true,
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
    });
    const session = await signIn(workspace.url, admin.user.email, TEST_PASSWORD);
    expect((await call(session, 'DELETE', '/account', { email: admin.user.email })).status).toBe(
      409,
    );
  });
});
