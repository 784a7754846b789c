/**
 * The personal-data guardrail's routes beyond comments:
 *  - `POST /items/:itemId/personal-data-flags`: "keep it, with a reason" beside an
 *    item's text field. Only someone who may edit the item's text may flag it, and
 *    the server reads the field and records what the rules find there now, so no
 *    one can flag text that is not there or an item they cannot change;
 *  - `GET /labs/:labId/personal-data`: the lab's flags for its facilitators, each
 *    with where it is, what kinds, who, why, and whether it still applies (read from
 *    the text as it is now: a flag is resolved once that text no longer holds
 *    anything of the kinds flagged, or the comment is gone).
 */
import { Hono } from 'hono';
import { Api } from '../../../shared/api-routes';
import { COMMENTS_MAP, type Comment, commentsDocId, readComments } from '../../../shared/comments';
import { kindLabel } from '../../../shared/personal-data/explain';
import { findInTarget } from '../../../shared/personal-data/doc-text';
import { findPersonalData, type PersonalDataRules } from '../../../shared/personal-data/rules';
import {
  FieldFlagBodySchema,
  type PersonalDataFlagRecord,
  type PersonalDataFlagView,
} from '../../../shared/schemas/personal-data';
import { readBoard } from '../../../shared/documents/workshop-board';
import { itemRights } from '../../auth/item-access';
import { FORMER_MEMBER } from '../erase-person';
import { type ApiContext, type AppEnv, audit, requireAuth, requireLab } from '../context';
import { ApiError, Errors } from '../errors';
import { labRules, recordFlag, spansOf } from '../personal-data-guard';
import { reply } from '../reply';
import { readJson } from '../validate';

function describePlace(flag: PersonalDataFlagRecord, comment: Comment | undefined): string {
  const { place } = flag;
  if (place.type === 'field') {
    const [space, name] = place.target.split('.');
    return space === 'fields' ? `The field “${name}”` : `The section “${name}”`;
  }
  if (place.type === 'workshop_note') return 'A note on the workshop board';
  if (place.part === 'response') return 'A response to a comment (“we did”)';
  return comment?.replyTo ? 'A reply to a comment' : 'A comment';
}

function commentText(comment: Comment | undefined, part: 'body' | 'response'): string | null {
  if (!comment || comment.deleted || comment.hidden || comment.erased) return null;
  return part === 'body' ? comment.body : (comment.resolution?.response ?? null);
}

async function stillHolds(
  c: ApiContext,
  flag: PersonalDataFlagRecord,
  comments: Map<string, Comment[]>,
  rules: PersonalDataRules,
): Promise<{ holds: boolean; comment?: Comment }> {
  const kinds = new Set(flag.findings.map((finding) => finding.kind));
  const { docs } = c.get('deps');
  if (flag.place.type === 'field') {
    const { target } = flag.place;
    const found = await docs.read(flag.itemId, (doc) => findInTarget(doc, target, rules));
    return { holds: found.some((finding) => kinds.has(finding.kind)) };
  }
  if (flag.place.type === 'workshop_note') {
    const { noteId } = flag.place;
    const text = await docs.read(
      flag.itemId,
      (doc) => readBoard(doc).notes.find((note) => note.id === noteId)?.text ?? '',
    );
    return { holds: findPersonalData(text, rules).some((finding) => kinds.has(finding.kind)) };
  }
  let list = comments.get(flag.itemId);
  if (!list) {
    list = await docs.read(commentsDocId(flag.itemId), (doc) =>
      readComments(doc.getMap(COMMENTS_MAP)),
    );
    comments.set(flag.itemId, list);
  }
  const { commentId, part } = flag.place;
  const comment = list.find((each) => each.id === commentId);
  const text = commentText(comment, part);
  const holds =
    text !== null && findPersonalData(text, rules).some((finding) => kinds.has(finding.kind));
  return comment ? { holds, comment } : { holds };
}

export function personalDataRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/items/:itemId/personal-data-flags', async (c) => {
    const auth = requireAuth(c);
    const { meta, docs, now } = c.get('deps');
    const item = meta.getItem(c.req.param('itemId'));
    const rights = item ? itemRights(meta, auth.actor, item) : null;
    if (!item || rights === null) throw Errors.notFound('That item');
    if (rights !== 'edit') throw Errors.forbidden('change this item’s text');
    const body = await readJson(c, FieldFlagBodySchema);
    const rules = labRules(meta.getLab(item.labId), now());
    const findings = await docs.read(item.id, (doc) => findInTarget(doc, body.target, rules));
    if (findings.length === 0) {
      throw new ApiError(
        422,
        'nothing_to_flag',
        'Nothing in this text looks like personal data now.',
      );
    }
    const where = {
      labId: item.labId,
      itemId: item.id,
      place: { type: 'field' as const, target: body.target },
    };
    await recordFlag(c, where, spansOf(findings), body.reason);
    await audit(c, 'personal_data.flagged', item.labId, {
      itemId: item.id,
      target: body.target,
      kinds: [...new Set(findings.map((finding) => finding.kind))].join(','),
    });
    return reply(c, Api.personalData.flagField, { ok: true }, 201);
  });

  routes.get('/labs/:labId/personal-data', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'lab.update');
    const { meta, now } = c.get('deps');
    const rules = labRules(lab, now());
    const comments = new Map<string, Comment[]>();
    const flags: PersonalDataFlagView[] = [];
    for (const flag of meta.listPersonalDataFlags(lab.id).reverse()) {
      const item = meta.getItem(flag.itemId);
      if (!item) continue;
      const { holds, comment } = await stillHolds(c, flag, comments, rules);
      flags.push({
        id: flag.id,
        itemId: flag.itemId,
        itemTitle: item.title || 'Untitled item',
        where: describePlace(flag, comment),
        place: flag.place,
        kinds: [...new Set(flag.findings.map((finding) => kindLabel(finding.kind)))],
        by: meta.getUser(flag.userId)?.name ?? FORMER_MEMBER,
        at: flag.at,
        reason: flag.reason,
        resolved: !holds,
      });
    }
    return reply(c, Api.personalData.flags, { flags });
  });

  return routes;
}
