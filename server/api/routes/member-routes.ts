/**
 * A lab's members: list (with profession, for "who took part"), change a role,
 * remove. A lab always keeps at least one facilitator. Open sync connections of
 * the person follow the change at once (`onAccessChanged`).
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { mayInLab } from '../../../shared/policy';
import { ChangeRoleBodySchema } from '../../../shared/schemas/api';
import { presentMember } from '../../presenters';
import { type AppEnv, audit, requireLab } from '../context';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';
import { readJson } from '../validate';

function lastFacilitator(
  members: Array<{ userId: string; role: string }>,
  userId: string,
): boolean {
  const facilitators = members.filter((m) => m.role === 'facilitator');
  return facilitators.length === 1 && facilitators[0]?.userId === userId;
}

const KEEP_A_FACILITATOR = () =>
  new ApiError(
    409,
    'last_facilitator',
    'A lab needs at least one facilitator. Make someone else facilitator first.',
  );

export function memberRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:labId/members', (c) => {
    const { auth, lab, role } = requireLab(c, c.req.param('labId'), 'members.read');
    const { meta } = c.get('deps');
    const showEmail = mayInLab(auth.actor, role, 'members.manage');
    const members = meta
      .listMembers(lab.id)
      .map((m) => presentMember(m, meta.getUser(m.userId), showEmail));
    return reply(c, Api.members.list, { members });
  });

  routes.patch('/:labId/members/:userId', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'members.manage');
    const body = await readJson(c, ChangeRoleBodySchema);
    const deps = c.get('deps');
    const userId = c.req.param('userId');
    const current = deps.meta.getMembership(lab.id, userId);
    if (!current) throw Errors.notFound('That member');
    if (body.role !== 'facilitator' && lastFacilitator(deps.meta.listMembers(lab.id), userId)) {
      throw KEEP_A_FACILITATOR();
    }
    // The store changes the role in memory at once, then writes: the sockets close
    // now (a reconnect already gets the new rights), not after the disk answers.
    const updating = deps.meta.setRole(lab.id, userId, body.role);
    deps.onAccessChanged({ labId: lab.id, userId, role: body.role });
    const updated = await updating;
    if (!updated) throw Errors.notFound('That member');
    await audit(c, 'member.role_changed', lab.id, { userId, from: current.role, to: body.role });
    return reply(c, Api.members.changeRole, {
      member: presentMember(updated, deps.meta.getUser(userId), true),
    });
  });

  routes.delete('/:labId/members/:userId', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'members.manage');
    const deps = c.get('deps');
    const userId = c.req.param('userId');
    const current = deps.meta.getMembership(lab.id, userId);
    if (!current) throw Errors.notFound('That member');
    if (lastFacilitator(deps.meta.listMembers(lab.id), userId)) throw KEEP_A_FACILITATOR();
    const removing = deps.meta.removeMember(lab.id, userId);
    deps.onAccessChanged({ labId: lab.id, userId, role: null });
    await removing;
    await audit(c, 'member.removed', lab.id, { userId, role: current.role });
    return reply(c, Api.members.remove, { ok: true });
  });

  return routes;
}
