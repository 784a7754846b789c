/**
 * The lab feed: one WebSocket per lab page at `/sync/labs/<labId>` that carries
 * the lab's item registry as the person may see it (each item with their rights
 * and its facts), and every change to it, so that lists and boards render and stay
 * live without opening any item's document. The server sends JSON text messages
 * and the client sends none: a snapshot first (and again after every reconnect),
 * then one message per changed item.
 */
import * as z from 'zod';
import { DocIdSchema } from '../doc-id';
import { DOC_RIGHTS, SHARING_STATES } from '../roles';
import type { ItemWithRights } from './api-responses';
import { ITEM_KINDS, ItemFactsSchema } from './records';

/** Path prefix of the lab feed: `ws://host/sync/labs/<labId>` (beside `/sync/<docId>`). */
export const LAB_FEED_PATH_PREFIX = '/sync/labs/';

export const FeedItemSchema = z.object({
  id: DocIdSchema,
  labId: z.string().min(1).max(64),
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  status: z.string(),
  sharing: z.enum(SHARING_STATES),
  order: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  archived: z.boolean(),
  openComments: z.number().int().min(0),
  facts: ItemFactsSchema.nullable(),
  rights: z.enum(DOC_RIGHTS),
}) satisfies z.ZodType<ItemWithRights>;

export const LabFeedMessageSchema = z.discriminatedUnion('type', [
  /** Every item the person may see, in the lab's order; replaces whatever the client had. */
  z.object({ type: z.literal('items'), items: z.array(FeedItemSchema) }),
  /** An item that is new, changed, or newly visible to the person. */
  z.object({ type: z.literal('item'), item: FeedItemSchema }),
  /** An item the person may no longer see (its sharing changed). */
  z.object({ type: z.literal('gone'), id: DocIdSchema }),
]);
export type LabFeedMessage = z.infer<typeof LabFeedMessageSchema>;
