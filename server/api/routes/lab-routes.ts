/** Labs: create, list mine, read, change settings, archive. */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { mayCreateLab } from '../../../shared/policy';
import { CreateLabBodySchema, UpdateLabBodySchema } from '../../../shared/schemas/api';
import { newId } from '../../auth/secrets';
import { presentLab } from '../../presenters';
import { type AppEnv, audit, requireAuth, requireLab } from '../context';
import { reply } from '../reply';
import { Errors } from '../errors';
import { readJson } from '../validate';

export function labRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', (c) => {
    const auth = requireAuth(c);
    const { meta } = c.get('deps');
    const mine = meta.listLabsForUser(auth.user.id);
    const roles = new Map(mine.map(({ lab, role }) => [lab.id, role]));
    const labs = auth.user.isAdmin ? meta.listLabs() : mine.map(({ lab }) => lab);
    return reply(c, Api.labs.list, {
      labs: labs.map((lab) => presentLab(lab, roles.get(lab.id) ?? null)),
    });
  });

  routes.post('/', async (c) => {
    const auth = requireAuth(c);
    if (!mayCreateLab(auth.actor)) throw Errors.forbidden('create labs');
    const body = await readJson(c, CreateLabBodySchema);
    const deps = c.get('deps');
    const now = deps.now().toISOString();
    const id = newId();
    const lab = await deps.meta.createLab(
      { id, ...body, createdAt: now, createdBy: auth.user.id, archivedAt: null },
      { labId: id, userId: auth.user.id, role: 'facilitator', joinedAt: now },
    );
    await audit(c, 'lab.created', lab.id, { title: lab.title });
    return reply(c, Api.labs.create, { lab: presentLab(lab, 'facilitator') }, 201);
  });

  routes.get('/:labId', (c) => {
    const { lab, role } = requireLab(c, c.req.param('labId'), 'lab.read');
    return reply(c, Api.labs.get, { lab: presentLab(lab, role) });
  });

  routes.patch('/:labId', async (c) => {
    const { lab, role } = requireLab(c, c.req.param('labId'), 'lab.update');
    const body = await readJson(c, UpdateLabBodySchema);
    const updated = await c.get('deps').meta.updateLab(lab.id, body);
    if (!updated) throw Errors.notFound('That lab');
    await audit(c, 'lab.updated', lab.id, { fields: Object.keys(body).join(',') });
    return reply(c, Api.labs.update, { lab: presentLab(updated, role) });
  });

  routes.post('/:labId/archive', async (c) => {
    const { lab, role } = requireLab(c, c.req.param('labId'), 'lab.archive');
    const deps = c.get('deps');
    const updated = await deps.meta.updateLab(lab.id, { archivedAt: deps.now().toISOString() });
    if (!updated) throw Errors.notFound('That lab');
    await audit(c, 'lab.archived', lab.id);
    return reply(c, Api.labs.archive, { lab: presentLab(updated, role) });
  });

  return routes;
}
