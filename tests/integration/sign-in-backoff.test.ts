/**
 * Sign-in cannot be used to lock people out: failures back off per account from
 * an address, per address and per account (the last with a short ceiling),
 * `TRUST_PROXY` decides whether `X-Forwarded-For` is believed, password changes
 * and comment posting are limited, weak hashes are replaced at sign-in, and
 * expired sessions are purged. A controlled clock stands in for waiting.
 */
import { CSRF_HEADER } from '../../shared/api-contract';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FORWARDED_FOR_HEADER } from '../../server/api/client-address';
import { hashPassword } from '../../server/auth/password-hash';
import { commentsDocId } from '../../shared/comments';
import { CommentRate, PasswordChangeBackoff, SignInBackoff } from '../../shared/request-limits';
import {
  addMember,
  addPerson,
  apiAs,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORD_HASH_COST,
} from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let passwordHash = '';
beforeAll(async () => {
  passwordHash = await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST);
});

/** A clock that moves only when told. */
function manualClock() {
  let at = Date.now();
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}

describe('sign-in backoff, proxies, and the other limits', () => {
  let workspace: TestWorkspace | undefined;
  afterEach(async () => {
    await workspace?.stop();
    workspace = undefined;
  });

  async function start(trustProxy: number, clock = manualClock()) {
    const ws = await startTestWorkspace({ config: { trustProxy }, now: clock.now });
    workspace = ws;
    await ws.server.meta.updateUser(ws.owner.user.id, { passwordHash });
    return { ws, clock, email: ws.owner.user.email };
  }

  const attempt = (url: string, email: string, password: string, from?: string) =>
    fetch(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(from ? { [FORWARDED_FOR_HEADER]: from } : {}),
      },
      body: JSON.stringify({ email, password }),
    });

  const retryAfterMs = (response: Response) => Number(response.headers.get('retry-after')) * 1000;

  it('lets the owner in within the account ceiling however long someone else guesses', async () => {
    const { ws, clock, email } = await start(1);
    const attacker = '203.0.113.7';
    // Forty wrong guesses, each as soon as the server allows.
    for (let guess = 0; guess < 40; guess += 1) {
      const response = await attempt(ws.url, email, `wrong guess ${guess}`, attacker);
      if (response.status === 429) {
        clock.advance(retryAfterMs(response));
        guess -= 1;
        continue;
      }
      expect(response.status).toBe(401);
    }
    // The guesser now waits long; the owner, from elsewhere, at most the account's ceiling.
    const guesser = await attempt(ws.url, email, TEST_PASSWORD, attacker);
    expect(guesser.status).toBe(429);
    expect(retryAfterMs(guesser)).toBeGreaterThan(SignInBackoff.account.maxDelayMs);
    const owner = await attempt(ws.url, email, TEST_PASSWORD, '198.51.100.20');
    if (owner.status === 429) {
      expect(retryAfterMs(owner)).toBeLessThanOrEqual(SignInBackoff.account.maxDelayMs);
      clock.advance(retryAfterMs(owner));
      expect((await attempt(ws.url, email, TEST_PASSWORD, '198.51.100.20')).status).toBe(200);
    } else {
      expect(owner.status).toBe(200);
    }
    expect(ws.logs.some((r) => JSON.stringify(r).includes(TEST_PASSWORD))).toBe(false);
  });

  it('backs off one address guessing one account, doubling the wait, and forgets after success', async () => {
    const { ws, clock, email } = await start(0);
    const free = SignInBackoff.accountFromAddress.freeFailures;
    for (let i = 0; i < free; i += 1) {
      expect((await attempt(ws.url, email, 'wrong password!')).status).toBe(401);
    }
    const first = await attempt(ws.url, email, TEST_PASSWORD);
    expect(first.status).toBe(429);
    expect(retryAfterMs(first)).toBe(SignInBackoff.accountFromAddress.baseDelayMs);
    expect(((await first.json()) as { error: { message: string } }).error.message).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    clock.advance(retryAfterMs(first));
    expect((await attempt(ws.url, email, 'wrong password!')).status).toBe(401);
    const second = await attempt(ws.url, email, TEST_PASSWORD);
    expect(retryAfterMs(second)).toBe(2 * SignInBackoff.accountFromAddress.baseDelayMs);
    clock.advance(retryAfterMs(second));
    expect((await attempt(ws.url, email, TEST_PASSWORD)).status).toBe(200);
    // Success forgot the failures: the next wrong guess is free again.
    expect((await attempt(ws.url, email, 'wrong password!')).status).toBe(401);
    expect((await attempt(ws.url, email, TEST_PASSWORD)).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says how many proxies to believe', async () => {
    const free = SignInBackoff.accountFromAddress.freeFailures;
    const guessFromManyAddresses = async (ws: TestWorkspace, email: string) => {
      for (let i = 0; i < free; i += 1) {
        expect((await attempt(ws.url, email, 'wrong password!', `192.0.2.${i + 1}`)).status).toBe(
          401,
        );
      }
      return (await attempt(ws.url, email, TEST_PASSWORD, '192.0.2.200')).status;
    };
    const untrusted = await start(0);
    // The header is the client's own word: every guess came from one socket address.
    expect(await guessFromManyAddresses(untrusted.ws, untrusted.email)).toBe(429);
    await untrusted.ws.stop();
    const trusted = await start(1);
    // Behind one trusted proxy, each address is its own: the owner is not held back.
    expect(await guessFromManyAddresses(trusted.ws, trusted.email)).toBe(200);
    // Only the entry the proxy appended counts; a spoofed one further left does not.
    for (let i = 0; i < free; i += 1) {
      await attempt(trusted.ws.url, 'x@example.org', 'wrong password!', `10.0.0.${i}, 192.0.2.9`);
    }
    const spoofed = await attempt(trusted.ws.url, 'x@example.org', 'x', '10.9.9.9, 192.0.2.9');
    expect(spoofed.status).toBe(429);
  });

  it('backs off wrong current passwords on password change, per person', async () => {
    const { ws, clock, email } = await start(0);
    const session = await signIn(ws.url, email, TEST_PASSWORD);
    const change = (currentPassword: string) =>
      fetch(`${ws.url}/api/auth/password`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: session.cookie,
          [CSRF_HEADER]: session.csrfToken,
        },
        body: JSON.stringify({ currentPassword, newPassword: 'a brand new password' }),
      });
    for (let i = 0; i < PasswordChangeBackoff.freeFailures; i += 1) {
      expect((await change(`wrong ${i}`)).status).toBe(400);
    }
    const refused = await change(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    const stored = ws.server.meta.getUser(ws.owner.user.id)?.passwordHash;
    expect(stored).toBe(passwordHash);
    clock.advance(retryAfterMs(refused));
    expect((await change(TEST_PASSWORD)).status).toBe(200);
  });

  it('limits how many comments one person posts per window', async () => {
    const { ws, clock, email } = await start(0);
    const itemId = await ws.registerDoc('comment-flood', 'open_for_comment');
    const session = await signIn(ws.url, email, TEST_PASSWORD);
    const post = () =>
      fetch(`${ws.url}/api/items/${itemId}/comments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: session.cookie,
          [CSRF_HEADER]: session.csrfToken,
        },
        body: JSON.stringify({ body: 'One more thought' }),
      });
    for (let i = 0; i < CommentRate.limit; i += 1) expect((await post()).status).toBe(201);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const count = await ws.server.registry.read(
      commentsDocId(itemId),
      (doc) => doc.getMap('comments').size,
    );
    expect(count).toBe(CommentRate.limit);
    // Another person is not affected, and the limit lifts with the window.
    const other = await addPerson(ws.server.meta, 'Carla Colleague', { passwordHash });
    await addMember(ws.server.meta, ws.labId, other.user, 'participant');
    const otherSession = await signIn(ws.url, other.user.email, TEST_PASSWORD);
    await apiAs(ws.url, otherSession, 'POST', `/api/items/${itemId}/comments`, { body: 'Mine' });
    clock.advance(CommentRate.windowMs);
    expect((await post()).status).toBe(201);
  });
});
