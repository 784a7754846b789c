/** The checks of what an organisation's provider says about someone, after the token itself was verified. */
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../server/auth/sso-settings';

const base = {
  iss: 'https://login.example.org',
  sub: 'abc',
  email: 'Ada.Lovelace@Example.org',
  email_verified: true,
};

describe('single sign-on claims', () => {
  it('takes a verified email, lower-cased, and a name from the best claim there is', () => {
    expect(checkClaims({ ...base, name: ' Ada Lovelace ' }, { allowedDomains: [] })).toEqual({
      ok: true,
      person: {
        issuer: base.iss,
        subject: 'abc',
        email: 'ada.lovelace@example.org',
        name: 'Ada Lovelace',
      },
    });
    const named = (claims: Record<string, unknown>) => {
      const result = checkClaims({ ...base, ...claims }, { allowedDomains: [] });
      return result.ok ? result.person.name : null;
    };
    expect(named({ given_name: 'Ada', family_name: 'King' })).toBe('Ada King');
    expect(named({})).toBe('ada.lovelace');
    expect(named({ name: 'x'.repeat(300) })).toHaveLength(100);
  });

  it('refuses an unverified or missing email, and one outside the allowed domains', () => {
    const code = (claims: Record<string, unknown>, allowedDomains: string[] = []) => {
      const result = checkClaims({ ...base, ...claims }, { allowedDomains });
      return result.ok ? 'ok' : result.code;
    };
    expect(code({ email_verified: false })).toBe('unverified_email');
    expect(code({ email_verified: undefined })).toBe('unverified_email');
    expect(code({ email_verified: 'false' })).toBe('unverified_email');
    expect(code({ email_verified: 'true' })).toBe('ok');
    expect(code({ email: undefined })).toBe('unverified_email');
    expect(code({ email: 'not an address' })).toBe('unverified_email');
    expect(code({}, ['example.org'])).toBe('ok');
    expect(code({}, ['nhs.net'])).toBe('domain_not_allowed');
    expect(code({ email: 'a@sub.example.org' }, ['example.org'])).toBe('domain_not_allowed');
    expect(code({ sub: '' })).toBe('provider');
  });
});
