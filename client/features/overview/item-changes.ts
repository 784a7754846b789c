/**
 * The changes the overview makes to an item through the registry
 * (`PATCH /api/items/<id>`), each with the sentence that confirms it. The
 * server checks rights again; the overview only hides what a person may not do.
 */
import { Api } from '../../../shared/api-routes';
import type * as z from 'zod';
import type { SharingState } from '../../../shared/roles';
import type { UpdateItemBodySchema } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { SHARING_LABELS } from '../../lib/labels';

type UpdateItemBody = z.input<typeof UpdateItemBodySchema>;

export type ItemChange =
  | { readonly type: 'rename'; readonly title: string }
  | { readonly type: 'sharing'; readonly sharing: SharingState }
  | { readonly type: 'archive'; readonly archived: boolean }
  | { readonly type: 'order'; readonly order: number };

function body(change: ItemChange): UpdateItemBody {
  switch (change.type) {
    case 'rename':
      return { title: change.title };
    case 'sharing':
      return { sharing: change.sharing };
    case 'archive':
      return { archived: change.archived };
    case 'order':
      return { order: change.order };
    default: {
      const unreachable: never = change;
      throw new Error(`unknown change ${JSON.stringify(unreachable)}`);
    }
  }
}

export function changeItem(api: ApiClient, id: string, change: ItemChange): Promise<unknown> {
  return api.call(Api.items.update, { params: { itemId: id }, body: body(change) });
}

/** What to tell the person once the change is saved. */
export function confirmation(title: string, change: ItemChange): string {
  switch (change.type) {
    case 'rename':
      return `“${title}” is now called “${change.title}”.`;
    case 'sharing':
      return `“${title}” is now ${SHARING_LABELS[change.sharing].toLowerCase()}.`;
    case 'archive':
      return change.archived
        ? `“${title}” has been archived. It is listed under Archived items.`
        : `“${title}” has been restored.`;
    case 'order':
      return `“${title}” has been moved.`;
    default: {
      const unreachable: never = change;
      throw new Error(`unknown change ${JSON.stringify(unreachable)}`);
    }
  }
}
