/**
 * One-time password-reset links: made by an administrator for someone, or asked
 * for by email ("forgot password"). Only the token's hash is stored; the newest
 * link of a person is the only one that works, and using it ends every session
 * and API token of the account, and forgets its sign-in failures.
 */
import type { UserRecord } from '../../shared/schemas/records';
import { composeEmail } from '../email/compose-email';
import type { Mailer } from '../email/mailer';
import type { MetaStore } from '../store/meta-store';
import { hashSecret, newSecret } from './secrets';

/** What issuing and sending links needs (the API's dependencies have it). */
export interface PasswordResetDeps {
  readonly meta: MetaStore;
  readonly now: () => Date;
  readonly mailer: Mailer | null;
  /** The address links start with, without a trailing slash. */
  readonly publicUrl: () => string;
}

export const PASSWORD_RESET_PREFIX = 'il_pwr';
/** A link an administrator gives someone lasts a day; one asked for by email an hour. */
export const ADMIN_RESET_TTL_MS = 24 * 60 * 60 * 1000;
export const EMAIL_RESET_TTL_MS = 60 * 60 * 1000;

export function passwordResetPath(token: string): string {
  return `/reset-password/${token}`;
}

/** Stores a new link for `user` (any earlier one stops working); returns its token. */
export async function issuePasswordReset(
  deps: PasswordResetDeps,
  user: UserRecord,
  createdBy: string | null,
  ttlMs: number,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret(PASSWORD_RESET_PREFIX);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await deps.meta.createPasswordReset({
    tokenHash: hashSecret(token),
    userId: user.id,
    createdBy,
    createdAt: now.toISOString(),
    expiresAt,
  });
  return { token, expiresAt };
}

/** Emails the link to the account's address; rejects when email is not configured. */
export async function emailPasswordReset(
  deps: PasswordResetDeps,
  user: UserRecord,
  token: string,
  byAdministrator: boolean,
): Promise<void> {
  if (!deps.mailer) throw new Error('email is not configured');
  const hours = byAdministrator ? '24 hours' : 'one hour';
  await deps.mailer.send({
    to: user.email,
    ...composeEmail({
      subject: 'Choose a new password for Improvement Lab',
      paragraphs: [
        `Hello ${user.name},`,
        byAdministrator
          ? 'An administrator of Improvement Lab made this link so that you can choose a new password.'
          : 'Someone (we hope you) asked to choose a new password for your Improvement Lab account.',
      ],
      action: {
        label: 'Choose a new password',
        url: `${deps.publicUrl()}${passwordResetPath(token)}`,
      },
      after: [
        `The link works once, for ${hours}. If you did not ask for it, you can ignore this email: your password stays as it is.`,
      ],
    }),
  });
}

/** Whether `token` is a live link, without using it. */
export function findPasswordReset(deps: PasswordResetDeps, token: string) {
  return deps.meta.findPasswordReset(hashSecret(token), deps.now());
}

export function consumePasswordReset(deps: PasswordResetDeps, token: string) {
  return deps.meta.consumePasswordReset(hashSecret(token), deps.now());
}
