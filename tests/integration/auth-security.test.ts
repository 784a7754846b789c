/**
 * Accounts and web security over real HTTP (sign-in backoff is in
 * sign-in-backoff.test.ts): session expiry and
 * revocation, CSRF, set-up of the first administrator, and recovery of a corrupt
 * data file at start.
 */
import { CSRF_HEADER } from '../../shared/api-contract';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWorkspaceServer } from '../../server/app';
import { hashPassword } from '../../server/auth/password-hash';
import { createMemoryLogger } from '../../server/logger';
import { CloseCode } from '../../shared/close-codes';
import { apiAs, signIn, TEST_PASSWORD, TEST_PASSWORD_HASH_COST } from '../helpers/accounts';
import { syncUrl } from '../helpers/stock-client';
import {
  makeDataDir,
  startTestWorkspace,
  type TestWorkspace,
  testConfig,
} from '../helpers/workspace';

let passwordHash = '';
beforeAll(async () => {
  passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST);
});

const json = (body: unknown) => ({
  'content-type': 'application/json',
  body: JSON.stringify(body),
});

describe('accounts and web security', () => {
  let workspace: TestWorkspace | undefined;
  afterEach(async () => {
    await workspace?.stop();
    workspace = undefined;
  });

  async function withUser(options: Parameters<typeof startTestWorkspace>[0] = {}) {
    workspace = await startTestWorkspace(options);
    await workspace.server.meta.updateUser(workspace.owner.user.id, { passwordHash });
    return { ws: workspace, email: workspace.owner.user.email };
  }

  const signInRaw = (url: string, email: string, password: string) =>
    fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('answers the same for an unknown account as for a wrong password', async () => {
    const { ws, email } = await withUser();
    const unknown = await signInRaw(ws.url, 'nobody@example.org', TEST_PASSWORD);
    const wrong = await signInRaw(ws.url, email, 'not the password');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('ends a session at its expiry', async () => {
    let clock = new Date('2026-11-26T09:00:00Z');
    const { ws, email } = await withUser({
      now: () => clock,
      config: { sessionTtlMs: 60 * 60 * 1000 },
    });
    const session = await signIn(ws.url, email, TEST_PASSWORD);
    const me = () => fetch(`${ws.url}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect((await me()).status).toBe(200);
    clock = new Date('2026-11-26T10:00:01Z');
    expect((await me()).status).toBe(401);
  });

  it('revokes: sign-out ends the session, a password change ends the others', async () => {
    const { ws, email } = await withUser();
    const phone = await signIn(ws.url, email, TEST_PASSWORD);
    const laptop = await signIn(ws.url, email, TEST_PASSWORD);
    const me = (cookie: string) => fetch(`${ws.url}/api/auth/me`, { headers: { cookie } });
    // The phone also has a document open: ending its session must close that socket too.
    await ws.registerDoc('revocation');
    const socket = new WebSocket(`${syncUrl(ws.url)}/revocation`, {
      headers: { cookie: phone.cookie },
    });
    const socketClosed = new Promise<number>((resolve) =>
      socket.on('close', (code) => resolve(code)),
    );
    await new Promise<void>((resolve) => socket.once('message', () => resolve()));
    await apiAs(ws.url, laptop, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect((await me(phone.cookie)).status).toBe(401);
    expect(await socketClosed).toBe(CloseCode.Unauthenticated);
    expect((await me(laptop.cookie)).status).toBe(200);
    await apiAs(ws.url, laptop, 'POST', '/api/auth/sign-out');
    expect((await me(laptop.cookie)).status).toBe(401);
    const events = ws.server.meta.listAudit(null, 50).map((e) => e.type);
    expect(events).toEqual(
      expect.arrayContaining(['auth.sign_in', 'auth.password_changed', 'auth.sign_out']),
    );
  });

  it('rejects cookie-authenticated writes without the CSRF token or from another origin', async () => {
    const { ws, email } = await withUser();
    const session = await signIn(ws.url, email, TEST_PASSWORD);
    const post = (headers: Record<string, string>) =>
      fetch(`${ws.url}/api/tokens`, {
        method: 'POST',
        headers: { cookie: session.cookie, ...headers },
        body: JSON.stringify({ name: 'x' }),
      });
    const missing = await post({ 'content-type': 'application/json' });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect(
      (await post({ 'content-type': 'application/json', [CSRF_HEADER]: 'forged' })).status,
    ).toBe(403);
    const crossOrigin = await post({
      'content-type': 'application/json',
      [CSRF_HEADER]: session.csrfToken,
      origin: 'https://evil.example',
    });
    expect(crossOrigin.status).toBe(403);
    expect(
      (await post({ 'content-type': 'application/json', [CSRF_HEADER]: session.csrfToken })).status,
    ).toBe(201);
    expect(ws.server.meta.listApiTokens(ws.owner.user.id)).toHaveLength(2);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and secure headers with a CSP', async () => {
    const { ws, email } = await withUser();
    const response = await signInRaw(ws.url, email, TEST_PASSWORD);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const page = await fetch(`${ws.url}/api/health`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('prints a one-time set-up link when no administrator is configured, and it works once', async () => {
    const dataDir = await makeDataDir();
    const server = await startWorkspaceServer({
      config: testConfig(dataDir),
      logger: createMemoryLogger(),
    });
    try {
      expect(server.setupPath).toMatch(/^\/setup#il_setup_/);
      const token = (server.setupPath ?? '').split('#')[1];
      const body = {
        token,
        email: 'admin@example.org',
        name: 'Ada Admin',
        profession: 'manager',
        password: TEST_PASSWORD,
      };
      const first = await fetch(`${server.url}/api/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(first.status).toBe(201);
      const again = await fetch(`${server.url}/api/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(again.status).toBe(409);
      expect(server.meta.findUserByEmail('admin@example.org')?.isAdmin).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('recovers a corrupt data file at start from the last good copy, with a clear log line', async () => {
    const dataDir = await makeDataDir();
    const logger = createMemoryLogger();
    const config = testConfig(dataDir, {
      admin: { email: 'admin@example.org', password: TEST_PASSWORD, name: 'Ada' },
    });
    const first = await startWorkspaceServer({ config, logger });
    await first.meta.updateUser(first.meta.findUserByEmail('admin@example.org')?.id ?? '', {
      name: 'Ada Lovelace',
    });
    await first.close();
    // A second start writes again, so a good `.bak` exists; then the main file is torn.
    const second = await startWorkspaceServer({ config, logger });
    await second.close();
    await writeFile(path.join(dataDir, 'meta.json'), '{"formatVersion":1,"users":[{"id":');
    const third = await startWorkspaceServer({ config, logger });
    try {
      expect(third.meta.findUserByEmail('admin@example.org')?.name).toBe('Ada Lovelace');
      expect(
        logger.records.some((r) => r.level === 'error' && /corrupt|recover/i.test(r.message)),
      ).toBe(true);
      expect((await fetch(`${third.url}/api/health`)).status).toBe(200);
    } finally {
      await third.close();
    }
  });

  it('rejects malformed and oversized bodies with a clear 400/413 and changes nothing', async () => {
    const { ws } = await withUser();
    const auth = { authorization: `Bearer ${ws.owner.token}` };
    const bad = await fetch(`${ws.url}/api/labs/${ws.labId}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    const invalid = await fetch(`${ws.url}/api/labs/${ws.labId}`, {
      method: 'PATCH',
      headers: auth,
      ...json({ phase: 'dream' }),
    });
    expect(invalid.status).toBe(400);
    expect(
      ((await invalid.json()) as { error: { fields: Record<string, string> } }).error.fields,
    ).toHaveProperty('phase');
    const huge = await fetch(`${ws.url}/api/labs/${ws.labId}`, {
      method: 'PATCH',
      headers: auth,
      ...json({ challenge: 'x'.repeat(100_000) }),
    });
    expect(huge.status).toBe(413);
    expect(ws.server.meta.getLab(ws.labId)?.phase).toBe('understand');
  });
});
