/**
 * Reviewers' comments for reports, read from each item's comments document.
 * Deleted, hidden and erased comments never leave the workspace.
 */
import type * as Y from 'yjs';
import { UNKNOWN_REVIEWER } from '../../shared/comment-authors';
import { COMMENTS_MAP, commentsDocId, readComments } from '../../shared/comments';
import type { ReportComment } from '../../shared/schemas/archive';
import type { CommentSource } from './build-report';

export function createCommentSource(
  read: <T>(docId: string, fn: (doc: Y.Doc) => T) => Promise<T>,
  /** A reviewer's name (never stored with their comments), for the facilitators who export. */
  reviewerName: (userId: string) => string | null = () => null,
): CommentSource {
  return async (_labId, itemIds) => {
    const all: ReportComment[] = [];
    for (const itemId of itemIds) {
      const comments = await read(commentsDocId(itemId), (doc) =>
        readComments(doc.getMap(COMMENTS_MAP)),
      );
      for (const comment of comments) {
        if (comment.deleted || comment.hidden || comment.erased) continue;
        all.push({
          itemId,
          author: comment.author.reviewer
            ? (reviewerName(comment.author.id) ?? UNKNOWN_REVIEWER)
            : comment.author.name,
          profession: comment.author.profession,
          body: comment.body,
          quote: comment.anchor?.quote ?? null,
          status: comment.status,
          response: comment.resolution?.response ?? null,
          id: comment.id,
          replyTo: comment.replyTo,
        });
      }
    }
    return all;
  };
}
