/**
 * What a comment's author is called, for whoever is looking. Staff (everyone
 * but reviewers) are named to all; a reviewer (a patient or member of the
 * public) is named to staff and to themselves, and to other reviewers only as
 * "another reviewer", so patients' identities are not shown to other patients.
 * The comments document never holds a reviewer's name (it is synced to every
 * reviewer): staff find it by id in names they may see (lab members). Presence
 * follows the same rule: the sync server sends reviewers other reviewers' presence
 * named `ANOTHER_REVIEWER`.
 */
import type { Comment } from './comments';

export const ANOTHER_REVIEWER = 'Another reviewer';
/** A reviewer whose name staff cannot find (an account since removed). */
export const UNKNOWN_REVIEWER = 'A reviewer';

export type CommentAuthor = Comment['author'];

export interface AuthorViewer {
  readonly userId: string;
  /** The viewer's own name, for their own comments. */
  readonly name: string;
  /** Whether the viewer is staff (not a reviewer): staff see reviewers' names. */
  readonly staff: boolean;
}

export function authorName(
  author: CommentAuthor,
  viewer: AuthorViewer,
  reviewerNames: ReadonlyMap<string, string>,
): string {
  if (author.id === viewer.userId) return author.name || viewer.name;
  if (!author.reviewer) return author.name;
  if (!viewer.staff) return ANOTHER_REVIEWER;
  return reviewerNames.get(author.id) ?? (author.name || UNKNOWN_REVIEWER);
}

/** The author as stored in the comments document: a reviewer's name left out. */
export function storedAuthor(
  user: { readonly id: string; readonly name: string; readonly profession: string },
  isReviewer: boolean,
): CommentAuthor {
  return isReviewer
    ? { id: user.id, name: '', profession: user.profession, reviewer: true }
    : { id: user.id, name: user.name, profession: user.profession };
}
