/**
 * Password hashes: scrypt (memory-hard, from node:crypto) at OWASP's current
 * advice (N = 2^17, r = 8, p = 1), compared in constant time. The stored form
 * `scrypt$N$r$p$salt$key` carries its own parameters, so hashes made at an
 * older, cheaper cost still verify, and `needsRehash` tells sign-in to replace
 * them with one at today's cost.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** log2(N) of new hashes unless configured (`PASSWORD_HASH_COST`). */
export const DEFAULT_PASSWORD_HASH_COST = 17;
export const MIN_PASSWORD_HASH_COST = 12;
/** 2^20 with r = 8 is 1 GiB per hash: anything above is refused, even from a stored hash. */
export const MAX_PASSWORD_HASH_COST = 20;
const R = 8;
const P = 1;
const KEY_LENGTH = 64;

/**
 * scrypt needs 128·N·r bytes; `maxmem` is set to twice that so Node's default
 * (32 MiB) does not refuse the cost, while a damaged stored hash asking for
 * more than the largest allowed cost is refused rather than allocated.
 */
function maxmemFor(n: number, r: number): number {
  return 2 * 128 * n * r;
}

function scryptAsync(
  password: string,
  salt: Buffer,
  n: number,
  r: number,
  p: number,
  length: number,
) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      length,
      { N: n, r, p, maxmem: maxmemFor(n, r) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(
  password: string,
  cost: number = DEFAULT_PASSWORD_HASH_COST,
): Promise<string> {
  const salt = randomBytes(16);
  const n = 2 ** cost;
  const key = await scryptAsync(password, salt, n, R, P, KEY_LENGTH);
  return ['scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface StoredHash {
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parse(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return null;
  const parsed = { n: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = Number.isInteger(Math.log2(parsed.n));
  if (!powerOfTwo || parsed.n < 2 || parsed.n > 2 ** MAX_PASSWORD_HASH_COST) return null;
  if (
    !Number.isInteger(parsed.r) ||
    parsed.r < 1 ||
    parsed.n * parsed.r > 2 ** MAX_PASSWORD_HASH_COST * R
  )
    return null;
  if (!Number.isInteger(parsed.p) || parsed.p < 1 || parsed.p > 16) return null;
  return { ...parsed, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (hash === null || hash.key.length === 0) return false;
  const actual = await scryptAsync(password, hash.salt, hash.n, hash.r, hash.p, hash.key.length);
  return actual.length === hash.key.length && timingSafeEqual(actual, hash.key);
}

/** Whether a stored hash is weaker than one made now at `cost` (so sign-in replaces it). */
export function needsRehash(stored: string, cost: number): boolean {
  const hash = parse(stored);
  return hash === null || hash.n < 2 ** cost || hash.r < R || hash.key.length < KEY_LENGTH;
}

/**
 * A hash to spend the same time on when the account does not exist (no user
 * enumeration by timing): same parameters as a real one at `cost`, matching nothing.
 */
export function dummyPasswordHash(cost: number): string {
  const zeros = (bytes: number) => Buffer.alloc(bytes).toString('base64url');
  return ['scrypt', 2 ** cost, R, P, zeros(16), zeros(KEY_LENGTH)].join('$');
}

/**
 * A well-formed scrypt hash of nothing anyone knows: the account cannot be signed in
 * to with a password (demo people; accounts made by signing in with an organisation).
 */
export function unusablePasswordHash(): string {
  const part = (bytes: number) => randomBytes(bytes).toString('base64url');
  return ['scrypt', 2 ** 14, R, P, part(16), part(KEY_LENGTH)].join('$');
}
