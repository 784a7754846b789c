/**
 * The threads panel beside (or, on a phone, below) an item: the new comment
 * being written, "Comment on the whole item", filters, and the threads, live.
 * A status line says how many threads are open and resolved, and is read out
 * when that changes (someone else commented or resolved one).
 */
import './comments.css';
import { useState } from 'react';
import { CommentForm } from './CommentForm';
import { PassagePicker } from './PassagePicker';
import { ThreadCard } from './ThreadCard';
import { ThreadFilters } from './ThreadFilters';
import { filterThreads, statusCounts, threadProfessions } from './threads';
import { useDetached } from './use-detached';
import type { ItemComments } from './use-item-comments';

export function NewComment({ comments, wholeItem }: { comments: ItemComments; wholeItem: string }) {
  const [sent, setSent] = useState(false);
  // Choosing a passage by paragraph: the keyboard route, as read-only text has no caret.
  const [picking, setPicking] = useState(false);
  const { draft } = comments;
  return (
    <div className="comments-panel__new">
      <p className="nhsuk-u-visually-hidden" role="status">
        {sent ? 'Your comment was sent. The team can see it now.' : ''}
      </p>
      {draft ? (
        <>
          {draft.anchor ? (
            <>
              <p className="nhsuk-u-margin-bottom-1">You are commenting on these words:</p>
              <blockquote className="comment-quote">“{draft.anchor.quote}”</blockquote>
            </>
          ) : (
            <p className="nhsuk-u-margin-bottom-1">You are commenting on {wholeItem}.</p>
          )}
          <CommentForm
            label="Your comment"
            submitLabel="Send comment"
            emptyMessage="Write your comment"
            mentionable={comments.mentionable}
            onSubmit={async (body, acknowledgement) => {
              await comments.actions.add(body, draft.anchor, acknowledgement);
              setSent(true);
              comments.closeDraft();
              setPicking(false);
            }}
            onCancel={() => {
              comments.closeDraft();
              setPicking(false);
            }}
          />
        </>
      ) : picking ? (
        <PassagePicker comments={comments} onCancel={() => setPicking(false)} />
      ) : (
        comments.rights.comment && (
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="comment-button"
              onClick={() => {
                setSent(false);
                comments.startComment(null);
              }}
            >
              Comment on {wholeItem}
            </button>
            <button
              type="button"
              className="comment-button"
              onClick={() => {
                setSent(false);
                setPicking(true);
              }}
            >
              Comment on a particular passage
            </button>
          </div>
        )
      )}
    </div>
  );
}

export function CommentsPanel(props: {
  comments: ItemComments;
  heading?: string;
  /** False when the page offers its own new-comment form. */
  withNewComment?: boolean;
}) {
  const { comments, heading = 'Comments', withNewComment = true } = props;
  const detached = useDetached(comments.doc, comments.threads);
  const shown = filterThreads(comments.threads, comments.filter);
  const counts = statusCounts(comments.threads);
  return (
    <section
      className="comments-panel"
      aria-labelledby="comments-heading"
      data-testid="comments-panel"
    >
      <h2 className="nhsuk-heading-m" id="comments-heading">
        {heading}
      </h2>
      <p className="nhsuk-body-s" role="status">
        {comments.synced
          ? `${counts.open} open, ${counts.resolved} resolved.`
          : 'Loading comments…'}
      </p>
      {withNewComment && <NewComment comments={comments} wholeItem="the whole item" />}
      {comments.threads.length > 0 && (
        <ThreadFilters
          filter={comments.filter}
          professions={threadProfessions(comments.threads)}
          onChange={comments.setFilter}
        />
      )}
      {comments.synced && shown.length === 0 && (
        <p className="nhsuk-body">
          {comments.threads.length === 0 ? 'No comments yet.' : 'No comments match these filters.'}
        </p>
      )}
      <ol className="comment-threads" aria-label="Comment threads">
        {shown.map((thread) => (
          <ThreadCard
            key={thread.root.id}
            thread={thread}
            comments={comments}
            detached={detached.has(thread.root.id)}
          />
        ))}
      </ol>
    </section>
  );
}
