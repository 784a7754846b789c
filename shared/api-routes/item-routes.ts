/** Contracts of one item: its record, its comments and its versions. */
import * as z from 'zod';
import { NoContent, OkAnswer, route, shape } from '../api-contract';
import {
  type Comment,
  CreateCommentBodySchema,
  EditCommentBodySchema,
  ResolveCommentBodySchema,
} from '../comments';
import { UpdateItemBodySchema } from '../schemas/api';
import type { Item, ItemWithRights } from '../schemas/api-responses';
import {
  type ComparisonResponse,
  type ItemChangesAnswer,
  NameVersionBodySchema,
  type VersionListResponse,
  type VersionSummary,
} from '../schemas/history';

const CommentAnswer = shape<{ comment: Comment }>();
const VersionAnswer = shape<{ version: VersionSummary }>();

export const itemRoutes = {
  get: route.get('/items/:itemId', { answer: shape<{ item: ItemWithRights }>() }),
  update: route.patch('/items/:itemId', {
    body: UpdateItemBodySchema,
    answer: shape<{ item: Item }>(),
  }),
};

export const commentRoutes = {
  list: route.get('/items/:itemId/comments', {
    query: z.object({ status: z.string().optional(), profession: z.string().optional() }),
    answer: shape<{ comments: Comment[] }>(),
  }),
  create: route.post('/items/:itemId/comments', {
    body: CreateCommentBodySchema,
    answer: CommentAnswer,
  }),
  edit: route.patch('/items/:itemId/comments/:commentId', {
    body: EditCommentBodySchema,
    answer: CommentAnswer,
  }),
  delete: route.delete('/items/:itemId/comments/:commentId', { answer: OkAnswer }),
  resolve: route.post('/items/:itemId/comments/:commentId/resolve', {
    body: ResolveCommentBodySchema,
    answer: CommentAnswer,
  }),
  reopen: route.post('/items/:itemId/comments/:commentId/reopen', { answer: CommentAnswer }),
  hide: route.post('/items/:itemId/comments/:commentId/hide', { answer: CommentAnswer }),
};

export const historyRoutes = {
  versions: route.get('/items/:itemId/versions', { answer: shape<VersionListResponse>() }),
  nameVersion: route.post('/items/:itemId/versions', {
    body: NameVersionBodySchema,
    answer: VersionAnswer,
  }),
  version: route.get('/items/:itemId/versions/:versionId', {
    answer: shape<ComparisonResponse>(),
  }),
  /** Version `from` against version `to`, or against the item now without `to`. */
  compare: route.get('/items/:itemId/compare', {
    query: z.object({ from: z.string(), to: z.string().optional() }),
    answer: shape<ComparisonResponse>(),
  }),
  restore: route.post('/items/:itemId/versions/:versionId/restore', { answer: VersionAnswer }),
  authorship: route.get('/items/:itemId/authorship', { answer: shape<ComparisonResponse>() }),
  changes: route.get('/items/:itemId/changes', { answer: shape<ItemChangesAnswer>() }),
  seen: route.post('/items/:itemId/seen', { answer: NoContent }),
};
