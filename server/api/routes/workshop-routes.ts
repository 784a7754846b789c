/**
 * A workshop board's live session, at /api/items/:itemId/workshop. What the board's
 * document (which everyone on it downloads) must not hold goes through here:
 * - notes are added by the server, with the author's name only when the board is not
 *   anonymous; who added each is in the audit trail either way;
 * - votes are kept in the MetaStore, each person up to the board's number, and their
 *   counts reach the document (and these answers) only once the facilitator reveals;
 * - settings, the timer and the lock are the facilitator's, written into the document
 *   under meta key `board`, which the schema guard refuses from clients. A lock also
 *   turns other people's sockets read-only (`itemRights`): they reconnect at once.
 * A note's words pass the personal-data guardrail as a comment's do. What a cluster or
 * note becomes in a diagram is `workshop-outcomes.ts`.
 * Taking part (notes, votes) needs edit rights, or a reviewer's comment rights on a board
 * shared with them: that sharing is the facilitator's invitation.
 */
import { Hono } from 'hono';
import * as Y from 'yjs';
import { list, setFieldValue } from '../../../shared/documents/item-doc';
import { readBoard, writeBoardState } from '../../../shared/documents/workshop-board';
import { Limits } from '../../../shared/limits';
import { Api } from '../../../shared/api-routes';
import { mayInLab } from '../../../shared/policy';
import type { ItemRecord } from '../../../shared/schemas/records';
import {
  AddNoteBodySchema,
  defaultWorkshopSettings,
  MakeIdeaBodySchema,
  VoteBodySchema,
  type WorkshopRecord,
  WorkshopSettingsBodySchema,
  type WorkshopView,
} from '../../../shared/schemas/workshop';
import { isReviewerIn } from '../../auth/item-access';
import { newId } from '../../auth/secrets';
import { presentItem } from '../../presenters';
import { type ApiContext, type AppEnv, audit } from '../context';
import { Errors } from '../errors';
import { checkBeforeWriting, recordFlag } from '../personal-data-guard';
import { reply } from '../reply';
import { readJson } from '../validate';
import { createItem, requireItem } from './item-routes';

/** What reviewers' notes are signed with: their names are never shown to other reviewers. */
export const REVIEWER_AUTHOR = 'Patient or public reviewer';

export function requireBoard(c: ApiContext) {
  const found = requireItem(c, c.req.param('itemId') ?? '');
  if (found.item.kind !== 'workshop') throw Errors.notFound('That workshop board');
  const { meta } = c.get('deps');
  const role = meta.getMembership(found.item.labId, found.auth.user.id)?.role ?? null;
  const facilitates = mayInLab(found.auth.actor, role, 'lab.update');
  const record = meta.getWorkshop(found.item.id) ?? newRecord(found.item);
  // A participant the lock made a reader still votes: votes are not the board's content.
  const lockedOut = record.locked && found.rights === 'read' && role === 'participant';
  const takesPart =
    found.rights === 'edit' || found.rights === 'comment' || facilitates || lockedOut;
  return { ...found, role, facilitates, record, takesPart };
}

function newRecord(item: ItemRecord): WorkshopRecord {
  return { ...defaultWorkshopSettings(), itemId: item.id, labId: item.labId, votes: [] };
}

function counts(record: WorkshopRecord): Record<string, number> {
  const out: Record<string, number> = {};
  for (const vote of record.votes) out[vote.target] = (out[vote.target] ?? 0) + 1;
  return out;
}

function view(record: WorkshopRecord, userId: string, facilitates: boolean): WorkshopView {
  const { itemId: _item, labId: _lab, votes, ...settings } = record;
  const myVotes = votes.filter((vote) => vote.userId === userId).map((vote) => vote.target);
  return {
    settings,
    myVotes,
    votesLeft: Math.max(0, record.votesPerPerson - myVotes.length),
    votesCast: votes.length,
    results: record.revealed ? counts(record) : null,
    facilitates,
  };
}

/** Saves the record and writes what the document shows of it. */
async function publish(c: ApiContext, record: WorkshopRecord): Promise<void> {
  const deps = c.get('deps');
  await deps.meta.saveWorkshop(record);
  const { itemId, labId: _lab, votes: _votes, ...settings } = record;
  await deps.docs.change(itemId, (doc) =>
    writeBoardState(doc, { ...settings, results: record.revealed ? counts(record) : null }),
  );
}

/** The row (note or cluster) with this id, in the board's document. */
export function findRow(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  for (const name of ['clusters', 'notes']) {
    for (const row of list(doc, name)) if (row.get('id') === id) return row;
  }
  return null;
}

