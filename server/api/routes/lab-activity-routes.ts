/** The audit trail of a lab, for its facilitators (and instance admins), and who is here now. */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { itemIdOfCommentsDoc } from '../../../shared/comments';
import { presentAudit } from '../../presenters';
import { type AppEnv, requireLab } from '../context';
import { reply } from '../reply';

const AUDIT_PAGE = 200;

export function auditRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:labId/audit', (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'audit.read');
    const { meta } = c.get('deps');
    const events = meta
      .listAudit(lab.id, AUDIT_PAGE)
      .map((event) => presentAudit(event, event.actorId ? meta.getUser(event.actorId) : null));
    return reply(c, Api.labs.audit, { events });
  });
  // Who is here now: people with any of the lab's documents open (comments documents
  // count as their item). Member-level information, so reviewers do not see it.
  routes.get('/:labId/presence', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'members.read');
    const people = (await c.get('deps').presenceInLab(lab.id)).map((person) => ({
      userId: person.userId,
      name: person.name,
      itemIds: [...new Set(person.docIds.map((docId) => itemIdOfCommentsDoc(docId) ?? docId))],
    }));
    return reply(c, Api.labs.presence, { people });
  });
  return routes;
}
