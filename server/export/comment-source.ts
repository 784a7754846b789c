/**
 * Reviewers' comments for reports, read from each item's comments document.
 * Deleted and hidden comments never leave the workspace.
 */
import type * as Y from 'yjs';
import { COMMENTS_MAP, commentsDocId, readComments } from '../../shared/comments';
import type { ReportComment } from '../../shared/schemas/archive';
import type { CommentSource } from './build-report';

export function createCommentSource(
  read: <T>(docId: string, fn: (doc: Y.Doc) => T) => Promise<T>,
): CommentSource {
  return async (_labId, itemIds) => {
    const all: ReportComment[] = [];
    for (const itemId of itemIds) {
      const comments = await read(commentsDocId(itemId), (doc) =>
        readComments(doc.getMap(COMMENTS_MAP)),
      );
      for (const comment of comments) {
        if (comment.deleted || comment.hidden) continue;
        all.push({
          itemId,
          author: comment.author.name,
          profession: comment.author.profession,
          body: comment.body,
          quote: comment.anchor?.quote ?? null,
          status: comment.status,
          response: comment.resolution?.response ?? null,
        });
      }
    }
    return all;
  };
}
