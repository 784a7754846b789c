/**
 * Single sign-on with an organisation account, through a real OpenID provider
 * (`oidc-provider` on a free port) and an HTTP client that keeps cookies and follows
 * redirects as a browser does: an invited person joins by signing in at their
 * provider; an existing account is not merged by email but linked after its password;
 * a wrong state, a replayed code, a disallowed domain, an unverified email, a
 * deactivated account and an unknown person are refused with a message and create nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password-hash';
import { SSO_ERRORS, type SsoErrorCode } from '../../shared/schemas/sso';
import { addPerson, TEST_PASSWORD, TEST_PASSWORD_HASH_COST } from '../helpers/accounts';
import { apiWithToken } from '../helpers/browser-session';
import { CookieJarClient } from '../helpers/cookie-client';
import {
  passProvider,
  startOidcProvider,
  type TestIdentity,
  type TestProvider,
} from '../helpers/oidc-provider';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const person = (login: string, email: string, emailVerified = true): TestIdentity => ({
  login,
  email,
  emailVerified,
  name: `${login[0]?.toUpperCase()}${login.slice(1)} Example`,
});

const PEOPLE = [
  person('nia', 'nia.newcomer@example.org'),
  person('lena', 'lena.linker@example.org'),
  person('sam', 'sam@example.org'),
  person('dee', 'dee@example.org'),
  person('stranger', 'stranger@example.org'),
  person('outsider', 'someone@elsewhere.com'),
  person('unverified', 'unverified@example.org', false),
];

let provider: TestProvider;
let workspace: TestWorkspace;

beforeAll(async () => {
  provider = await startOidcProvider(PEOPLE);
  workspace = await startTestWorkspace({
    config: { oidc: provider.settings({ allowedDomains: ['example.org'], name: 'Example NHS' }) },
  });
  provider.allowRedirect(`${workspace.url}/api/auth/sso/callback`);
});

afterAll(async () => {
  await workspace.stop();
  await provider.close();
});

/** Stops at the first page of this server (the app), having passed the callback. */
const atApp = (url: URL) => url.origin === workspace.url && !url.pathname.startsWith('/api/');
const atCallback = (url: URL) => url.pathname === '/api/auth/sso/callback';

