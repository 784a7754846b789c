/**
 * Accounts kept sound over time and under races: a password hash made at an
 * older cost is replaced at sign-in, expired sessions are purged at start and
 * periodically, and a one-use invitation raced by ten sign-ups makes exactly
 * one account.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, MIN_PASSWORD_HASH_COST } from '../../server/auth/password-hash';
import { hashSecret } from '../../server/auth/secrets';
import { signIn, TEST_PASSWORD } from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('accounts kept sound', () => {
  let workspace: TestWorkspace | undefined;
  afterEach(async () => {
    await workspace?.stop();
    workspace = undefined;
  });

  it('replaces a hash made at an older, cheaper cost when its owner signs in', async () => {
    const serverCost = MIN_PASSWORD_HASH_COST + 1;
    workspace = await startTestWorkspace({ config: { passwordHashCost: serverCost } });
    const { meta } = workspace.server;
    const old = await hashPassword(TEST_PASSWORD, MIN_PASSWORD_HASH_COST);
    await meta.updateUser(workspace.owner.user.id, { passwordHash: old });
    await signIn(workspace.url, workspace.owner.user.email, TEST_PASSWORD);
    const upgraded = meta.getUser(workspace.owner.user.id)?.passwordHash ?? '';
    expect(upgraded.startsWith(`scrypt$${2 ** serverCost}$8$1$`)).toBe(true);
    // Still the same password, and no further change at the next sign-in.
    await signIn(workspace.url, workspace.owner.user.email, TEST_PASSWORD);
    expect(meta.getUser(workspace.owner.user.id)?.passwordHash).toBe(upgraded);
  });

  it('purges expired sessions at start and then periodically', async () => {
    let at = Date.now();
    workspace = await startTestWorkspace({
      now: () => new Date(at),
      sessionPurgeIntervalMs: 20,
    });
    const session = (name: string, expiresInMs: number) => ({
      tokenHash: hashSecret(name),
      userId: workspace?.owner.user.id ?? '',
      csrfToken: `csrf-${name}`,
      createdAt: new Date(at).toISOString(),
      expiresAt: new Date(at + expiresInMs).toISOString(),
    });
    const { meta } = workspace.server;
    await meta.createSession(session('long gone', -1000));
    await meta.createSession(session('still good', 60 * 60 * 1000));
    await workspace.restart();
    expect(workspace.server.meta.findSession(hashSecret('long gone'))).toBeNull();
    expect(workspace.server.meta.findSession(hashSecret('still good'))).not.toBeNull();
    // Two hours later, the periodic purge takes the other one without a restart.
    const purged = workspace.waitForLog('expired sessions purged');
    at += 2 * 60 * 60 * 1000;
    expect(await purged).toMatchObject({ purged: 1 });
    expect(workspace.server.meta.findSession(hashSecret('still good'))).toBeNull();
  });

  it('creates exactly one account when ten people race to use a one-use invitation', async () => {
    workspace = await startTestWorkspace();
    const ws = workspace;
    const created = await fetch(`${ws.url}/api/labs/${ws.labId}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.owner.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'participant', maxUses: 1 }),
    });
    const { path } = (await created.json()) as { path: string };
    const token = path.split('/').pop() ?? '';
    const usersBefore = ws.server.meta.listMembers(ws.labId).length;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${ws.url}/api/invites/${token}/sign-up`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: `racer${i}@example.org`,
            name: `Racer ${i}`,
            profession: 'nurse',
            password: TEST_PASSWORD,
          }),
        }),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 410, 410, 410, 410, 410, 410, 410, 410, 410]);
    const accounts = Array.from({ length: 10 }, (_, i) =>
      ws.server.meta.findUserByEmail(`racer${i}@example.org`),
    ).filter((user) => user !== null);
    expect(accounts).toHaveLength(1);
    expect(ws.server.meta.listMembers(ws.labId).length).toBe(usersBefore + 1);
  });
});
