/**
 * Special interest groups: list and start them, join (or ask to join), leave, answer
 * requests, and start a lab from a group with its members invited as participants.
 * Who may do what is `shared/policy.ts` (`mayStartGroup`, `mayInGroup`); an unknown
 * group answers 404. The shared notes are not here: they are a document at
 * `/sync/<docId>`, authorised for members by `server/sync/authorize-upgrade.ts`.
 */
import { Hono } from 'hono';
import { Api } from '../../../shared/api-routes';
import { mayStartGroup } from '../../../shared/policy';
import {
  CreateGroupBodySchema,
  GroupParamsSchema,
  GroupRequestAnswerSchema,
  type GroupRecord,
  SpawnLabBodySchema,
} from '../../../shared/schemas/group';
import type { InviteRecord, LabRecord } from '../../../shared/schemas/records';
import { hashSecret, newId, newSecret } from '../../auth/secrets';
import { presentLab } from '../../presenters';
import type { MetaStore } from '../../store/meta-store';
import { type ApiContext, type AppEnv, type Auth, audit, requireAuth } from '../context';
import { Errors } from '../errors';
import { groupDetail, presentGroup } from '../group-views';
import { reply } from '../reply';
import { readJson } from '../validate';
import { sendInvitation } from './invite-routes';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a group member's invitation to a lab started from the group stays open. */
const SPAWN_INVITE_DAYS = 30;

function params(c: ApiContext): { groupId: string; userId?: string } {
  const parsed = GroupParamsSchema.safeParse(c.req.param());
  if (!parsed.success) throw Errors.notFound('That group');
  return parsed.data;
}

/** The group, for anyone signed in; an unknown id is 404. */
function requireGroup(c: ApiContext): { auth: Auth; group: GroupRecord; meta: MetaStore } {
  const auth = requireAuth(c);
  const { meta } = c.get('deps');
  const group = meta.getGroup(params(c).groupId);
  if (!group) throw Errors.notFound('That group');
  return { auth, group, meta };
}

function labRolesOf(meta: MetaStore, userId: string) {
  return meta.listLabsForUser(userId).map(({ role }) => role);
}

/** Topics people can pick from: those the directory lists, and those groups and labs use. */
function knownTopics(meta: MetaStore): string[] {
  const topics = new Set<string>();
  for (const profile of meta.listProfiles()) {
    if (profile.audience === 'nobody' || !profile.shown.topics) continue;
    for (const topic of profile.topics) topics.add(topic);
  }
  for (const group of meta.listGroups()) topics.add(group.topic);
  for (const lab of meta.listLabs()) if (lab.topic) topics.add(lab.topic);
  return [...topics].sort();
}

