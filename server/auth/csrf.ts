/**
 * CSRF protection for cookie-authenticated writes. A write (anything but GET,
 * HEAD, OPTIONS) with a session cookie must carry the session's CSRF token in
 * `x-csrf-token`, and, when the browser sends an Origin, come from this origin.
 * Bearer-token requests carry no ambient credential and need neither.
 * The API's middleware (`server/api/csrf-protection.ts`) and the sync layer's
 * upgrade check (`server/sync/authorize-upgrade.ts`) decide with these.
 */
import { timingSafeEqual } from 'node:crypto';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request with this method changes something and so needs the checks. */
export function isWrite(method: string): boolean {
  return !SAFE_METHODS.has(method);
}

/** Compares in constant time, so the token cannot be guessed a character at a time. */
export function csrfTokenMatches(sent: string, expected: string): boolean {
  const left = Buffer.from(sent);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function originMatches(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
