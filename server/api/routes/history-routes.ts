/**
 * The versions of items: list, name, view, compare, restore, who wrote what, what
 * changed since each person last looked, and deleting old versions. Lab members
 * who may read items may read their history (not reviewers: earlier versions hold
 * drafts and deleted passages never shared with them); those who may edit an item
 * name and restore its versions; facilitators delete old ones, audited.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { canWrite, mayInLab } from '../../../shared/policy';
import {
  type ComparisonResponse,
  type LabVersion,
  NameVersionBodySchema,
  type PeopleNames,
  RetentionBodySchema,
} from '../../../shared/schemas/history';
import type { ItemRecord } from '../../../shared/schemas/records';
import {
  authorshipNow,
  changesSinceSeen,
  compare,
  deleteVersionsBefore,
  listVersions,
  markSeen,
  restore,
  summary,
  VersionNotFound,
} from '../../history/history-queries';
import type { ItemDiff } from '../../../shared/history/diff-model';
import { type ApiContext, type AppEnv, audit, requireAuth, requireLab } from '../context';
import { reply, replyEmpty } from '../reply';
import { Errors } from '../errors';
import { itemRights } from '../../auth/item-access';
import { readJson } from '../validate';

/** An item whose history the caller may read, and whether they may change it. */
function requireItemHistory(
  c: ApiContext,
  itemId: string,
): { item: ItemRecord; canEdit: boolean; userId: string } {
  const auth = requireAuth(c);
  const { meta } = c.get('deps');
  const item = meta.getItem(itemId);
  const rights = item ? itemRights(meta, auth.actor, item) : null;
  if (!item || rights === null) throw Errors.notFound('That item');
  const role = meta.getMembership(item.labId, auth.user.id)?.role ?? null;
  if (!mayInLab(auth.actor, role, 'history.read'))
    throw Errors.forbidden('see the history of this item');
  return { item, canEdit: canWrite(rights), userId: auth.user.id };
}

function namesOf(c: ApiContext, ids: Iterable<string | null>): PeopleNames {
  const { meta } = c.get('deps');
  const names: Record<string, string> = {};
  for (const id of ids)
    if (id && !(id in names)) names[id] = meta.getUser(id)?.name ?? 'Former member';
  return names;
}

function diffPeople(diff: ItemDiff): string[] {
  const out = new Set<string>(diff.summary.people);
  const segments = [
    ...diff.fields.flatMap((f) => (f.type === 'text' ? f.segments : [])),
    ...diff.sections.flatMap((s) => s.blocks.flatMap((b) => b.segments)),
    ...diff.lists.flatMap((l) =>
      l.rows.flatMap((r) => r.cells.flatMap((cell) => (cell.type === 'text' ? cell.segments : []))),
    ),
  ];
  for (const segment of segments) if (segment.by) out.add(segment.by);
  return [...out];
}

async function notFoundIfMissing<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof VersionNotFound) throw Errors.notFound('That version');
    throw error;
  }
}