export function workshopRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:itemId/workshop', (c) => {
    const { auth, record, facilitates } = requireBoard(c);
    return reply(c, Api.workshop.get, view(record, auth.user.id, facilitates));
  });

  routes.patch('/:itemId/workshop', async (c) => {
    const { auth, item, record, facilitates } = requireBoard(c);
    if (!facilitates) throw Errors.forbidden('run this workshop');
    const body = await readJson(c, WorkshopSettingsBodySchema);
    const deps = c.get('deps');
    const { timerMinutes, ...rest } = body;
    const timerEndsAt =
      timerMinutes === undefined
        ? record.timerEndsAt
        : timerMinutes === 0
          ? null
          : new Date(deps.now().getTime() + timerMinutes * 60_000).toISOString();
    const next: WorkshopRecord = { ...record, ...rest, timerEndsAt };
    if (next.votes.length > 0 && next.votesPerPerson < record.votesPerPerson)
      throw Errors.conflict('Votes have been cast: the number of votes can only go up now.');
    await publish(c, next);
    // Everyone else's socket reconnects with the rights the lock now gives them.
    if (next.locked !== record.locked) deps.onItemSharingChanged(item.id);
    await audit(c, 'workshop.settings_changed', item.labId, {
      itemId: item.id,
      ...rest,
      ...(timerMinutes !== undefined ? { timerMinutes } : {}),
    });
    return reply(c, Api.workshop.update, view(next, auth.user.id, facilitates));
  });

  routes.post('/:itemId/workshop/notes', async (c) => {
    const { auth, item, record, facilitates, takesPart } = requireBoard(c);
    // Locked first: a lock is why a participant's rights are read-only now.
    if (record.locked && !facilitates) throw Errors.conflict('The board is locked.');
    if (!takesPart) throw Errors.forbidden('add notes to this board');
    const { text, personalData } = await readJson(c, AddNoteBodySchema);
    // As a comment's words: refused (422) unless posted anyway with a reason, then flagged.
    const flagged = checkBeforeWriting(c, item.labId, text, 'note', personalData);
    const deps = c.get('deps');
    const id = newId();
    const author = record.anonymous
      ? ''
      : isReviewerIn(deps.meta, item.labId, auth.user.id)
        ? REVIEWER_AUTHOR
        : auth.user.name;
    await deps.docs.change(item.id, (doc) => {
      const row = new Y.Map<unknown>();
      row.set('id', id);
      row.set('text', new Y.Text(text));
      row.set('author', new Y.Text(author));
      row.set('cluster', null);
      row.set('ideaId', null);
      list(doc, 'notes').push([row]);
    });
    await audit(c, 'workshop.note_added', item.labId, {
      itemId: item.id,
      noteId: id,
      anonymous: record.anonymous,
    });
    if (personalData && flagged.length > 0) {
      const place = { type: 'workshop_note' as const, noteId: id };
      await recordFlag(
        c,
        { labId: item.labId, itemId: item.id, place },
        flagged,
        personalData.reason,
      );
      await audit(c, 'personal_data.flagged', item.labId, {
        itemId: item.id,
        noteId: id,
        kinds: [...new Set(flagged.map((finding) => finding.kind))].join(','),
      });
    }
    return reply(c, Api.workshop.addNote, { noteId: id }, 201);
  });

  routes.post('/:itemId/workshop/votes', async (c) => {
    const { auth, item, record, facilitates, takesPart } = requireBoard(c);
    if (!takesPart) throw Errors.forbidden('vote on this board');
    if (record.revealed) throw Errors.conflict('The votes have been revealed.');
    const { target } = await readJson(c, VoteBodySchema);
    const deps = c.get('deps');
    const exists = await deps.docs.read(item.id, (doc) => findRow(doc, target) !== null);
    if (!exists) throw Errors.notFound('That note or cluster');
    const mine = record.votes.filter((vote) => vote.userId === auth.user.id).length;
    if (mine >= record.votesPerPerson)
      throw Errors.conflict(`You have used all ${record.votesPerPerson} of your votes.`);
    const next = { ...record, votes: [...record.votes, { userId: auth.user.id, target }] };
    await deps.meta.saveWorkshop(next);
    return reply(c, Api.workshop.vote, view(next, auth.user.id, facilitates), 201);
  });

  routes.delete('/:itemId/workshop/votes/:target', async (c) => {
    const { auth, record, facilitates, takesPart } = requireBoard(c);
    if (!takesPart) throw Errors.forbidden('vote on this board');
    if (record.revealed) throw Errors.conflict('The votes have been revealed.');
    const target = c.req.param('target');
    const index = record.votes.findIndex(
      (vote) => vote.userId === auth.user.id && vote.target === target,
    );
    if (index === -1) throw Errors.notFound('Your vote');
    const next = { ...record, votes: record.votes.filter((_, at) => at !== index) };
    await c.get('deps').meta.saveWorkshop(next);
    return reply(c, Api.workshop.unvote, view(next, auth.user.id, facilitates));
  });

  routes.post('/:itemId/workshop/ideas', async (c) => {
    const { auth, item, role } = requireBoard(c);
    if (!mayInLab(auth.actor, role, 'items.create')) throw Errors.forbidden('make change ideas');
    const { from, impact, effort } = await readJson(c, MakeIdeaBodySchema);
    const deps = c.get('deps');
    const source = await deps.docs.read(item.id, (doc) => {
      const board = readBoard(doc);
      return (
        board.clusters.find((cluster) => cluster.id === from) ??
        board.notes.find((note) => note.id === from) ??
        null
      );
    });
    if (source === null) throw Errors.notFound('That note or cluster');
    if (source.ideaId !== null) throw Errors.conflict('It is already a change idea.');
    const words = 'label' in source ? source.label : source.text;
    const title = (words.trim() || 'Change idea from the workshop').slice(0, Limits.maxTitleLength);
    const idea = await createItem(c, item.labId, 'idea', title, auth.user.id);
    await deps.docs.change(idea.id, (doc) => {
      setFieldValue(doc, 'idea', 'impact', impact);
      setFieldValue(doc, 'idea', 'effort', effort);
      setFieldValue(doc, 'idea', 'fromBoard', item.id);
      setFieldValue(doc, 'idea', 'fromRow', from);
    });
    await deps.docs.change(item.id, (doc) => findRow(doc, from)?.set('ideaId', idea.id));
    await audit(c, 'workshop.idea_made', item.labId, {
      itemId: item.id,
      from,
      ideaId: idea.id,
    });
    return reply(c, Api.workshop.makeIdea, { item: presentItem(idea) }, 201);
  });

  return routes;
}
