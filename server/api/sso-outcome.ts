/**
 * What a verified return from the organisation's provider does, by what the person
 * started: signing in, accepting an invitation, or linking their signed-in account.
 *
 * An organisation account whose email matches an existing account that is not linked
 * to it is refused, never merged: the provider's word about an email address is not
 * proof of owning that account here (addresses get reassigned, a provider may let
 * people set them), and a silent merge would hand the account, its labs and its
 * documents to whoever holds the organisation account. The owner proves both by
 * signing in with their password and linking from their account page.
 */
import type { SsoErrorCode } from '../../shared/schemas/sso';
import type { SsoRequestRecord } from '../../shared/schemas/sso-request';
import { type UserRecord, UserRecordSchema } from '../../shared/schemas/records';
import { unusablePasswordHash } from '../auth/password-hash';
import { newId } from '../auth/secrets';
import type { SsoPerson } from '../auth/sso-settings';
import { MetaStoreConflictError } from '../store/meta-store';
import { type ApiContext, audit } from './context';
import { ApiError } from './errors';
import { acceptInvitation, usableInviteByHash } from './routes/invite-routes';
import { startSession } from './routes/auth-routes';

export type SsoOutcome = { ok: true; to: string } | { ok: false; code: SsoErrorCode };

const refused = (code: SsoErrorCode): SsoOutcome => ({ ok: false, code });

/** An invitation that cannot be used answers `invite_invalid`; other errors pass. */
function inviteRefusal(error: unknown): SsoOutcome {
  if (error instanceof ApiError && error.status === 410) return refused('invite_invalid');
  if (error instanceof ApiError && error.status === 404) return refused('invite_invalid');
  throw error;
}

async function link(c: ApiContext, request: SsoRequestRecord, person: SsoPerson) {
  const auth = c.get('auth');
  // The return must reach the same account, signed in with a session, that started it.
  if (auth?.via !== 'cookie' || auth.user.id !== request.userId) {
    return refused('link_other_account');
  }
  const holder = c.get('deps').meta.findUserByIdentity(person.issuer, person.subject);
  if (holder && holder.id !== auth.user.id) return refused('identity_taken');
  try {
    await c.get('deps').meta.linkIdentity(auth.user.id, person);
  } catch (error) {
    if (error instanceof MetaStoreConflictError) return refused('identity_taken');
    throw error;
  }
  await audit(c, 'auth.sso_linked', null, { issuer: person.issuer });
  return { ok: true, to: request.returnTo } satisfies SsoOutcome;
}

/**
 * A new account for an invited person: name and email from the provider, the
 * profession they chose, no password anyone knows, the organisation account linked.
 * Nothing is awaited between the checks and the two calls, so of two returns on a
 * one-use invitation only one creates an account (as with signing up by password).
 */
async function joinByInvitation(
  c: ApiContext,
  request: SsoRequestRecord,
  person: SsoPerson,
  inviteTokenHash: string,
): Promise<{ user: UserRecord; labId: string } | SsoOutcome> {
  const deps = c.get('deps');
  try {
    usableInviteByHash(c, inviteTokenHash);
  } catch (error) {
    return inviteRefusal(error);
  }
  const parsed = UserRecordSchema.safeParse({
    id: newId(),
    email: person.email,
    name: person.name,
    profession: request.profession ?? 'other',
    passwordHash: unusablePasswordHash(),
    isAdmin: false,
    canCreateLabs: false,
    createdAt: deps.now().toISOString(),
    identities: [{ issuer: person.issuer, subject: person.subject }],
  });
  if (!parsed.success) return refused('provider');
  const created = deps.meta.createUser(parsed.data);
  const accepted = acceptInvitation(c, inviteTokenHash, parsed.data.id);
  const [user, result] = await Promise.all([created, accepted]);
  return { user, labId: result.membership.labId };
}

export async function completeSso(
  c: ApiContext,
  request: SsoRequestRecord,
  person: SsoPerson,
): Promise<SsoOutcome> {
  if (request.intent === 'link') return link(c, request, person);
  const { meta } = c.get('deps');
  const inviteHash = request.intent === 'invite' ? request.inviteTokenHash : null;
  let user = meta.findUserByIdentity(person.issuer, person.subject);
  let to = request.returnTo;
  if (user === null) {
    if (meta.findUserByEmail(person.email)) return refused('email_has_account');
    if (inviteHash === null) return refused('no_account');
    const joined = await joinByInvitation(c, request, person, inviteHash);
    if ('ok' in joined) return joined;
    user = joined.user;
    to = `/labs/${joined.labId}`;
  } else {
    if (user.deactivatedAt) return refused('deactivated');
    if (inviteHash !== null) {
      try {
        const result = await acceptInvitation(c, inviteHash, user.id);
        to = `/labs/${result.membership.labId}`;
      } catch (error) {
        return inviteRefusal(error);
      }
    }
  }
  await startSession(c, user);
  await audit(c, 'auth.sign_in', null, { method: 'organisation' }, user.id);
  return { ok: true, to };
}
