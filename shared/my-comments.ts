/**
 * "My comments": the threads a person took part in, each with where it stands
 * for them. Open: nobody else has answered yet. Answered: someone else replied.
 * Resolved: the team closed it with a "We did" response. Pure functions of the
 * comments document's records, used by the server's `/api/me/comments`.
 */
import type { Comment } from './comments';

export const MY_THREAD_STATUSES = ['open', 'answered', 'resolved'] as const;
export type MyThreadStatus = (typeof MY_THREAD_STATUSES)[number];

export interface MyThread {
  readonly root: Comment;
  readonly replies: Comment[];
  readonly status: MyThreadStatus;
  /** When anyone last wrote in the thread or answered it: the newest first on the page. */
  readonly lastAt: string;
}

/** The first comment of a reply's thread (replies may answer replies); null if broken. */
function rootId(comment: Comment, byId: ReadonlyMap<string, Comment>): string | null {
  let current = comment;
  const seen = new Set<string>();
  while (current.replyTo !== null) {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    const parent = byId.get(current.replyTo);
    if (!parent) return null;
    current = parent;
  }
  return current.id;
}

function statusOf(root: Comment, replies: readonly Comment[], userId: string): MyThreadStatus {
  if (root.status === 'resolved') return 'resolved';
  const answered = replies.some(
    (reply) => reply.author.id !== userId && !reply.deleted && !reply.hidden,
  );
  return answered ? 'answered' : 'open';
}

/** Threads where `userId` wrote a comment they have not deleted, newest activity first. */
export function myThreads(comments: readonly Comment[], userId: string): MyThread[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const replies = new Map<string, Comment[]>();
  for (const comment of comments) {
    if (comment.replyTo === null) continue;
    const root = rootId(comment, byId);
    if (root !== null) replies.set(root, [...(replies.get(root) ?? []), comment]);
  }
  const threads: MyThread[] = [];
  for (const root of comments) {
    if (root.replyTo !== null) continue;
    const own = replies.get(root.id) ?? [];
    const thread = [root, ...own];
    if (!thread.some((comment) => comment.author.id === userId && !comment.deleted)) continue;
    const times = thread.map((comment) => comment.createdAt);
    if (root.resolution) times.push(root.resolution.at);
    threads.push({
      root,
      replies: [...own].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      status: statusOf(root, own, userId),
      // ISO times sort as text: the last in order is the latest.
      lastAt: times.sort().at(-1) ?? root.createdAt,
    });
  }
  return threads.sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}
