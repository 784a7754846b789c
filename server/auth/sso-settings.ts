/**
 * Single sign-on's settings and the checks of who the provider says someone is,
 * kept apart from `sso-client.ts` so that neither the configuration nor these
 * checks load the OpenID Connect library.
 */
import type { SsoErrorCode } from '../../shared/schemas/sso';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Lower-cased email domains allowed to sign in; empty: any. */
  readonly allowedDomains: readonly string[];
  /** The organisation's name for the button, or null for "your organisation". */
  readonly name: string | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether the URL names this machine (where plain HTTP is allowed, for development). */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** What the sign-in page's button says. */
export function ssoButtonLabel(settings: OidcSettings): string {
  return `Sign in with ${settings.name ?? 'your organisation'}`;
}

/** The person the provider vouched for, once every check passed. */
export interface SsoPerson {
  readonly issuer: string;
  readonly subject: string;
  /** Lower-cased. */
  readonly email: string;
  readonly name: string;
}

export type SsoClaims = Readonly<Record<string, unknown>>;

const MAX_NAME = 100;

/** A name for a new account: the provider's name, else given and family names, else the email's local part. */
function nameOf(claims: SsoClaims, email: string): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const joined = [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ');
  const name = text(claims.name) || joined || email.split('@')[0] || email;
  return name.slice(0, MAX_NAME);
}

/**
 * Checks the claims of a validated ID token (with UserInfo's added): an email address
 * the provider has verified, from an allowed domain. The issuer, audience, nonce and
 * signature were checked by the library before this.
 */
export function checkClaims(
  claims: SsoClaims,
  settings: Pick<OidcSettings, 'allowedDomains'>,
): { ok: true; person: SsoPerson } | { ok: false; code: SsoErrorCode } {
  const { iss, sub, email } = claims;
  if (typeof iss !== 'string' || typeof sub !== 'string' || sub === '') {
    return { ok: false, code: 'provider' };
  }
  // Some providers send the flag as a string; anything but true is not verified.
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email) || !verified) {
    return { ok: false, code: 'unverified_email' };
  }
  const address = email.trim().toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domain)) {
    return { ok: false, code: 'domain_not_allowed' };
  }
  return {
    ok: true,
    person: { issuer: iss, subject: sub, email: address, name: nameOf(claims, address) },
  };
}
