/**
 * Password hashes: the default is OWASP's current scrypt advice, older cheaper
 * hashes still verify and are flagged for replacement, and damaged stored hashes
 * are refused rather than run.
 */
import { describe, expect, it } from 'vitest';
import { delayAfter } from '../../server/auth/backoff';
import {
  DEFAULT_PASSWORD_HASH_COST,
  dummyPasswordHash,
  hashPassword,
  MIN_PASSWORD_HASH_COST,
  needsRehash,
  verifyPassword,
} from '../../server/auth/password-hash';
import { SignInBackoff } from '../../shared/request-limits';

describe('password hashes', () => {
  it('hash with N = 2^17, r = 8, p = 1 by default, and verify', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(DEFAULT_PASSWORD_HASH_COST).toBe(17);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('Correct horse battery staple', stored)).toBe(false);
    expect(needsRehash(stored, DEFAULT_PASSWORD_HASH_COST)).toBe(false);
  });

  it('verify an older, cheaper hash and flag it for replacement', async () => {
    const old = await hashPassword('an older password', MIN_PASSWORD_HASH_COST);
    expect(old.startsWith(`scrypt$${2 ** MIN_PASSWORD_HASH_COST}$8$1$`)).toBe(true);
    expect(await verifyPassword('an older password', old)).toBe(true);
    expect(needsRehash(old, DEFAULT_PASSWORD_HASH_COST)).toBe(true);
    expect(needsRehash(old, MIN_PASSWORD_HASH_COST)).toBe(false);
  });

  it('refuse damaged or absurd stored hashes without running them', async () => {
    for (const stored of [
      '',
      'bcrypt$x',
      'scrypt$1000$8$1$AAAA$AAAA',
      `scrypt$${2 ** 24}$8$1$AAAA$AAAA`,
      `scrypt$${2 ** 20}$64$1$AAAA$AAAA`,
      'scrypt$16384$8$1$AAAA$',
    ]) {
      expect(await verifyPassword('anything at all', stored)).toBe(false);
      expect(needsRehash(stored, MIN_PASSWORD_HASH_COST)).toBe(true);
    }
  });

  it('make a dummy hash at the configured cost that matches nothing', async () => {
    const dummy = dummyPasswordHash(MIN_PASSWORD_HASH_COST);
    expect(dummy.startsWith(`scrypt$${2 ** MIN_PASSWORD_HASH_COST}$8$1$`)).toBe(true);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});

describe('backoff delays', () => {
  it('are free up to the allowance, then double up to the ceiling', () => {
    const policy = SignInBackoff.accountFromAddress;
    const delays = [1, 5, 6, 7, 8, 100].map((failures) => delayAfter(policy, failures));
    expect(delays).toEqual([
      0,
      policy.baseDelayMs,
      2 * policy.baseDelayMs,
      4 * policy.baseDelayMs,
      8 * policy.baseDelayMs,
      policy.maxDelayMs,
    ]);
  });
});
