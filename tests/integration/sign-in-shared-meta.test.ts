/**
 * Signing in through one process right after the account was made, or its password
 * changed, through another (PostgreSQL shared by several processes): the process reads
 * the others' writes before it refuses, so the person is let in at once. The two
 * stores here have no Redis between them, so nothing tells this process of the other's
 * writes: only the sign-in's own catch-up can find them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password-hash';
import { createMemoryLogger } from '../../server/logger';
import type { MetaStore } from '../../server/store/meta-store';
import { createPostgresMetaStore } from '../../server/store/postgres/postgres-meta-store';
import { TEST_PASSWORD, TEST_PASSWORD_HASH_COST } from '../helpers/accounts';
import { createTestSchema, type TestSchema, testDatabase } from '../helpers/postgres';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';
import { aUser } from '../contract/meta-store-fixtures';

function signIn(url: string, email: string, password: string): Promise<Response> {
  return fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe.skipIf(testDatabase === null)('signing in across processes', () => {
  let schema: TestSchema | null = null;
  let workspace: TestWorkspace | null = null;
  const stores: MetaStore[] = [];

  afterEach(async () => {
    await workspace?.stop();
    workspace = null;
    for (const store of stores.splice(0)) await store.close();
    await schema?.drop();
    schema = null;
  });

  async function twoProcesses() {
    schema = createTestSchema();
    const open = async (writer: string) => {
      const store = await createPostgresMetaStore({
        db: await (schema as TestSchema).open(),
        logger: createMemoryLogger(),
        writer,
      });
      stores.push(store);
      return store;
    };
    const other = await open('other-process');
    const here = await open('this-process');
    workspace = await startTestWorkspace({ meta: here });
    return { other, url: workspace.url };
  }

  it('lets in a person whose account another process made a moment ago', async () => {
    const { other, url } = await twoProcesses();
    const user = aUser({
      email: 'new.member@example.org',
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
    });
    await other.createUser(user);

    const answer = await signIn(url, user.email, TEST_PASSWORD);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { user: { id: string } }).user.id).toBe(user.id);
    // A wrong password is still refused, after the same look at the other's writes.
    expect((await signIn(url, user.email, 'not the password at all')).status).toBe(401);
  });

  it('takes the password another process changed a moment ago, and no longer the old one', async () => {
    const { other, url } = await twoProcesses();
    const user = aUser({
      email: 'changing@example.org',
      passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
    });
    await other.createUser(user);
    expect((await signIn(url, user.email, TEST_PASSWORD)).status).toBe(200);

    const changed = 'a quite different passphrase';
    await other.updateUser(user.id, {
      passwordHash: await hashPassword(changed, TEST_PASSWORD_HASH_COST),
    });
    expect((await signIn(url, user.email, changed)).status).toBe(200);
    expect((await signIn(url, user.email, TEST_PASSWORD)).status).toBe(401);
  });
});
