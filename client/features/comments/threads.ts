/**
 * Comments as threads, as people read them: a first comment (which carries the
 * anchor, the status and the response) and its replies; filters by status and
 * by the profession of the person who started the thread; "your comments".
 * Pure functions of the comments document's records.
 */
import type { Comment } from '../../../shared/comments';
import { PROFESSIONS } from '../../../shared/roles';

export interface Thread {
  readonly root: Comment;
  readonly replies: readonly Comment[];
}

export const STATUS_FILTERS = ['all', 'open', 'resolved'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ThreadFilter {
  readonly status: StatusFilter;
  /** A profession code, or '' for everyone. */
  readonly profession: string;
}

export const ALL_THREADS: ThreadFilter = { status: 'all', profession: '' };

/** The first comment of the thread `comment` belongs to (replies may answer replies). */
function rootOf(comment: Comment, byId: ReadonlyMap<string, Comment>): Comment | null {
  let current = comment;
  const seen = new Set<string>();
  while (current.replyTo !== null) {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    const parent = byId.get(current.replyTo);
    if (!parent) return null;
    current = parent;
  }
  return current;
}

/** What is left to read: a thread whose every comment was deleted is gone. */
function hasContent(thread: Thread): boolean {
  return [thread.root, ...thread.replies].some((comment) => !comment.deleted);
}

/** Threads in the order they were started; replies in the order they were written. */
export function buildThreads(comments: readonly Comment[]): Thread[] {
  const byCreation = [...comments].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const byId = new Map(byCreation.map((comment) => [comment.id, comment]));
  const replies = new Map<string, Comment[]>();
  for (const comment of byCreation) {
    if (comment.replyTo === null) continue;
    const root = rootOf(comment, byId);
    if (root) replies.set(root.id, [...(replies.get(root.id) ?? []), comment]);
  }
  return byCreation
    .filter((comment) => comment.replyTo === null)
    .map((root) => ({ root, replies: replies.get(root.id) ?? [] }))
    .filter(hasContent);
}

export function filterThreads(threads: readonly Thread[], filter: ThreadFilter): Thread[] {
  return threads.filter(
    ({ root }) =>
      (filter.status === 'all' || root.status === filter.status) &&
      (filter.profession === '' || root.author.profession === filter.profession),
  );
}

/** The professions of the people who started threads, in the usual order of professions. */
export function threadProfessions(threads: readonly Thread[]): string[] {
  const found = new Set(threads.map(({ root }) => root.author.profession));
  const known: readonly string[] = PROFESSIONS;
  return [
    ...known.filter((profession) => found.has(profession)),
    ...[...found].filter((profession) => !known.includes(profession)).sort(),
  ];
}

/** Threads `userId` started and has not deleted: "your comments and what happened to them". */
export function threadsStartedBy(threads: readonly Thread[], userId: string): Thread[] {
  return threads.filter(({ root }) => root.author.id === userId && !root.deleted);
}

export function statusCounts(threads: readonly Thread[]): { open: number; resolved: number } {
  const resolved = threads.filter(({ root }) => root.status === 'resolved').length;
  return { open: threads.length - resolved, resolved };
}

/** What to show for a comment's words. */
export type CommentWords =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'hidden' }
  | { readonly kind: 'erased' };

export function commentWords(comment: Comment): CommentWords {
  if (comment.erased) return { kind: 'erased' };
  if (comment.hidden) return { kind: 'hidden' };
  if (comment.deleted) return { kind: 'deleted' };
  return { kind: 'text', text: comment.body };
}
