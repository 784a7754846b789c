/**
 * Losing access closes every socket that had it, within a second: a revoked or
 * expired API token, a password change (other sessions and every earlier token),
 * an expired session, an item set back to draft (its comments document too), and
 * a role change that does not wait for the metadata write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX } from '../../server/auth/authenticate';
import { hashPassword } from '../../server/auth/password-hash';
import { hashSecret, newId, newSecret } from '../../server/auth/secrets';
import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import type { MetaStore } from '../../server/store/meta-store';
import { CloseCode } from '../../shared/close-codes';
import { commentsDocId } from '../../shared/comments';
import { Limits } from '../../shared/limits';
import type { ApiToken } from '../../shared/schemas/api-responses';
import type { UserRecord } from '../../shared/schemas/records';
import {
  addMember,
  addPerson,
  apiAs,
  openSession,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORD_HASH_COST,
} from '../helpers/accounts';
import { connectRawClient } from '../helpers/raw-client';
import { connectStockClient, type StockClient } from '../helpers/stock-client';
import { once } from '../helpers/wait';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** How long after losing access a socket may stay open. */
const BOUND_MS = 1000;

let workspace: TestWorkspace;
const clients: StockClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await workspace.stop();
});

function connect(docId: string, params: Record<string, string>, headers = {}): StockClient {
  const client = connectStockClient(workspace.url, docId, params, headers);
  clients.push(client);
  return client;
}

/** The first close of `client`'s socket, with when it happened; fails after `timeoutMs`. */
function nextClose(client: StockClient, timeoutMs = 10_000): Promise<{ code: number; at: number }> {
  return once(
    'the socket to close',
    (resolve) => {
      const listener = (event: CloseEvent | null) =>
        resolve({ code: event?.code ?? -1, at: Date.now() });
      client.provider.on('connection-close', listener);
      return () => client.provider.off('connection-close', listener);
    },
    timeoutMs,
  );
}

