/**
 * Keeping reviewers' names out of what other reviewers can see. The comments
 * document is synced to every reviewer of the item, so a reviewer's comment is
 * stored without their name (`storedAuthor`), and comments written before that
 * rule have the name removed the next time the server writes the document.
 * Answers over the API name the author as `authorName` says for the viewer.
 */
import type * as Y from 'yjs';
import { authorName, storedAuthor } from '../../shared/comment-authors';
import { type Comment, CommentSchema } from '../../shared/comments';
import { isReviewerIn } from '../auth/item-access';
import type { MetaStore } from '../store/meta-store';

/** Removes the names of reviewers' comments still stored with one. */
export function scrubReviewerNames(map: Y.Map<unknown>, meta: MetaStore, labId: string): void {
  for (const [id, value] of map.entries()) {
    const parsed = CommentSchema.safeParse(value);
    if (!parsed.success) continue;
    const comment = parsed.data;
    if (comment.author.name === '' || !isReviewerIn(meta, labId, comment.author.id)) continue;
    map.set(id, { ...comment, author: storedAuthor(comment.author, true) });
  }
}

/** A reviewer's name for staff, from the account (reviewers never read this). */
export function reviewerName(meta: MetaStore, userId: string): string | null {
  return meta.getUser(userId)?.name ?? null;
}

/** Comments as this viewer may see them: authors named per `authorName`. */
export function presentComments(
  comments: readonly Comment[],
  meta: MetaStore,
  viewer: { readonly userId: string; readonly name: string; readonly staff: boolean },
): Comment[] {
  const names = new Map<string, string>();
  if (viewer.staff) {
    for (const comment of comments) {
      const name = comment.author.reviewer ? reviewerName(meta, comment.author.id) : null;
      if (name !== null) names.set(comment.author.id, name);
    }
  }
  return comments.map((comment) => ({
    ...comment,
    author: { ...comment.author, name: authorName(comment.author, viewer, names) },
  }));
}
