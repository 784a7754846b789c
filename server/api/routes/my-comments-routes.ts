/**
 * "My comments" (`GET /api/me/comments`): every thread the person took part in,
 * across their labs, with where each stands and the team's answers. Only items
 * they may still see are read (a reviewer's scope and the items' sharing apply,
 * as on every other route), and authors are named as `presentComments` names
 * them for this viewer, so other reviewers stay unnamed.
 */
import { Hono } from 'hono';
import { Api } from '../../../shared/api-routes';
import { COMMENTS_MAP, commentsDocId, readComments } from '../../../shared/comments';
import { myThreads } from '../../../shared/my-comments';
import { mayInLab } from '../../../shared/policy';
import type { MyCommentsResponse, MyLabComments } from '../../../shared/schemas/my-comments';
import { MyCommentsQuerySchema } from '../../../shared/schemas/my-comments';
import type { LabRecord } from '../../../shared/schemas/records';
import { isReviewerIn, visibleItems } from '../../auth/item-access';
import { presentComments } from '../comment-names';
import { type ApiContext, type AppEnv, type Auth, requireAuth } from '../context';
import { reply } from '../reply';
import { Errors } from '../errors';

/** The labs to look in: one asked for (404 unless the person may read it), or all of theirs. */
function labsToRead(c: ApiContext, auth: Auth): LabRecord[] {
  const { meta } = c.get('deps');
  const query = MyCommentsQuerySchema.safeParse(c.req.query());
  // A malformed lab id is one that does not exist: ids cannot be probed by their shape.
  if (!query.success) throw Errors.notFound('That lab');
  const wanted = query.data.lab;
  if (wanted === undefined) return meta.listLabsForUser(auth.user.id).map(({ lab }) => lab);
  const lab = meta.getLab(wanted);
  const role = lab ? (meta.getMembership(lab.id, auth.user.id)?.role ?? null) : null;
  if (!lab || !mayInLab(auth.actor, role, 'lab.read')) throw Errors.notFound('That lab');
  return [lab];
}

async function labComments(c: ApiContext, auth: Auth, lab: LabRecord): Promise<MyLabComments> {
  const { meta, docs } = c.get('deps');
  const viewer = {
    userId: auth.user.id,
    name: auth.user.name,
    staff: !isReviewerIn(meta, lab.id, auth.user.id),
  };
  const items: MyLabComments['items'] = [];
  for (const item of visibleItems(meta, auth.actor, lab.id)) {
    const comments = await docs.read(commentsDocId(item.id), (doc) =>
      readComments(doc.getMap(COMMENTS_MAP)),
    );
    const threads = myThreads(presentComments(comments, meta, viewer), auth.user.id);
    if (threads.length > 0)
      items.push({ itemId: item.id, title: item.title, kind: item.kind, threads });
  }
  const latest = (entry: MyLabComments['items'][number]) => entry.threads[0]?.lastAt ?? '';
  items.sort((a, b) => latest(b).localeCompare(latest(a)));
  return { labId: lab.id, title: lab.title, items };
}

export function myCommentsRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/comments', async (c) => {
    const auth = requireAuth(c);
    const labs: MyCommentsResponse['labs'] = [];
    for (const lab of labsToRead(c, auth)) labs.push(await labComments(c, auth, lab));
    return reply(c, Api.myComments.list, { labs: labs.filter((lab) => lab.items.length > 0) });
  });
  return routes;
}
