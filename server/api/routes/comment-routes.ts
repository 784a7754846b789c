/**
 * Comments on an item, written by the server into the item's comments document
 * (clients sync it read-only): create (with an anchor into the text), reply, edit
 * or delete one's own, resolve with a response the commenter sees, hide
 * (facilitators). Nobody can change another person's comment through here.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import * as Y from 'yjs';
import { storedAuthor, UNKNOWN_REVIEWER } from '../../../shared/comment-authors';
import {
  type Anchor,
  COMMENTS_MAP,
  type Comment,
  CreateCommentBodySchema,
  commentsDocId,
  EditCommentBodySchema,
  ResolveCommentBodySchema,
  readComments,
} from '../../../shared/comments';
import { type docRights, mayInLab } from '../../../shared/policy';
import type { FlaggedSpan } from '../../../shared/schemas/personal-data';
import type { ItemRecord } from '../../../shared/schemas/records';
import { isReviewerIn, itemRights } from '../../auth/item-access';
import { newId } from '../../auth/secrets';
import { presentComments, reviewerName, scrubReviewerNames } from '../comment-names';
import { type ApiContext, type AppEnv, type Auth, audit, requireAuth } from '../context';
import { checkBeforeWriting, recordFlag } from '../personal-data-guard';
import { reply } from '../reply';
import { ApiError, Errors } from '../errors';
import { notifyOfComment } from '../notify';
import { readJson } from '../validate';

interface ItemAccess {
  auth: Auth;
  item: ItemRecord;
  rights: NonNullable<ReturnType<typeof docRights>>;
  isFacilitator: boolean;
}

function requireItemAccess(c: ApiContext): ItemAccess {
  const auth = requireAuth(c);
  const { meta } = c.get('deps');
  const item = meta.getItem(c.req.param('itemId') ?? '');
  const rights = item ? itemRights(meta, auth.actor, item) : null;
  if (!item || rights === null) throw Errors.notFound('That item');
  const role = meta.getMembership(item.labId, auth.user.id)?.role ?? null;
  return { auth, item, rights, isFacilitator: mayInLab(auth.actor, role, 'lab.update') };
}

/** Checks that both ends of an anchor resolve inside the item's document. */
async function checkAnchor(c: ApiContext, itemId: string, anchor: Anchor | null): Promise<void> {
  if (!anchor) return;
  const ok = await c.get('deps').docs.read(itemId, (doc) =>
    [anchor.start, anchor.end].every((encoded) => {
      try {
        const position = Y.decodeRelativePosition(Buffer.from(encoded, 'base64'));
        return Y.createAbsolutePositionFromRelativePosition(position, doc) !== null;
      } catch {
        return false;
      }
    }),
  );
  if (!ok)
    throw new ApiError(
      400,
      'invalid_anchor',
      'The passage this comment points to is not in this item.',
    );
}

async function writeComment(
  c: ApiContext,
  itemId: string,
  update: (map: Y.Map<unknown>) => void,
): Promise<Comment[]> {
  const { docs, meta } = c.get('deps');
  let comments: Comment[] = [];
  const labId = meta.getItem(itemId)?.labId;
  await docs.change(commentsDocId(itemId), (doc) => {
    const map = doc.getMap(COMMENTS_MAP);
    update(map);
    if (labId !== undefined) scrubReviewerNames(map, meta, labId);
    comments = readComments(map);
  });
  const open = comments.filter(
    (x) => x.replyTo === null && x.status === 'open' && !x.deleted && !x.hidden,
  ).length;
  await meta.updateItem(itemId, { openComments: open });
  return comments;
}

async function findComment(c: ApiContext, itemId: string, commentId: string): Promise<Comment> {
  const comments = await c
    .get('deps')
    .docs.read(commentsDocId(itemId), (doc) => readComments(doc.getMap(COMMENTS_MAP)));
  const comment = comments.find((x) => x.id === commentId);
  if (!comment || comment.deleted) throw Errors.notFound('That comment');
  return comment;
}

