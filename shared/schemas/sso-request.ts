/**
 * The record the server keeps while a person is at their organisation's sign-in
 * service (`shared/schemas/sso.ts` has the rest of single sign-on), and the return
 * path it may send them back to.
 */
import * as z from 'zod';
import { PROFESSIONS } from '../roles';

/**
 * A path on this site to go back to: starts with one `/`, never `//` or `/\`, which a
 * browser would read as another host. Anything else is refused rather than repaired.
 */
export const ReturnPathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])[^\s\\]*$/, 'must be a path on this site');

export const SSO_INTENTS = ['sign_in', 'invite', 'link'] as const;

/** What the server keeps between sending the person to their provider and their return. */
export const SsoRequestRecordSchema = z.object({
  /** SHA-256 of the secret in the browser's cookie: the return must come to the same browser. */
  keyHash: z.string().min(1),
  /** Sent to the provider and expected back unchanged. */
  state: z.string().min(1),
  /** Expected in the ID token, so a token minted for another request is refused. */
  nonce: z.string().min(1),
  /** PKCE: only this server can redeem the code the provider returns. */
  codeVerifier: z.string().min(1),
  intent: z.enum(SSO_INTENTS),
  returnTo: ReturnPathSchema,
  /** For `invite`: the invitation's token hash and the profession of a new account. */
  inviteTokenHash: z.string().min(1).nullable(),
  profession: z.enum(PROFESSIONS).nullable(),
  /** For `link`: the account being linked. */
  userId: z.string().min(1).max(64).nullable(),
  createdAt: z.string().min(1),
  expiresAt: z.string().min(1),
});
export type SsoRequestRecord = z.infer<typeof SsoRequestRecordSchema>;
