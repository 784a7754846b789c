/**
 * Tokens and ids. Tokens are random, shown once, and stored only as their
 * SHA-256, so a copy of the data file grants nothing. Passwords are in
 * `password-hash.ts`.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new random secret, URL-safe, with a readable prefix so leaked tokens can be recognised. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** A new opaque, URL-safe id. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
