/**
 * Single sign-on with an organisation account (OpenID Connect): the request that
 * starts it, what the sign-in page offers, and what it is told when it failed (the
 * record kept meanwhile is in `sso-request.ts`). The flow is in `server/api/routes/sso-routes.ts`.
 */
import * as z from 'zod';
import { PROFESSIONS } from '../roles';
import { MAX_PASSWORD_LENGTH } from './api';
import { ReturnPathSchema } from './sso-request';

/** `POST /api/auth/sso/start`: what the person is doing when they go to their provider. */
export const SsoStartBodySchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('sign_in'), returnTo: ReturnPathSchema.default('/') }),
  /** Accepting an invitation: a new account takes its name from the provider, its profession from here. */
  z.object({
    intent: z.literal('invite'),
    inviteToken: z.string().min(1).max(200),
    profession: z.enum(PROFESSIONS),
  }),
  /** Linking the signed-in account: the password proves it is its owner, not a borrowed session. */
  z.object({
    intent: z.literal('link'),
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  }),
]);

/** `GET /api/auth/sso`: whether the sign-in page offers it, and what the button says. */
export interface SsoInfo {
  enabled: boolean;
  /** "Sign in with …": the organisation's name, or "your organisation". */
  label: string;
  /** Whether the signed-in person's account is linked to an organisation account. */
  linked: boolean;
}

/** Why a return from the provider was refused; the pages show the message as written. */
export const SSO_ERRORS = {
  expired:
    'Your sign-in with your organisation account took too long or was started in another browser. Try again.',
  state: 'That sign-in response did not come from the sign-in you started here. Try again.',
  denied: 'Signing in with your organisation account was cancelled.',
  provider: 'Your organisation’s sign-in service did not confirm who you are. Try again.',
  unverified_email:
    'Your organisation account’s email address has not been verified, so it cannot be used here.',
  domain_not_allowed:
    'Your organisation account’s email address is not from an organisation that can sign in here.',
  no_account:
    'There is no Improvement Lab account for this organisation account. Ask a lab’s facilitator for an invitation, then accept it by signing in with your organisation.',
  email_has_account:
    'An Improvement Lab account already uses this email address. Sign in with your password, then link your organisation account from Your account.',
  deactivated: 'This account has been deactivated. Ask your administrator if you need it again.',
  identity_taken: 'This organisation account is already linked to another Improvement Lab account.',
  link_other_account:
    'You are no longer signed in as the account you were linking. Sign in and try again.',
  invite_invalid: 'This invitation can no longer be used. Ask the lab’s facilitator for a new one.',
  failed: 'Signing in with your organisation account did not work. Try again.',
} as const;
export type SsoErrorCode = keyof typeof SSO_ERRORS;

/** The query parameter a page reads the refusal from. */
export const SSO_ERROR_PARAM = 'sso_error';

/** The message for `code`, or null when it is not one of ours (a link someone made up). */
export function ssoErrorMessage(code: string | null): string | null {
  return code !== null && Object.hasOwn(SSO_ERRORS, code) ? SSO_ERRORS[code as SsoErrorCode] : null;
}
