/**
 * What a workshop board's cluster or note becomes in another of the lab's diagrams, at
 * /api/items/:itemId/workshop/{targets,drivers,causes}: a driver in a driver diagram
 * (under a primary driver, or unlinked) or a cause under a fishbone's category. The
 * server writes both ends, so the link is honest both ways: the new row's origin
 * (`fromBoard`, `fromRow`) in the diagram, and the diagram and row on the board's cluster
 * or note, which clients may not write (`serverColumns`, refused by the schema guard).
 * Only someone who may edit the diagram adds to it (403); a diagram of another lab, or
 * none, is 404 and nothing is written. Each cluster or note becomes one driver and one
 * cause at most (409 after).
 */
import { Hono } from 'hono';
import type * as Y from 'yjs';
import { addRow, readRows } from '../../../shared/documents/item-doc';
import { readBoard } from '../../../shared/documents/workshop-board';
import { Api } from '../../../shared/api-routes';
import type { ItemKind, ItemRecord } from '../../../shared/schemas/records';
import {
  AddCauseBodySchema,
  AddDriverBodySchema,
  type WorkshopTarget,
} from '../../../shared/schemas/workshop';
import { itemRights } from '../../auth/item-access';
import { newId } from '../../auth/secrets';
import { type ApiContext, type AppEnv, audit } from '../context';
import { Errors } from '../errors';
import { reply } from '../reply';
import { readJson } from '../validate';
import { findRow, requireBoard } from './workshop-routes';

const DIAGRAM_NAMES: Partial<Record<ItemKind, string>> = {
  drivers: 'That driver diagram',
  fishbone: 'That fishbone',
};

/** The lab's diagram of `kind` with this id, which the caller may edit. */
function requireTarget(c: ApiContext, board: ItemRecord, kind: ItemKind, id: string): ItemRecord {
  const { meta } = c.get('deps');
  const auth = c.get('auth');
  const target = meta.getItem(id);
  const rights = target && auth ? itemRights(meta, auth.actor, target) : null;
  // Another lab's diagram, another kind, or one the caller cannot see: as if there were none.
  if (!target || target.labId !== board.labId || target.kind !== kind || rights === null)
    throw Errors.notFound(DIAGRAM_NAMES[kind] ?? 'That diagram');
  if (rights !== 'edit' || target.archivedAt !== null)
    throw Errors.forbidden(`add to “${target.title}”`);
  return target;
}

/** The cluster or note `from` on the board: its words and what it already became. */
async function requireSource(c: ApiContext, boardId: string, from: string) {
  const source = await c.get('deps').docs.read(boardId, (doc) => {
    const board = readBoard(doc);
    const cluster = board.clusters.find((each) => each.id === from);
    if (cluster) return { words: cluster.label, outcomes: cluster };
    const note = board.notes.find((each) => each.id === from);
    return note ? { words: note.text, outcomes: note } : null;
  });
  if (source === null) throw Errors.notFound('That note or cluster');
  return { ...source, words: source.words.trim() };
}

/** The board's part of the link: which diagram and row its cluster or note became. */
async function linkBack(
  c: ApiContext,
  boardId: string,
  from: string,
  entries: Readonly<Record<string, string>>,
): Promise<void> {
  await c.get('deps').docs.change(boardId, (doc) => {
    const row = findRow(doc, from);
    if (row) for (const [key, value] of Object.entries(entries)) row.set(key, value);
  });
}

function places(doc: Y.Doc, listKey: string, keep: (row: Record<string, unknown>) => boolean) {
  return readRows(doc, listKey)
    .filter(keep)
    .map((row) => ({ id: String(row.id), label: typeof row.label === 'string' ? row.label : '' }));
}

export function workshopOutcomeRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:itemId/workshop/targets', async (c) => {
    const { auth, item } = requireBoard(c);
    const { meta, docs } = c.get('deps');
    const mine = meta
      .listItems(item.labId)
      .filter((each) => each.archivedAt === null && itemRights(meta, auth.actor, each) === 'edit');
    const read = (
      kind: ItemKind,
      listKey: string,
      keep: (row: Record<string, unknown>) => boolean,
    ) =>
      Promise.all(
        mine
          .filter((each) => each.kind === kind)
          .map(
            async (each): Promise<WorkshopTarget> => ({
              id: each.id,
              title: each.title,
              places: await docs.read(each.id, (doc) => places(doc, listKey, keep)),
            }),
          ),
      );
    const [driverDiagrams, fishbones] = await Promise.all([
      read('drivers', 'nodes', (row) => row.type === 'primary'),
      read('fishbone', 'categories', () => true),
    ]);
    return reply(c, Api.workshop.targets, { driverDiagrams, fishbones });
  });

  routes.post('/:itemId/workshop/drivers', async (c) => {
    const { item, record, facilitates } = requireBoard(c);
    if (record.locked && !facilitates) throw Errors.conflict('The board is locked.');
    const { from, diagramId, under } = await readJson(c, AddDriverBodySchema);
    const diagram = requireTarget(c, item, 'drivers', diagramId);
    const source = await requireSource(c, item.id, from);
    if (source.outcomes.driver !== null) throw Errors.conflict('It is already a driver.');
    const deps = c.get('deps');
    const primary =
      under === null
        ? null
        : await deps.docs.read(diagram.id, (doc) =>
            readRows(doc, 'nodes').some((row) => row.id === under && row.type === 'primary'),
          );
    if (primary === false) throw Errors.notFound('That primary driver');
    const nodeId = newId();
    await deps.docs.change(diagram.id, (doc) => {
      addRow(doc, 'drivers', 'nodes', nodeId, {
        type: 'secondary',
        label: source.words || 'Driver from the workshop',
        fromBoard: item.id,
        fromRow: from,
      });
      if (under !== null)
        addRow(doc, 'drivers', 'edges', newId(), { from: nodeId, to: under, strength: 'strong' });
    });
    await linkBack(c, item.id, from, { driverDiagram: diagram.id, driverNode: nodeId });
    await audit(c, 'workshop.driver_added', item.labId, {
      itemId: item.id,
      from,
      diagramId: diagram.id,
      nodeId,
    });
    return reply(c, Api.workshop.addDriver, { diagramId: diagram.id, nodeId }, 201);
  });

  routes.post('/:itemId/workshop/causes', async (c) => {
    const { item, record, facilitates } = requireBoard(c);
    if (record.locked && !facilitates) throw Errors.conflict('The board is locked.');
    const { from, fishboneId, categoryId } = await readJson(c, AddCauseBodySchema);
    const fishbone = requireTarget(c, item, 'fishbone', fishboneId);
    const source = await requireSource(c, item.id, from);
    if (source.outcomes.cause !== null) throw Errors.conflict('It is already a cause.');
    const deps = c.get('deps');
    const category = await deps.docs.read(fishbone.id, (doc) =>
      readRows(doc, 'categories').some((row) => row.id === categoryId),
    );
    if (!category) throw Errors.notFound('That category');
    const causeId = newId();
    await deps.docs.change(fishbone.id, (doc) =>
      addRow(doc, 'fishbone', 'causes', causeId, {
        label: source.words || 'Cause from the workshop',
        parent: categoryId,
        fromBoard: item.id,
        fromRow: from,
      }),
    );
    await linkBack(c, item.id, from, { causeFishbone: fishbone.id, causeNode: causeId });
    await audit(c, 'workshop.cause_added', item.labId, {
      itemId: item.id,
      from,
      fishboneId: fishbone.id,
      causeId,
    });
    return reply(c, Api.workshop.addCause, { fishboneId: fishbone.id, causeId }, 201);
  });

  return routes;
}
