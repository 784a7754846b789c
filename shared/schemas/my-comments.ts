/**
 * `GET /api/me/comments`: the threads a person took part in, grouped by lab and
 * item, as that person may still see them (reviewers: only items shared with
 * them; other reviewers unnamed). `?lab=` narrows it to one lab.
 */
import * as z from 'zod';
import { CommentSchema } from '../comments';
import { DocIdSchema } from '../doc-id';
import { MY_THREAD_STATUSES } from '../my-comments';
import { ITEM_KINDS } from './records';

export const MyCommentsQuerySchema = z.object({ lab: DocIdSchema.optional() }).strict();

const MyThreadSchema = z.object({
  status: z.enum(MY_THREAD_STATUSES),
  root: CommentSchema,
  replies: z.array(CommentSchema),
  lastAt: z.string(),
});

const MyItemThreadsSchema = z.object({
  itemId: z.string(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  threads: z.array(MyThreadSchema),
});

const MyLabCommentsSchema = z.object({
  labId: z.string(),
  title: z.string(),
  items: z.array(MyItemThreadsSchema),
});

export const MyCommentsResponseSchema = z.object({ labs: z.array(MyLabCommentsSchema) });
export type MyCommentsResponse = z.infer<typeof MyCommentsResponseSchema>;
export type MyLabComments = z.infer<typeof MyLabCommentsSchema>;
