/**
 * Invitations by link: a facilitator creates one for a role with an expiry and a
 * use limit, sees and revokes pending ones. The invitee opens the link, signs up
 * (name, profession) or signs in, and joins the lab.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { ROLE_LABELS } from '../../../shared/roles';
import { CreateInviteBodySchema, SignUpWithInviteBodySchema } from '../../../shared/schemas/api';
import type { InviteRecord, LabRecord } from '../../../shared/schemas/records';
import { hashPassword } from '../../auth/password-hash';
import { hashSecret, newId, newSecret } from '../../auth/secrets';
import { presentInvite, presentLab } from '../../presenters';
import { MetaStoreConflictError } from '../../store/meta-store';
import { type ApiContext, type AppEnv, audit, requireAuth, requireLab } from '../context';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';
import { emailInvitation } from '../invite-email';
import { readJson } from '../validate';
import { startSession } from './auth-routes';

const DAY_MS = 24 * 60 * 60 * 1000;

function inviteState(invite: InviteRecord, now: Date): 'valid' | 'revoked' | 'expired' | 'used_up' {
  if (invite.revokedAt !== null) return 'revoked';
  if (new Date(invite.expiresAt) <= now) return 'expired';
  if (invite.uses >= invite.maxUses) return 'used_up';
  return 'valid';
}

const INVALID_MESSAGES = {
  not_found: 'This invitation link is not valid. Ask the lab’s facilitator for a new one.',
  revoked: 'This invitation was withdrawn. Ask the lab’s facilitator for a new one.',
  expired: 'This invitation has expired. Ask the lab’s facilitator for a new one.',
  used_up: 'This invitation has already been used. Ask the lab’s facilitator for a new one.',
} as const;

/** Throws the invitation's 404/410 unless it can be used now. */
function usableInvite(c: ApiContext, token: string): InviteRecord {
  return usableInviteByHash(c, hashSecret(token));
}

/** `usableInvite` for the hash of its token (single sign-on keeps only the hash). */
export function usableInviteByHash(c: ApiContext, tokenHash: string): InviteRecord {
  const deps = c.get('deps');
  const invite = deps.meta.findInviteByHash(tokenHash);
  if (!invite) throw new ApiError(404, 'invite_not_found', INVALID_MESSAGES.not_found);
  const state = inviteState(invite, deps.now());
  if (state !== 'valid') throw new ApiError(410, `invite_${state}`, INVALID_MESSAGES[state]);
  return invite;
}

function emailTaken(): ApiError {
  return new ApiError(
    409,
    'email_taken',
    'An account with this email address exists. Sign in to accept the invitation.',
    { email: 'already has an account' },
  );
}

function accept(c: ApiContext, token: string, userId: string) {
  return acceptInvitation(c, hashSecret(token), userId);
}

/** Uses the invitation for `userId` (audited), or throws its 410. */
export async function acceptInvitation(c: ApiContext, tokenHash: string, userId: string) {
  const deps = c.get('deps');
  const result = await deps.meta.acceptInvite(tokenHash, userId, deps.now());
  if (!result.ok)
    throw new ApiError(410, `invite_${result.reason}`, INVALID_MESSAGES[result.reason]);
  await audit(
    c,
    'invite.accepted',
    result.invite.labId,
    { inviteId: result.invite.id, role: result.membership.role },
    userId,
  );
  return result;
}

/** An item-limited invitation is for reviewers, to items of this lab. */
function checkInviteItems(
  c: ApiContext,
  labId: string,
  role: string,
  itemIds: readonly string[],
): void {
  if (role !== 'reviewer') {
    throw new ApiError(
      400,
      'invalid_request',
      'Only reviewers can be invited to particular items.',
      {
        itemIds: 'only for reviewers',
      },
    );
  }
  const { meta } = c.get('deps');
  if (itemIds.some((id) => meta.getItem(id)?.labId !== labId)) {
    throw new ApiError(400, 'invalid_request', 'Every item must belong to this lab.', {
      itemIds: 'not in this lab',
    });
  }
}

/**
 * Emails the invitation and notes when; answers whether it went. A failure is
 * logged and answered as not emailed, so the facilitator copies the link instead.
 */
export async function sendInvitation(
  c: ApiContext,
  invite: InviteRecord,
  lab: LabRecord,
  token: string,
): Promise<boolean> {
  const deps = c.get('deps');
  try {
    await emailInvitation(deps, invite, lab, requireAuth(c).user.name, token);
  } catch (error) {
    deps.logger.error('invitation email failed', { inviteId: invite.id, error });
    return false;
  }
  await deps.meta.reissueInvite(invite.id, invite.tokenHash, deps.now().toISOString(), deps.now());
  return true;
}

