/**
 * The MetaStore's item registry (one record per item, whose id is also its Y.Doc's
 * id) and the append-only audit trail.
 */
import {
  type AuditEventRecord,
  AuditEventRecordSchema,
  ItemRecordSchema,
} from '../../shared/schemas/records';
import { type CoreState, checked, conflict, copy, copyOrNull, patched } from './meta-core-state';
import type { ItemPatch, MetaStore } from './meta-store';

const ITEM_PATCH_KEYS = [
  'title',
  'status',
  'sharing',
  'order',
  'updatedAt',
  'updatedBy',
  'archivedAt',
  'openComments',
  'facts',
] as const satisfies ReadonlyArray<keyof ItemPatch>;

export type ItemMethods = Pick<MetaStore, 'createItem' | 'getItem' | 'listItems' | 'updateItem'>;

export function itemMethods(state: CoreState): ItemMethods {
  const { items } = state.data;
  return {
    async createItem(input) {
      state.assertOpen();
      const item = checked(ItemRecordSchema, input, 'item');
      if (items.some((each) => each.id === item.id)) {
        throw conflict(`an item with id ${item.id} already exists`);
      }
      items.push(item);
      const result = copy(item);
      await state.saved();
      return result;
    },
    getItem: (id) => copyOrNull(items.find((item) => item.id === id)),
    listItems: (labId) =>
      items
        .filter((item) => item.labId === labId)
        // Array.prototype.sort is stable: equal orders keep the order of creation.
        .sort((a, b) => a.order - b.order)
        .map(copy),
    async updateItem(id, patch) {
      state.assertOpen();
      const item = items.find((each) => each.id === id);
      if (item === undefined) return null;
      Object.assign(item, checked(ItemRecordSchema, patched(item, patch, ITEM_PATCH_KEYS), 'item'));
      const result = copy(item);
      await state.saved();
      return result;
    },
  };
}

export type AuditMethods = Pick<MetaStore, 'appendAudit' | 'listAudit'>;

export function auditMethods(state: CoreState): AuditMethods {
  const { audit } = state.data;
  return {
    async appendAudit(input) {
      state.assertOpen();
      audit.push(checked(AuditEventRecordSchema, input, 'audit event'));
      await state.saved();
    },
    listAudit(labId, limit) {
      // Walks back from the newest and stops at `limit`: the trail only ever grows.
      const newestFirst: AuditEventRecord[] = [];
      for (let i = audit.length - 1; i >= 0 && newestFirst.length < limit; i--) {
        const event = audit[i];
        if (event !== undefined && (labId === null || event.labId === labId)) {
          newestFirst.push(copy(event));
        }
      }
      return newestFirst.reverse();
    },
  };
}
