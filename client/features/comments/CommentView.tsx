/**
 * One comment: who wrote it (name and profession), when, and its words, or
 * what became of them (deleted by its author, hidden by a facilitator). Its
 * author may edit or delete it; a facilitator may hide it.
 */
import { useState } from 'react';
import type { Comment } from '../../../shared/comments';
import { PROFESSION_LABELS, type Profession } from '../../../shared/roles';
import { formatDateTime } from '../../lib/dates';
import type { NameOf } from './author-names';
import { CommentForm } from './CommentForm';
import { ConfirmButton } from './ConfirmButton';
import type { CommentActions } from './comment-actions';
import { commentWords } from './threads';

export function professionLabel(profession: string): string {
  return PROFESSION_LABELS[profession as Profession] ?? profession;
}

function Words({ comment }: { comment: Comment }) {
  const words = commentWords(comment);
  switch (words.kind) {
    case 'text':
      return <p className="comment__body">{words.text}</p>;
    case 'deleted':
      return <p className="comment__body comment__body--gone">Deleted by its author.</p>;
    case 'hidden':
      return <p className="comment__body comment__body--gone">Hidden by a facilitator.</p>;
    case 'erased':
      // The lab's retention period for reviewers' comments ran out.
      return <p className="comment__body comment__body--gone">Comment removed.</p>;
    default: {
      const unreachable: never = words;
      throw new Error(`unknown comment words ${JSON.stringify(unreachable)}`);
    }
  }
}

export interface CommentViewProps {
  readonly comment: Comment;
  readonly userId: string;
  readonly nameOf: NameOf;
  readonly canHide: boolean;
  readonly actions: CommentActions;
}

export function CommentView({ comment, userId, nameOf, canHide, actions }: CommentViewProps) {
  const [editing, setEditing] = useState(false);
  const mine = comment.author.id === userId;
  const author = nameOf(comment.author);
  const live = !comment.deleted && !comment.hidden && !comment.erased;
  return (
    <div className="comment" data-testid="comment">
      <p className="comment__meta">
        <strong>
          {author}
          {mine && ' (you)'}
        </strong>
        , {professionLabel(comment.author.profession)},{' '}
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        {comment.editedAt && live && ' (edited)'}
      </p>
      {editing ? (
        <CommentForm
          label="Edit your comment"
          submitLabel="Save changes"
          emptyMessage="Write your comment"
          initial={comment.body}
          onSubmit={async (body, acknowledgement) => {
            await actions.edit(comment.id, body, acknowledgement);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Words comment={comment} />
      )}
      {live && !editing && (mine || canHide) && (
        <div className="comment-actions">
          {mine && (
            <button type="button" className="comment-button" onClick={() => setEditing(true)}>
              Edit<span className="nhsuk-u-visually-hidden"> your comment</span>
            </button>
          )}
          {mine && (
            <ConfirmButton
              label="Delete"
              question="Delete your comment?"
              confirmLabel="Yes, delete it"
              onConfirm={() => actions.remove(comment.id)}
            />
          )}
          {canHide && !mine && (
            <ConfirmButton
              label="Hide"
              question={`Hide ${author}’s comment from everyone?`}
              confirmLabel="Yes, hide it"
              onConfirm={() => actions.hide(comment.id)}
            />
          )}
        </div>
      )}
    </div>
  );
}
