/** The audit trail of a lab, for its facilitators (and instance admins). */
import { Hono } from 'hono';
import { type AppEnv, requireLab } from '../context';
import { presentAudit } from '../presenters';

const AUDIT_PAGE = 200;

export function auditRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:labId/audit', (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'audit.read');
    const { meta } = c.get('deps');
    const events = meta
      .listAudit(lab.id, AUDIT_PAGE)
      .map((event) => presentAudit(event, event.actorId ? meta.getUser(event.actorId) : null));
    return c.json({ events });
  });
  return routes;
}