/** After a write with findings kept: the flag, and an audit entry naming the kinds. */
async function flagKept(
  c: ApiContext,
  item: ItemRecord,
  at: { commentId: string; part: 'body' | 'response' },
  findings: FlaggedSpan[],
  acknowledgement: { reason: string } | undefined,
): Promise<void> {
  if (findings.length === 0 || !acknowledgement) return;
  const where = { labId: item.labId, itemId: item.id, place: { type: 'comment' as const, ...at } };
  await recordFlag(c, where, findings, acknowledgement.reason);
  await audit(c, 'personal_data.flagged', item.labId, {
    itemId: item.id,
    commentId: at.commentId,
    kinds: [...new Set(findings.map((finding) => finding.kind))].join(','),
  });
}

export function commentRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:itemId/comments', async (c) => {
    const { auth, item } = requireItemAccess(c);
    const { meta } = c.get('deps');
    const status = c.req.query('status');
    const profession = c.req.query('profession');
    const comments = (
      await c
        .get('deps')
        .docs.read(commentsDocId(item.id), (doc) => readComments(doc.getMap(COMMENTS_MAP)))
    ).filter(
      (x) =>
        (!status || x.status === status) && (!profession || x.author.profession === profession),
    );
    const viewer = {
      userId: auth.user.id,
      name: auth.user.name,
      staff: !isReviewerIn(meta, item.labId, auth.user.id),
    };
    return reply(c, Api.comments.list, { comments: presentComments(comments, meta, viewer) });
  });

  routes.post('/:itemId/comments', async (c) => {
    const { auth, item, rights } = requireItemAccess(c);
    if (rights === 'read') throw Errors.forbidden('comment on this item');
    const body = await readJson(c, CreateCommentBodySchema);
    // Before the rate is charged: a refusal for personal data writes nothing.
    const flagged = checkBeforeWriting(c, item.labId, body.body, 'comment', body.personalData);
    // Every comment is a write to a document others have open: a flood is refused.
    const { comments: rate } = c.get('deps').throttles;
    const limited = rate.check(auth.user.id);
    if (limited.limited) throw Errors.rateLimited(limited.retryAfterSeconds);
    rate.hit(auth.user.id);
    if (body.replyTo) await findComment(c, item.id, body.replyTo);
    await checkAnchor(c, item.id, body.anchor);
    const comment: Comment = {
      id: newId(),
      replyTo: body.replyTo,
      // Other reviewers sync this document: a reviewer's name is not written into it.
      author: storedAuthor(auth.user, isReviewerIn(c.get('deps').meta, item.labId, auth.user.id)),
      createdAt: c.get('deps').now().toISOString(),
      editedAt: null,
      body: body.body,
      anchor: body.replyTo ? null : body.anchor,
      status: 'open',
      resolution: null,
      deleted: false,
      hidden: null,
    };
    const all = await writeComment(c, item.id, (map) => map.set(comment.id, comment));
    await flagKept(c, item, { commentId: comment.id, part: 'body' }, flagged, body.personalData);
    await notifyOfComment(c, item, { kind: 'created', comment, all });
    return reply(c, Api.comments.create, { comment }, 201);
  });

  routes.patch('/:itemId/comments/:commentId', async (c) => {
    const { auth, item } = requireItemAccess(c);
    const body = await readJson(c, EditCommentBodySchema);
    const comment = await findComment(c, item.id, c.req.param('commentId'));
    if (comment.author.id !== auth.user.id || comment.hidden)
      throw Errors.forbidden('change someone else’s comment');
    const flagged = checkBeforeWriting(c, item.labId, body.body, 'comment', body.personalData);
    const edited: Comment = {
      ...comment,
      body: body.body,
      editedAt: c.get('deps').now().toISOString(),
    };
    await writeComment(c, item.id, (map) => map.set(comment.id, edited));
    await flagKept(c, item, { commentId: comment.id, part: 'body' }, flagged, body.personalData);
    await notifyOfComment(c, item, { kind: 'edited', comment: edited, before: comment });
    return reply(c, Api.comments.edit, { comment: edited });
  });

  routes.delete('/:itemId/comments/:commentId', async (c) => {
    const { auth, item } = requireItemAccess(c);
    const comment = await findComment(c, item.id, c.req.param('commentId'));
    if (comment.author.id !== auth.user.id) throw Errors.forbidden('delete someone else’s comment');
    // The record stays (replies keep their thread); its words go.
    await writeComment(c, item.id, (map) =>
      map.set(comment.id, { ...comment, body: '', deleted: true }),
    );
    return reply(c, Api.comments.delete, { ok: true });
  });

  routes.post('/:itemId/comments/:commentId/resolve', async (c) => {
    const { auth, item, rights } = requireItemAccess(c);
    if (rights !== 'edit') throw Errors.forbidden('resolve comments on this item');
    const body = await readJson(c, ResolveCommentBodySchema);
    const comment = await findComment(c, item.id, c.req.param('commentId'));
    if (comment.replyTo !== null)
      throw new ApiError(400, 'not_a_thread', 'Resolve the first comment of the thread.');
    const flagged = checkBeforeWriting(c, item.labId, body.response, 'response', body.personalData);
    const resolved: Comment = {
      ...comment,
      status: 'resolved',
      resolution: {
        by: { id: auth.user.id, name: auth.user.name },
        at: c.get('deps').now().toISOString(),
        response: body.response,
      },
    };
    await writeComment(c, item.id, (map) => map.set(comment.id, resolved));
    await flagKept(
      c,
      item,
      { commentId: comment.id, part: 'response' },
      flagged,
      body.personalData,
    );
    await notifyOfComment(c, item, { kind: 'resolved', comment: resolved });
    return reply(c, Api.comments.resolve, { comment: resolved });
  });

  routes.post('/:itemId/comments/:commentId/reopen', async (c) => {
    const { item, rights } = requireItemAccess(c);
    if (rights !== 'edit') throw Errors.forbidden('reopen comments on this item');
    const comment = await findComment(c, item.id, c.req.param('commentId'));
    const reopened: Comment = { ...comment, status: 'open', resolution: null };
    await writeComment(c, item.id, (map) => map.set(comment.id, reopened));
    return reply(c, Api.comments.reopen, { comment: reopened });
  });

  routes.post('/:itemId/comments/:commentId/hide', async (c) => {
    const { auth, item, isFacilitator } = requireItemAccess(c);
    if (!isFacilitator) throw Errors.forbidden('hide comments');
    const comment = await findComment(c, item.id, c.req.param('commentId'));
    const hidden: Comment = {
      ...comment,
      body: '',
      hidden: { by: auth.user.id, at: c.get('deps').now().toISOString() },
    };
    await writeComment(c, item.id, (map) => map.set(comment.id, hidden));
    return reply(c, Api.comments.hide, { comment: hidden });
  });

  return routes;
}