export function groupRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', (c) => {
    const auth = requireAuth(c);
    const { meta } = c.get('deps');
    const groups = meta
      .listGroups()
      .map((group) => presentGroup(group, meta.listGroupMembers(group.id), auth.user.id));
    return reply(c, Api.groups.list, {
      groups,
      topics: knownTopics(meta),
      mayStart: mayStartGroup(auth.actor, labRolesOf(meta, auth.user.id)),
    });
  });

  routes.post('/', async (c) => {
    const auth = requireAuth(c);
    const { meta, now } = c.get('deps');
    if (!mayStartGroup(auth.actor, labRolesOf(meta, auth.user.id))) {
      throw Errors.forbidden('start a group');
    }
    const body = await readJson(c, CreateGroupBodySchema);
    const at = now().toISOString();
    const id = newId();
    const group = await meta.createGroup(
      { id, ...body, createdAt: at, createdBy: auth.user.id },
      { groupId: id, userId: auth.user.id, role: 'organiser', state: 'member', since: at },
    );
    await audit(c, 'group.created', null, { groupId: id, topic: group.topic });
    return reply(
      c,
      Api.groups.create,
      { group: presentGroup(group, meta.listGroupMembers(id), auth.user.id) },
      201,
    );
  });

  routes.get('/:groupId', (c) => {
    const { auth, group, meta } = requireGroup(c);
    return reply(c, Api.groups.get, groupDetail(meta, group, auth.actor));
  });

  // Open groups take anyone at once; others record a request for the organisers.
  routes.post('/:groupId/join', async (c) => {
    const { auth, group, meta } = requireGroup(c);
    const { now } = c.get('deps');
    const existing = meta.getGroupMember(group.id, auth.user.id);
    if (existing === null) {
      const state = group.joinPolicy === 'open' ? 'member' : 'requested';
      await meta.addGroupMember({
        groupId: group.id,
        userId: auth.user.id,
        role: 'member',
        state,
        since: now().toISOString(),
      });
      const type = state === 'member' ? 'group.joined' : 'group.join_requested';
      await audit(c, type, null, { groupId: group.id });
    }
    return reply(c, Api.groups.join, groupDetail(meta, group, auth.actor));
  });

  routes.post('/:groupId/leave', async (c) => {
    const { auth, group, meta } = requireGroup(c);
    const place = meta.getGroupMember(group.id, auth.user.id);
    if (place === null) throw Errors.notFound('Your place in that group');
    const others = meta
      .listGroupMembers(group.id)
      .filter((each) => each.state === 'member' && each.userId !== auth.user.id);
    const lastOrganiser =
      place.role === 'organiser' &&
      place.state === 'member' &&
      !others.some((each) => each.role === 'organiser');
    if (lastOrganiser && others.length > 0) {
      throw Errors.conflict(
        'You are the group’s only organiser: it needs one while it has members.',
      );
    }
    await meta.removeGroupMember(group.id, auth.user.id);
    // Their notes socket closes now, as a removed lab member's does.
    c.get('deps').onGroupLeft(group.id, auth.user.id);
    await audit(c, 'group.left', null, { groupId: group.id });
    return reply(c, Api.groups.leave, groupDetail(meta, group, auth.actor));
  });

  routes.post('/:groupId/requests/:userId', async (c) => {
    const { auth, group, meta } = requireGroup(c);
    const detail = groupDetail(meta, group, auth.actor);
    if (!detail.may.answerRequests) throw Errors.forbidden('answer requests to join');
    const body = await readJson(c, GroupRequestAnswerSchema);
    const userId = params(c).userId ?? '';
    const place = meta.getGroupMember(group.id, userId);
    if (place === null || place.state !== 'requested') throw Errors.notFound('That request');
    const { now } = c.get('deps');
    if (body.approve) await meta.admitGroupMember(group.id, userId, now().toISOString());
    else await meta.removeGroupMember(group.id, userId);
    const type = body.approve ? 'group.request_approved' : 'group.request_declined';
    await audit(c, type, null, { groupId: group.id, userId });
    return reply(c, Api.groups.answerRequest, groupDetail(meta, group, auth.actor));
  });

  // A lab from the group: on its topic, its starter the facilitator, and every other
  // member invited by name as a participant (emailed when email is set up).
  routes.post('/:groupId/labs', async (c) => {
    const { auth, group, meta } = requireGroup(c);
    if (!groupDetail(meta, group, auth.actor).may.startLab) throw Errors.forbidden('start a lab');
    const body = await readJson(c, SpawnLabBodySchema);
    const deps = c.get('deps');
    const now = deps.now();
    const at = now.toISOString();
    const labId = newId();
    const lab: LabRecord = await meta.createLab(
      {
        id: labId,
        title: body.title,
        challenge: body.challenge,
        phase: 'understand',
        startDate: null,
        endDate: null,
        createdAt: at,
        createdBy: auth.user.id,
        archivedAt: null,
        topic: group.topic,
        fromGroupId: group.id,
      },
      { labId, userId: auth.user.id, role: 'facilitator', joinedAt: at },
    );
    await audit(c, 'lab.created', lab.id, { title: lab.title });
    const invitations: Array<{ name: string; path: string; emailed: boolean }> = [];
    for (const place of meta.listGroupMembers(group.id)) {
      const user = meta.getUser(place.userId);
      if (place.state !== 'member' || place.userId === auth.user.id || user === null) continue;
      const token = newSecret('il_inv');
      const invite: InviteRecord = {
        id: newId(),
        labId: lab.id,
        role: 'participant',
        tokenHash: hashSecret(token),
        createdBy: auth.user.id,
        createdAt: at,
        expiresAt: new Date(now.getTime() + SPAWN_INVITE_DAYS * DAY_MS).toISOString(),
        maxUses: 1,
        uses: 0,
        revokedAt: null,
        itemIds: null,
        name: user.name,
        email: user.email,
        note: `From the group “${group.name}”.`,
        sentAt: null,
      };
      await meta.createInvite(invite);
      const emailed = deps.mailer !== null && (await sendInvitation(c, invite, lab, token));
      invitations.push({ name: user.name, path: `/invite/${token}`, emailed });
    }
    await audit(c, 'group.lab_started', lab.id, {
      groupId: group.id,
      invited: invitations.length,
    });
    return reply(c, Api.groups.startLab, { lab: presentLab(lab, 'facilitator'), invitations }, 201);
  });

  return routes;
}
