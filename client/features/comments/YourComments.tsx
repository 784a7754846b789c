/**
 * "Your comments and what happened to them", for a reviewer: each thread they
 * started, what they said, and whether the team has answered it and how
 * ("You said … / We did …"). Live: an answer appears as soon as it is given.
 */
import './comments.css';
import { useMemo } from 'react';
import { formatDateTime } from '../../lib/dates';
import { Passage, StatusTag } from './ThreadCard';
import { commentWords, threadsStartedBy } from './threads';
import { useDetached } from './use-detached';
import type { ItemComments } from './use-item-comments';

export function YourComments({ comments }: { comments: ItemComments }) {
  const { threads, userId } = comments;
  const mine = useMemo(() => threadsStartedBy(threads, userId), [threads, userId]);
  const detached = useDetached(comments.doc, mine);
  return (
    <section aria-labelledby="your-comments-heading" data-testid="your-comments">
      <h2 className="nhsuk-heading-m" id="your-comments-heading">
        Your comments and what happened to them
      </h2>
      {comments.synced && mine.length === 0 && (
        <p className="nhsuk-body">You have not commented on this yet.</p>
      )}
      <ol className="your-comments">
        {mine.map((thread) => {
          const { root } = thread;
          const words = commentWords(root);
          const resolved = root.status === 'resolved';
          return (
            <li
              key={root.id}
              className={`your-comment${resolved ? ' your-comment--resolved' : ''}`}
              data-testid="your-comment"
            >
              <p className="nhsuk-u-margin-bottom-2">
                <StatusTag status={root.status} />{' '}
                <time dateTime={root.createdAt}>{formatDateTime(root.createdAt)}</time>
              </p>
              <Passage thread={thread} detached={detached.has(root.id)} />
              <p className="comment__body">
                <strong>You said:</strong>{' '}
                {words.kind === 'text' ? words.text : 'This comment was hidden by a facilitator.'}
              </p>
              {root.resolution ? (
                <div className="comment-response">
                  <p>
                    <strong>We did:</strong> {root.resolution.response}
                  </p>
                  <p className="comment__meta">
                    {root.resolution.by.name},{' '}
                    <time dateTime={root.resolution.at}>{formatDateTime(root.resolution.at)}</time>
                  </p>
                </div>
              ) : (
                <p className="comment__meta">The team has not answered this yet.</p>
              )}
              {thread.replies.length > 0 && (
                <p className="comment__meta">
                  {thread.replies.length === 1 ? '1 reply' : `${thread.replies.length} replies`}{' '}
                  below, under “All comments”.
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