/** The facilitator's summary of a review round: who commented, how many, how many resolved. */
export function reviewRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:labId/review', async (c) => {
    const auth = requireAuth(c);
    const { meta, docs } = c.get('deps');
    const lab = meta.getLab(c.req.param('labId'));
    const role = lab ? (meta.getMembership(lab.id, auth.user.id)?.role ?? null) : null;
    if (!lab || !mayInLab(auth.actor, role, 'lab.read')) throw Errors.notFound('That lab');
    if (!mayInLab(auth.actor, role, 'lab.update')) throw Errors.forbidden();
    const items = [];
    const commenters = new Map<string, { name: string; profession: string; comments: number }>();
    for (const item of meta.listItems(lab.id)) {
      const comments = await docs.read(commentsDocId(item.id), (doc) =>
        readComments(doc.getMap(COMMENTS_MAP)),
      );
      const visible = comments.filter((x) => !x.deleted);
      const threads = visible.filter((x) => x.replyTo === null);
      items.push({
        itemId: item.id,
        title: item.title,
        comments: visible.length,
        threads: threads.length,
        resolved: threads.filter((x) => x.status === 'resolved').length,
      });
      for (const x of visible) {
        const entry = commenters.get(x.author.id) ?? {
          name: x.author.reviewer
            ? (reviewerName(meta, x.author.id) ?? UNKNOWN_REVIEWER)
            : x.author.name,
          profession: x.author.profession,
          comments: 0,
        };
        entry.comments += 1;
        commenters.set(x.author.id, entry);
      }
    }
    return reply(c, Api.labs.review, { items, commenters: [...commenters.values()] });
  });
  return routes;
}
