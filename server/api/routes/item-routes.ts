/**
 * The item registry of a lab: list, create, rename, reorder, archive, and change
 * the sharing state (facilitators only, audited). A reviewer sees only items open
 * for comment. Each item's content is its own Y.Doc, synced at `/sync/<itemId>`.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { type docRights, mayInLab } from '../../../shared/policy';
import { CreateItemBodySchema, UpdateItemBodySchema } from '../../../shared/schemas/api';
import type { ItemKind, ItemRecord } from '../../../shared/schemas/records';
import { itemRights, visibleItems } from '../../auth/item-access';
import { newId } from '../../auth/secrets';
import { presentItem } from '../../presenters';
import {
  type ApiContext,
  type AppEnv,
  type Auth,
  audit,
  requireAuth,
  requireLab,
} from '../context';
import { reply } from '../reply';
import { Errors } from '../errors';
import { notifyOfSharing } from '../notify';
import { readJson } from '../validate';

const INITIAL_STATUS: Record<ItemRecord['kind'], string> = {
  problem: 'draft',
  drivers: 'draft',
  idea: 'idea',
  pdsa: 'planned',
  measure: 'collecting',
  note: 'draft',
  fishbone: '0 causes',
  process: '0 steps',
  workshop: '0 notes',
};

/** Adds an item to the lab's registry with its document; resolves once both are durable. */
export async function createItem(
  c: ApiContext,
  labId: string,
  kind: ItemKind,
  title: string,
  userId: string,
): Promise<ItemRecord> {
  const deps = c.get('deps');
  const now = deps.now().toISOString();
  const order = Math.max(0, ...deps.meta.listItems(labId).map((item) => item.order)) + 1;
  const id = newId();
  const creating = deps.meta.createItem({
    id,
    labId,
    kind,
    title,
    status: INITIAL_STATUS[kind],
    sharing: 'draft',
    order,
    createdAt: now,
    updatedAt: now,
    updatedBy: userId,
    archivedAt: null,
  });
  // The document is made while the registry is written, once the store has the item
  // in memory (its kind decides the document's shape and the checks on it): the two
  // writes' fsyncs overlap, and the answer still waits until both are durable.
  if (deps.meta.getItem(id) === null) await creating;
  const [item] = await Promise.all([creating, deps.docs.initItem(id, kind, title)]);
  return item;
}

/** An item and the caller's rights on it; 404 when the caller may not see it at all. */
export function requireItem(
  c: ApiContext,
  itemId: string,
): { auth: Auth; item: ItemRecord; rights: NonNullable<ReturnType<typeof docRights>> } {
  const auth = requireAuth(c);
  const { meta } = c.get('deps');
  const item = meta.getItem(itemId);
  const rights = item ? itemRights(meta, auth.actor, item) : null;
  if (!item || rights === null) throw Errors.notFound('That item');
  return { auth, item, rights };
}

export function labItemRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:labId/items', (c) => {
    const { auth, lab } = requireLab(c, c.req.param('labId'), 'lab.read');
    return reply(c, Api.labs.items, {
      items: visibleItems(c.get('deps').meta, auth.actor, lab.id),
    });
  });

  routes.post('/:labId/items', async (c) => {
    const { auth, lab } = requireLab(c, c.req.param('labId'), 'items.create');
    const body = await readJson(c, CreateItemBodySchema);
    const item = await createItem(c, lab.id, body.kind, body.title, auth.user.id);
    return reply(c, Api.labs.createItem, { item: presentItem(item) }, 201);
  });

  return routes;
}

export function itemRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/:itemId', (c) => {
    const { item, rights } = requireItem(c, c.req.param('itemId'));
    return reply(c, Api.items.get, { item: { ...presentItem(item), rights } });
  });

  routes.patch('/:itemId', async (c) => {
    const { auth, item, rights } = requireItem(c, c.req.param('itemId'));
    const body = await readJson(c, UpdateItemBodySchema);
    const deps = c.get('deps');
    const role = deps.meta.getMembership(item.labId, auth.user.id)?.role ?? null;
    if (body.sharing !== undefined && !mayInLab(auth.actor, role, 'lab.update')) {
      throw Errors.forbidden('change who an item is shared with');
    }
    const changesContent =
      body.title !== undefined || body.order !== undefined || body.archived !== undefined;
    if (changesContent && rights !== 'edit') throw Errors.forbidden('change this item');
    const now = deps.now().toISOString();
    const updating = deps.meta.updateItem(item.id, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.order !== undefined ? { order: body.order } : {}),
      ...(body.sharing !== undefined ? { sharing: body.sharing } : {}),
      ...(body.archived !== undefined ? { archivedAt: body.archived ? now : null } : {}),
      updatedAt: now,
      updatedBy: auth.user.id,
    });
    const sharingTo = body.sharing !== item.sharing ? body.sharing : undefined;
    // Sockets close before the write is waited for: the change is already in memory.
    if (sharingTo !== undefined) deps.onItemSharingChanged(item.id);
    const updated = await updating;
    if (!updated) throw Errors.notFound('That item');
    if (body.title !== undefined && body.title !== item.title)
      await deps.docs.setTitle(item.id, body.title);
    if (sharingTo !== undefined) {
      await notifyOfSharing(c, item, updated);
      await audit(c, 'item.sharing_changed', item.labId, {
        itemId: item.id,
        from: item.sharing,
        to: sharingTo,
      });
    }
    return reply(c, Api.items.update, { item: presentItem(updated) });
  });

  return routes;
}