export function itemHistoryRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:itemId/versions', async (c) => {
    const { item } = requireItemHistory(c, c.req.param('itemId'));
    const { history } = c.get('deps');
    const versions = listVersions(await history.index(item.id));
    // Whoever lists the versions opens one next: their content loads meanwhile.
    history.warm(item.id);
    return reply(c, Api.history.versions, {
      versions,
      names: namesOf(
        c,
        versions.flatMap((v) => [v.takenBy, ...v.people]),
      ),
    });
  });

  routes.post('/:itemId/versions', async (c) => {
    const { item, canEdit, userId } = requireItemHistory(c, c.req.param('itemId'));
    if (!canEdit) throw Errors.forbidden('name versions of this item');
    const { name } = await readJson(c, NameVersionBodySchema);
    const { history, docs } = c.get('deps');
    const version = await docs.read(item.id, (doc) =>
      history.capture(item.id, doc, { reason: 'named', name, takenBy: userId }),
    );
    if (!version) throw new Error('a named version was not taken');
    return reply(c, Api.history.nameVersion, { version: summary(version) }, 201);
  });

  routes.get('/:itemId/versions/:versionId', async (c) => {
    const { item } = requireItemHistory(c, c.req.param('itemId'));
    const id = c.req.param('versionId');
    const { history, docs } = c.get('deps');
    const result = await notFoundIfMissing(compare(history, docs.read, item.id, item.kind, id, id));
    return reply(c, Api.history.version, {
      kind: item.kind,
      from: summary(result.from),
      to: summary(result.from),
      diff: result.diff,
      names: namesOf(c, diffPeople(result.diff)),
    });
  });

  // Compares version `from` with version `to`, or with the item now when `to` is left out.
  routes.get('/:itemId/compare', async (c) => {
    const { item } = requireItemHistory(c, c.req.param('itemId'));
    const from = c.req.query('from');
    const to = c.req.query('to') ?? null;
    if (!from) throw Errors.notFound('That version');
    const { history, docs } = c.get('deps');
    const result = await notFoundIfMissing(
      compare(history, docs.read, item.id, item.kind, from, to),
    );
    return reply(c, Api.history.compare, {
      kind: item.kind,
      from: summary(result.from),
      to: result.to ? summary(result.to) : null,
      diff: result.diff,
      names: namesOf(c, diffPeople(result.diff)),
    });
  });

  routes.post('/:itemId/versions/:versionId/restore', async (c) => {
    const { item, canEdit, userId } = requireItemHistory(c, c.req.param('itemId'));
    if (!canEdit) throw Errors.forbidden('restore versions of this item');
    const versionId = c.req.param('versionId');
    const { history, docs } = c.get('deps');
    const version = await notFoundIfMissing(
      restore(history, docs.read, docs.change, item.id, item.kind, versionId, userId),
    );
    await audit(c, 'version.restored', item.labId, { itemId: item.id, versionId });
    return reply(c, Api.history.restore, { version: summary(version) }, 201);
  });

  routes.get('/:itemId/authorship', async (c) => {
    const { item } = requireItemHistory(c, c.req.param('itemId'));
    const { history, docs } = c.get('deps');
    const diff = await authorshipNow(history, docs.read, item.id, item.kind);
    return reply(c, Api.history.authorship, {
      kind: item.kind,
      from: null,
      to: null,
      diff,
      names: namesOf(c, diffPeople(diff)),
    });
  });

  // What changed since the caller last looked, passage by passage.
  routes.get('/:itemId/changes', async (c) => {
    const { item, userId } = requireItemHistory(c, c.req.param('itemId'));
    const { history, docs } = c.get('deps');
    const seen = (await history.index(item.id)).seen[userId];
    if (!seen) return reply(c, Api.history.changes, { seenAt: null, comparison: null });
    const result = await notFoundIfMissing(
      compare(history, docs.read, item.id, item.kind, seen.versionId, null),
    );
    const comparison: ComparisonResponse = {
      kind: item.kind,
      from: summary(result.from),
      to: null,
      diff: result.diff,
      names: namesOf(c, diffPeople(result.diff)),
    };
    return reply(c, Api.history.changes, { seenAt: seen.at, comparison });
  });

  routes.post('/:itemId/seen', async (c) => {
    const { item, userId } = requireItemHistory(c, c.req.param('itemId'));
    const { history, docs, now } = c.get('deps');
    await markSeen(history, docs.read, item.id, userId, now().toISOString());
    return replyEmpty(c, Api.history.seen);
  });

  return routes;
}

export function labHistoryRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:labId/versions', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'history.read');
    const { meta, history } = c.get('deps');
    const versions: LabVersion[] = [];
    for (const item of meta.listItems(lab.id)) {
      for (const version of listVersions(await history.index(item.id)))
        versions.push({ ...version, itemId: item.id, itemTitle: item.title, itemKind: item.kind });
    }
    versions.sort((a, b) => b.at.localeCompare(a.at));
    return reply(c, Api.labs.versions, {
      versions,
      names: namesOf(
        c,
        versions.flatMap((v) => [v.takenBy, ...v.people]),
      ),
    });
  });

  // For the overview: per item, who else changed it since the caller last looked.
  routes.get('/:labId/changes', async (c) => {
    const { lab, auth } = requireLab(c, c.req.param('labId'), 'history.read');
    const { meta, history } = c.get('deps');
    const items = [];
    for (const item of meta.listItems(lab.id)) {
      items.push({ itemId: item.id, ...(await changesSinceSeen(history, item.id, auth.user.id)) });
    }
    return reply(c, Api.labs.changes, {
      items,
      names: namesOf(
        c,
        items.flatMap((i) => i.people),
      ),
    });
  });

  routes.post('/:labId/versions/delete-before', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'history.retention');
    const { before } = await readJson(c, RetentionBodySchema);
    const { meta, history } = c.get('deps');
    const cutoff = new Date(`${before}T00:00:00.000Z`);
    if (Number.isNaN(cutoff.getTime())) throw Errors.notFound('That date');
    let deleted = 0;
    for (const item of meta.listItems(lab.id))
      deleted += await deleteVersionsBefore(history, item.id, cutoff);
    await audit(c, 'history.versions_deleted', lab.id, { before, versions: deleted });
    return reply(c, Api.labs.deleteVersionsBefore, { deleted });
  });

  return routes;
}