export function labInviteRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:labId/invites', (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'invites.manage');
    const deps = c.get('deps');
    return reply(c, Api.invites.pending, {
      invites: deps.meta.listPendingInvites(lab.id, deps.now()).map(presentInvite),
    });
  });

  routes.post('/:labId/invites', async (c) => {
    const { auth, lab } = requireLab(c, c.req.param('labId'), 'invites.manage');
    const body = await readJson(c, CreateInviteBodySchema);
    const deps = c.get('deps');
    if (body.itemIds) checkInviteItems(c, lab.id, body.role, body.itemIds);
    const token = newSecret('il_inv');
    const now = deps.now();
    const invite: InviteRecord = {
      id: newId(),
      labId: lab.id,
      role: body.role,
      tokenHash: hashSecret(token),
      createdBy: auth.user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + body.expiresInDays * DAY_MS).toISOString(),
      maxUses: body.maxUses,
      uses: 0,
      revokedAt: null,
      itemIds: body.itemIds ? [...new Set(body.itemIds)] : null,
      name: body.name,
      email: body.email,
      note: body.note,
      sentAt: null,
    };
    const emailing = invite.email !== null && deps.mailer !== null;
    await deps.meta.createInvite(invite);
    // Sent after it is stored: a link in an inbox must always be one the server knows.
    const emailed = emailing && (await sendInvitation(c, invite, lab, token));
    await audit(c, 'invite.created', lab.id, {
      inviteId: invite.id,
      role: invite.role,
      maxUses: invite.maxUses,
    });
    // The link is shown this once; only the token's hash is kept.
    const stored = deps.meta.getInvite(invite.id) ?? invite;
    return reply(
      c,
      Api.invites.create,
      { invite: presentInvite(stored), path: `/invite/${token}`, emailed },
      201,
    );
  });

  // A new link for a pending invitation (the old one stops working), emailed again
  // when it has an address and email is set up, else shown to copy.
  routes.post('/:labId/invites/:inviteId/resend', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'invites.manage');
    const deps = c.get('deps');
    const invite = deps.meta.getInvite(c.req.param('inviteId'));
    if (!invite || invite.labId !== lab.id) throw Errors.notFound('That invitation');
    const token = newSecret('il_inv');
    const reissued = await deps.meta.reissueInvite(invite.id, hashSecret(token), null, deps.now());
    if (!reissued)
      throw new ApiError(410, 'invite_not_pending', 'That invitation is no longer open.');
    const emailed =
      reissued.email !== null && reissued.email !== undefined && deps.mailer !== null
        ? await sendInvitation(c, reissued, lab, token)
        : false;
    await audit(c, 'invite.resent', lab.id, { inviteId: invite.id, emailed });
    const stored = deps.meta.getInvite(invite.id) ?? reissued;
    return reply(c, Api.invites.resend, {
      invite: presentInvite(stored),
      path: `/invite/${token}`,
      emailed,
    });
  });

  routes.delete('/:labId/invites/:inviteId', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'invites.manage');
    const deps = c.get('deps');
    const invite = deps.meta.getInvite(c.req.param('inviteId'));
    if (!invite || invite.labId !== lab.id) throw Errors.notFound('That invitation');
    await deps.meta.revokeInvite(invite.id, deps.now().toISOString());
    await audit(c, 'invite.revoked', lab.id, { inviteId: invite.id });
    return reply(c, Api.invites.withdraw, { ok: true });
  });

  return routes;
}

export function inviteRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:token', (c) => {
    const deps = c.get('deps');
    const invite = deps.meta.findInviteByHash(hashSecret(c.req.param('token')));
    const lab = invite ? deps.meta.getLab(invite.labId) : null;
    if (!invite || !lab) throw new ApiError(404, 'invite_not_found', INVALID_MESSAGES.not_found);
    const state = inviteState(invite, deps.now());
    if (state !== 'valid') throw new ApiError(410, `invite_${state}`, INVALID_MESSAGES[state]);
    const items = (invite.itemIds ?? []).map((id) => deps.meta.getItem(id)?.title ?? 'An item');
    return reply(c, Api.invites.details, {
      lab: { title: lab.title, challenge: lab.challenge },
      items,
      role: invite.role,
      roleLabel: ROLE_LABELS[invite.role],
      expiresAt: invite.expiresAt,
      note: invite.note ?? '',
      name: invite.name ?? '',
    });
  });

  routes.post('/:token/accept', async (c) => {
    const auth = requireAuth(c);
    const result = await accept(c, c.req.param('token'), auth.user.id);
    const lab = c.get('deps').meta.getLab(result.membership.labId);
    if (!lab) throw Errors.notFound('That lab');
    return reply(c, Api.invites.accept, { lab: presentLab(lab, result.membership.role) });
  });

  routes.post('/:token/sign-up', async (c) => {
    const body = await readJson(c, SignUpWithInviteBodySchema);
    const deps = c.get('deps');
    const token = c.req.param('token');
    // Checked before the slow hash, so a dead link costs nothing; checked again below.
    usableInvite(c, token);
    const passwordHash = await hashPassword(body.password, deps.passwordHashCost);
    // From here to the two calls, nothing awaits: the MetaStore checks and changes
    // in one synchronous step per call, so of concurrent sign-ups on a one-use
    // link exactly one creates an account; the others are refused before theirs.
    usableInvite(c, token);
    if (deps.meta.findUserByEmail(body.email)) throw emailTaken();
    const userId = newId();
    const created = deps.meta.createUser({
      id: userId,
      email: body.email,
      name: body.name,
      profession: body.profession,
      passwordHash,
      isAdmin: false,
      canCreateLabs: false,
      createdAt: deps.now().toISOString(),
    });
    const accepted = accept(c, token, userId);
    const [user, result] = await Promise.all([
      created.catch((error: unknown) => {
        throw error instanceof MetaStoreConflictError ? emailTaken() : error;
      }),
      accepted,
    ]);
    const me = await startSession(c, user);
    const lab = deps.meta.getLab(result.membership.labId);
    return reply(
      c,
      Api.invites.signUp,
      { ...me, lab: lab ? presentLab(lab, result.membership.role) : null },
      201,
    );
  });

  return routes;
}
