/**
 * Comments: one comments document per item, written only by the server (clients
 * sync it read-only) so nobody can alter another person's comment whatever their
 * client sends. Each comment is a JSON record under its id in one Y.Map; anchors
 * are Yjs relative positions into the item's document, so a comment stays on its
 * passage while others edit around it.
 */
import * as z from 'zod';
import { PersonalDataAcknowledgementSchema } from './schemas/personal-data';

export const COMMENTS_MAP = 'comments';
const COMMENTS_SUFFIX = '--comments';

export function commentsDocId(itemId: string): string {
  return `${itemId}${COMMENTS_SUFFIX}`;
}

/** The item a comments document belongs to, or null if `docId` is not one. */
export function itemIdOfCommentsDoc(docId: string): string | null {
  return docId.endsWith(COMMENTS_SUFFIX) ? docId.slice(0, -COMMENTS_SUFFIX.length) : null;
}

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_QUOTE_LENGTH = 1000;

const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/=_-]*$/, 'not base64')
  .max(2000);

/** Where a comment points: a passage of a rich-text section or of a text field. */
export const AnchorSchema = z.object({
  /** `text.<section>` or `fields.<name>`: which shared type the positions are in. */
  target: z.string().regex(/^(text|fields)\.[A-Za-z0-9_]{1,40}$/, 'not a section or field'),
  /** Yjs relative positions (`Y.encodeRelativePosition`, base64). */
  start: base64,
  end: base64,
  /** The passage as it was when commented on, shown if the passage is later deleted. */
  quote: z.string().max(MAX_QUOTE_LENGTH),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export const COMMENT_STATUSES = ['open', 'resolved'] as const;

export const CommentSchema = z.object({
  id: z.string(),
  /** The thread's first comment; null for the first comment itself. */
  replyTo: z.string().nullable(),
  /**
   * A reviewer's (patient's or member of the public's) name is never stored here:
   * this document is synced to every reviewer of the item. `reviewer` marks such a
   * comment; staff see the name through `comment-authors.ts`, other reviewers
   * "another reviewer".
   */
  author: z.object({
    id: z.string(),
    name: z.string(),
    profession: z.string(),
    reviewer: z.boolean().optional(),
  }),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  body: z.string(),
  anchor: AnchorSchema.nullable(),
  status: z.enum(COMMENT_STATUSES),
  /** "You said, we did": the response the commenter sees. */
  resolution: z
    .object({
      by: z.object({ id: z.string(), name: z.string() }),
      at: z.string(),
      response: z.string(),
    })
    .nullable(),
  deleted: z.boolean(),
  hidden: z.object({ by: z.string(), at: z.string() }).nullable(),
  /**
   * A reviewer's comment erased when the lab's retention ran out: its words are
   * gone and its author detached; the thread shows "Comment removed".
   */
  erased: z.object({ at: z.string() }).nullable().optional(),
});
export type Comment = z.infer<typeof CommentSchema>;

const body = z.string().trim().min(1, 'write a comment').max(MAX_COMMENT_LENGTH);

export const CreateCommentBodySchema = z.object({
  body,
  anchor: AnchorSchema.nullable().default(null),
  replyTo: z.string().max(64).nullable().default(null),
  /** "Post anyway": the words look like personal data, and this is why they stay. */
  personalData: PersonalDataAcknowledgementSchema.optional(),
});
export const EditCommentBodySchema = z.object({
  body,
  personalData: PersonalDataAcknowledgementSchema.optional(),
});
export const ResolveCommentBodySchema = z.object({
  response: z
    .string()
    .trim()
    .min(1, 'say what changed because of this comment')
    .max(MAX_COMMENT_LENGTH),
  personalData: PersonalDataAcknowledgementSchema.optional(),
});

/** Comments as stored in a comments document; records that fail the schema are skipped. */
export function readComments(map: {
  forEach(f: (value: unknown, key: string) => void): void;
}): Comment[] {
  const comments: Comment[] = [];
  map.forEach((value) => {
    const parsed = CommentSchema.safeParse(value);
    if (parsed.success) comments.push(parsed.data);
  });
  return comments.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}