async function createToken(
  meta: MetaStore,
  user: UserRecord,
  expiresAt: Date | null = null,
): Promise<{ id: string; secret: string }> {
  const secret = newSecret(API_TOKEN_PREFIX);
  const id = newId();
  await meta.createApiToken({
    id,
    userId: user.id,
    name: 'script',
    tokenHash: hashSecret(secret),
    createdAt: new Date().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    expiresAt: expiresAt?.toISOString() ?? null,
  });
  return { id, secret };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('losing access closes the sockets that had it', () => {
  it('revoking an API token closes its open socket at once, and it cannot reconnect', async () => {
    workspace = await startTestWorkspace();
    const doc = await workspace.registerDoc('token-doc');
    const token = await createToken(workspace.server.meta, workspace.owner.user);
    const client = connect(doc, { access_token: token.secret });
    await client.whenSynced();
    const closed = nextClose(client, BOUND_MS);
    const response = await fetch(`${workspace.url}/api/tokens/${token.id}`, {
      method: 'DELETE',
      headers: bearer(workspace.owner.token),
    });
    expect(response.status).toBe(200);
    expect((await closed).code).toBe(CloseCode.Unauthenticated);
    const again = connectRawClient(workspace.url, doc, `?access_token=${token.secret}`);
    expect((await again.closed()).code).toBe(CloseCode.Unauthenticated);
  });

  it('a password change ends the other sessions and every earlier token, sockets included', async () => {
    workspace = await startTestWorkspace();
    const meta = workspace.server.meta;
    const person = await addPerson(meta, 'Pat Password', {
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
    });
    await addMember(meta, workspace.labId, person.user, 'participant');
    const doc = await workspace.registerDoc('password-doc');
    const here = await signIn(workspace.url, person.user.email, TEST_PASSWORD);
    const elsewhere = await signIn(workspace.url, person.user.email, TEST_PASSWORD);
    const script = await createToken(meta, person.user);
    const mine = connect(doc, {}, { cookie: here.cookie });
    const theirs = connect(doc, {}, { cookie: elsewhere.cookie });
    const viaToken = connect(doc, { access_token: script.secret });
    await Promise.all([mine, theirs, viaToken].map((client) => client.whenSynced()));
    const closes = [nextClose(theirs, BOUND_MS), nextClose(viaToken, BOUND_MS)];
    await apiAs(workspace.url, here, 'POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    for (const closed of await Promise.all(closes)) {
      expect(closed.code).toBe(CloseCode.Unauthenticated);
    }
    expect(mine.provider.wsconnected).toBe(true);
    const tokenUse = await fetch(`${workspace.url}/api/auth/me`, {
      headers: bearer(script.secret),
    });
    expect(tokenUse.status).toBe(401);
    expect(meta.listApiTokens(person.user.id).every((token) => token.revokedAt !== null)).toBe(
      true,
    );
  });

  it('an item set back to draft closes the reviewer’s item and comments sockets', async () => {
    workspace = await startTestWorkspace();
    const doc = await workspace.registerDoc('shared-item', 'open_for_comment');
    const reviewer = await addPerson(workspace.server.meta, 'Rita Reviewer');
    await addMember(workspace.server.meta, workspace.labId, reviewer.user, 'reviewer');
    const item = connect(doc, workspace.auth(reviewer));
    const comments = connect(commentsDocId(doc), workspace.auth(reviewer));
    await Promise.all([item.whenSynced(), comments.whenSynced()]);
    const closes = [nextClose(item, BOUND_MS), nextClose(comments, BOUND_MS)];
    const response = await fetch(`${workspace.url}/api/items/${doc}`, {
      method: 'PATCH',
      headers: { ...bearer(workspace.owner.token), 'content-type': 'application/json' },
      body: JSON.stringify({ sharing: 'draft' }),
    });
    expect(response.status).toBe(200);
    for (const closed of await Promise.all(closes)) {
      expect(closed.code).toBe(CloseCode.RightsChanged);
    }
    const query = `?access_token=${reviewer.token}`;
    const again = connectRawClient(workspace.url, commentsDocId(doc), query);
    expect((await again.closed()).code).toBe(CloseCode.Forbidden);
  });

  it('a socket opened with a session closes when the session expires', async () => {
    workspace = await startTestWorkspace();
    const doc = await workspace.registerDoc('session-doc');
    const expiresAt = Date.now() + 600;
    const cookie = await openSession(
      workspace.server.meta,
      workspace.owner.user,
      new Date(expiresAt),
    );
    const client = connect(doc, {}, { cookie });
    await client.whenSynced();
    const closed = await nextClose(client, 600 + BOUND_MS + 500);
    expect(closed.code).toBe(CloseCode.Unauthenticated);
    expect(closed.at).toBeGreaterThanOrEqual(expiresAt);
    expect(closed.at - expiresAt).toBeLessThan(BOUND_MS);
  });

  it('an API token with an expiry closes its socket then, and is refused afterwards', async () => {
    workspace = await startTestWorkspace();
    const doc = await workspace.registerDoc('expiring-token-doc');
    const expiresAt = Date.now() + 600;
    const token = await createToken(
      workspace.server.meta,
      workspace.owner.user,
      new Date(expiresAt),
    );
    const client = connect(doc, { access_token: token.secret });
    await client.whenSynced();
    const closed = await nextClose(client, 600 + BOUND_MS + 500);
    expect(closed.code).toBe(CloseCode.Unauthenticated);
    expect(closed.at).toBeGreaterThanOrEqual(expiresAt);
    expect(closed.at - expiresAt).toBeLessThan(BOUND_MS);
    const use = await fetch(`${workspace.url}/api/auth/me`, { headers: bearer(token.secret) });
    expect(use.status).toBe(401);
  });

  it('a role change closes the sockets before the metadata write has finished', async () => {
    // A store whose role changes are made at once but written only when the test says.
    const real = createMemoryMetaStore();
    let releaseWrite: () => void = () => undefined;
    const written = new Promise<void>((resolve) => {
      releaseWrite = resolve;
    });
    const slow: MetaStore = {
      ...real,
      async setRole(labId, userId, role) {
        const result = await real.setRole(labId, userId, role);
        await written;
        return result;
      },
    };
    workspace = await startTestWorkspace({ meta: slow });
    const doc = await workspace.registerDoc('role-doc');
    const paul = await addPerson(slow, 'Paul Participant');
    await addMember(slow, workspace.labId, paul.user, 'participant');
    const client = connect(doc, workspace.auth(paul));
    await client.whenSynced();
    const closed = nextClose(client, BOUND_MS);
    let answered = false;
    const response = fetch(`${workspace.url}/api/labs/${workspace.labId}/members/${paul.user.id}`, {
      method: 'PATCH',
      headers: { ...bearer(workspace.owner.token), 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'observer' }),
    }).then((r) => {
      answered = true;
      return r;
    });
    expect((await closed).code).toBe(CloseCode.RightsChanged);
    expect(answered).toBe(false);
    releaseWrite();
    expect((await response).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('take an optional expiry at creation', async () => {
    workspace = await startTestWorkspace();
    const post = (body: unknown) =>
      fetch(`${workspace.url}/api/tokens`, {
        method: 'POST',
        headers: { ...bearer(workspace.owner.token), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const before = Date.now();
    const made = await post({ name: 'nightly export', expiresInDays: 30 });
    expect(made.status).toBe(201);
    const { record } = (await made.json()) as { record: ApiToken };
    const days = (Date.parse(record.expiresAt ?? '') - before) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThan(30.01);
    const forever = (await (await post({ name: 'kept' })).json()) as { record: ApiToken };
    expect(forever.record.expiresAt).toBeNull();
    for (const bad of [0, -1, 1.5, Limits.maxApiTokenDays + 1, '30']) {
      const refused = await post({ name: 'bad', expiresInDays: bad });
      expect(refused.status).toBe(400);
    }
    const names = workspace.server.meta.listApiTokens(workspace.owner.user.id).map((t) => t.name);
    expect(names).not.toContain('bad');
  });

  it('record when they were last used, at most once per interval', async () => {
    let clock = new Date('2026-12-01T09:00:00Z');
    workspace = await startTestWorkspace({ now: () => clock });
    const token = await createToken(workspace.server.meta, workspace.owner.user);
    const lastUsed = () =>
      workspace.server.meta.listApiTokens(workspace.owner.user.id).find((t) => t.id === token.id)
        ?.lastUsedAt;
    const use = async () => {
      const response = await fetch(`${workspace.url}/api/auth/me`, {
        headers: bearer(token.secret),
      });
      expect(response.status).toBe(200);
    };
    expect(lastUsed()).toBeNull();
    await use();
    expect(lastUsed()).toBe('2026-12-01T09:00:00.000Z');
    clock = new Date(clock.getTime() + Limits.apiTokenLastUsedGranularityMs - 1000);
    await use();
    expect(lastUsed()).toBe('2026-12-01T09:00:00.000Z');
    clock = new Date(clock.getTime() + 1000);
    await use();
    expect(lastUsed()).toBe(clock.toISOString());
  });
});