async function start(client: CookieJarClient, body: unknown, csrf?: string): Promise<string> {
  const response = await client.request(`${workspace.url}/api/auth/sso/start`, {
    method: 'POST',
    json: body,
    headers: csrf ? { 'x-csrf-token': csrf } : {},
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

async function me(client: CookieJarClient) {
  const response = await client.request(`${workspace.url}/api/auth/me`);
  if (response.status === 401) return null;
  return (await response.json()) as { user: { id: string; email: string; name: string } };
}

async function invite(role: 'participant' | 'observer' = 'participant'): Promise<string> {
  const response = await apiWithToken(
    workspace.url,
    workspace.owner.token,
    'POST',
    `/api/labs/${workspace.labId}/invites`,
    { role },
  );
  const { path } = (await response.json()) as { path: string };
  return path.replace('/invite/', '');
}

/** What a refused sign-in must not have made. */
function counts() {
  const { meta } = workspace.server;
  const users = meta.listUsers();
  return {
    users: users.length,
    sessions: users.reduce((sum, user) => sum + meta.listUserSessions(user.id).length, 0),
    members: meta.listMembers(workspace.labId).length,
    identities: users.flatMap((user) => user.identities ?? []).length,
  };
}

function expectRefused(url: string, code: SsoErrorCode): void {
  const landed = new URL(url);
  expect(landed.pathname).toBe('/sign-in');
  expect(landed.searchParams.get('sso_error')).toBe(code);
  expect(SSO_ERRORS[code]).toBeTruthy();
}

async function signInBySso(login: string, returnTo = '/labs') {
  const client = new CookieJarClient();
  const url = await start(client, { intent: 'sign_in', returnTo });
  const result = await passProvider(client, url, login, atApp);
  return { client, result };
}

async function linkedPerson(name: string, login: string, deactivated = false) {
  const added = await addPerson(workspace.server.meta, name);
  await workspace.server.meta.linkIdentity(added.user.id, {
    issuer: provider.issuer,
    subject: login,
  });
  if (deactivated) {
    await workspace.server.meta.updateUser(added.user.id, {
      deactivatedAt: new Date().toISOString(),
    });
  }
  return added.user;
}

describe('single sign-on with an organisation account', () => {
  it('says what the button offers', async () => {
    const response = await fetch(`${workspace.url}/api/auth/sso`);
    expect(await response.json()).toEqual({
      enabled: true,
      label: 'Sign in with Example NHS',
      linked: false,
    });
  });

  it('lets an invited person join by signing in at their provider, with the invited role', async () => {
    const token = await invite('observer');
    const client = new CookieJarClient();
    const url = await start(client, {
      intent: 'invite',
      inviteToken: token,
      profession: 'pharmacist',
    });
    const authorization = new URL(url);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();

    const result = await passProvider(client, url, 'nia', atApp);
    expect(result.url).toBe(`${workspace.url}/labs/${workspace.labId}`);
    const signedIn = await me(client);
    expect(signedIn?.user).toMatchObject({
      email: 'nia.newcomer@example.org',
      name: 'Nia Example',
    });
    const { meta } = workspace.server;
    const user = meta.getUser(signedIn?.user.id ?? '');
    expect(user).toMatchObject({
      profession: 'pharmacist',
      identities: [{ issuer: provider.issuer, subject: 'nia' }],
    });
    expect(meta.getMembership(workspace.labId, user?.id ?? '')?.role).toBe('observer');
    const audit = meta.listAudit(null, 50).filter((event) => event.actorId === user?.id);
    expect(audit.map((event) => [event.type, event.details.method ?? null])).toEqual([
      ['invite.accepted', null],
      ['auth.sign_in', 'organisation'],
    ]);

    // Next time, signing in at the provider is enough: the same account, where they were going.
    const again = await signInBySso('nia', '/labs/somewhere?view=1');
    expect(again.result.url).toBe(`${workspace.url}/labs/somewhere?view=1`);
    expect((await me(again.client))?.user.id).toBe(user?.id);
    expect(
      meta.listUsers().filter((each) => each.email === 'nia.newcomer@example.org'),
    ).toHaveLength(1);
  });

  it('does not merge into an existing account by email: it is linked after its password', async () => {
    const passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST);
    const lena = await addPerson(workspace.server.meta, 'Lena Linker', { passwordHash });
    const before = counts();
    const refused = await signInBySso('lena');
    expectRefused(refused.result.url, 'email_has_account');
    expect(await me(refused.client)).toBeNull();
    expect(counts()).toEqual(before);

    const client = new CookieJarClient();
    const signIn = await client.request(`${workspace.url}/api/auth/sign-in`, {
      method: 'POST',
      json: { email: lena.user.email, password: TEST_PASSWORD },
    });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const wrong = await client.request(`${workspace.url}/api/auth/sso/start`, {
      method: 'POST',
      json: { intent: 'link', currentPassword: 'not the password' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(wrong.status).toBe(400);
    const noCsrf = await client.request(`${workspace.url}/api/auth/sso/start`, {
      method: 'POST',
      json: { intent: 'link', currentPassword: TEST_PASSWORD },
    });
    expect(noCsrf.status).toBe(403);
    const url = await start(client, { intent: 'link', currentPassword: TEST_PASSWORD }, csrfToken);
    const linked = await passProvider(client, url, 'lena', atApp);
    expect(linked.url).toBe(`${workspace.url}/account`);
    expect(workspace.server.meta.getUser(lena.user.id)?.identities).toEqual([
      { issuer: provider.issuer, subject: 'lena' },
    ]);
    expect(workspace.server.meta.listAudit(null, 50).map((event) => event.type)).toContain(
      'auth.sso_linked',
    );

    const later = await signInBySso('lena');
    expect((await me(later.client))?.user.id).toBe(lena.user.id);
    const info = await later.client.request(`${workspace.url}/api/auth/sso`);
    expect(await info.json()).toMatchObject({ linked: true });
  });

  it('refuses a wrong state, and a replayed code whether with the old or a new sign-in', async () => {
    const sam = await linkedPerson('Sam Signer', 'sam');
    const sessions = () => workspace.server.meta.listUserSessions(sam.id).length;

    const forged = new CookieJarClient();
    const forgedUrl = await start(forged, { intent: 'sign_in', returnTo: '/' });
    const forgedReturn = await passProvider(forged, forgedUrl, 'sam', atCallback);
    const tampered = new URL(forgedReturn.url);
    tampered.searchParams.set('state', 'not-the-state');
    expectRefused((await forged.follow(tampered.href, { stopAt: atApp })).url, 'state');
    expect(sessions()).toBe(0);

    const client = new CookieJarClient();
    const url = await start(client, { intent: 'sign_in', returnTo: '/' });
    const callback = (await passProvider(client, url, 'sam', atCallback)).url;
    await client.follow(callback, { stopAt: atApp });
    expect((await me(client))?.user.id).toBe(sam.id);
    expect(sessions()).toBe(1);

    // The same return again: the sign-in it belonged to is used up.
    expectRefused((await client.follow(callback, { stopAt: atApp })).url, 'expired');
    // The old code with a new sign-in's state: the provider refuses it (used, and not this PKCE).
    const replayer = new CookieJarClient();
    const fresh = new URL(await start(replayer, { intent: 'sign_in', returnTo: '/' }));
    const replay = new URL(callback);
    replay.searchParams.set('state', fresh.searchParams.get('state') ?? '');
    expectRefused((await replayer.follow(replay.href, { stopAt: atApp })).url, 'provider');
    expect(await me(replayer)).toBeNull();
    expect(sessions()).toBe(1);
  });

  it('refuses a disallowed domain and an unverified email, even with an invitation', async () => {
    const before = counts();
    for (const [login, code] of [
      ['outsider', 'domain_not_allowed'],
      ['unverified', 'unverified_email'],
    ] as const) {
      const token = await invite();
      const client = new CookieJarClient();
      const url = await start(client, {
        intent: 'invite',
        inviteToken: token,
        profession: 'nurse',
      });
      expectRefused((await passProvider(client, url, login, atApp)).url, code);
      expect(await me(client)).toBeNull();
      const stored = workspace.server.meta.listPendingInvites(workspace.labId, new Date());
      expect(stored.some((each) => each.uses > 0)).toBe(false);
    }
    expect(counts()).toEqual(before);
  });

  it('refuses a deactivated account and a person without an account', async () => {
    const dee = await linkedPerson('Dee Deactivated', 'dee', true);
    const before = counts();
    const deactivated = await signInBySso('dee');
    expectRefused(deactivated.result.url, 'deactivated');
    expect(workspace.server.meta.listUserSessions(dee.id)).toEqual([]);
    const stranger = await signInBySso('stranger', '/labs/x');
    expectRefused(stranger.result.url, 'no_account');
    expect(new URL(stranger.result.url).searchParams.get('next')).toBe('/labs/x');
    expect(await me(stranger.client)).toBeNull();
    expect(counts()).toEqual(before);
    const failures = workspace.server.meta
      .listAudit(null, 100)
      .filter((event) => event.type === 'auth.sign_in_failed')
      .map((event) => event.details.reason);
    expect(failures).toEqual(expect.arrayContaining(['deactivated', 'no_account']));
  });

  it('refuses a return path to another site and a start without an invitation that works', async () => {
    const client = new CookieJarClient();
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const response = await client.request(`${workspace.url}/api/auth/sso/start`, {
        method: 'POST',
        json: { intent: 'sign_in', returnTo },
      });
      expect(response.status).toBe(400);
    }
    const response = await client.request(`${workspace.url}/api/auth/sso/start`, {
      method: 'POST',
      json: { intent: 'invite', inviteToken: 'il_inv_nonsense', profession: 'nurse' },
    });
    expect(response.status).toBe(404);
    expect(client.cookie('il_sso')).toBeUndefined();
  });
});
