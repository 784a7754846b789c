/** Instance administration: list accounts, allow a person to create labs. */
import { Hono } from 'hono';
import { UpdateUserAdminBodySchema } from '../../../shared/schemas/api';
import { presentUser } from '../../presenters';
import { type AppEnv, requireAuth } from '../context';
import { Errors } from '../errors';
import { readJson } from '../validate';

export function adminRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use('*', async (c, next) => {
    if (!requireAuth(c).user.isAdmin) throw Errors.forbidden('administer this Improvement Lab');
    await next();
  });
  routes.patch('/users/:userId', async (c) => {
    const body = await readJson(c, UpdateUserAdminBodySchema);
    const updated = await c.get('deps').meta.updateUser(c.req.param('userId'), body);
    if (!updated) throw Errors.notFound('That person');
    return c.json({ user: presentUser(updated) });
  });
  return routes;
}
