/**
 * "My comments": every thread a person took part in, across their labs, grouped
 * by lab and item, each with where it stands (open, answered, resolved), the
 * replies and the team's "We did" response. Kept live: the comments document of
 * every item listed is followed (read-only, `comments-feed.ts`), and any change
 * to one asks the page to fetch the list again.
 */
import './comments.css';
import { useEffect, useRef } from 'react';
import type { Comment } from '../../../shared/comments';
import { ITEM_KIND_LABELS } from '../../../shared/labels';
import type { MyThreadStatus } from '../../../shared/my-comments';
import type { MyCommentsResponse, MyLabComments } from '../../../shared/schemas/my-comments';
import { formatDateTime } from '../../lib/dates';
import { Link } from '../../lib/navigation';
import { useCommentsFeed } from './comments-feed';
import { commentWords } from './threads';

type MyThreadData = MyLabComments['items'][number]['threads'][number];

const STATUS_WORDS: Readonly<
  Record<MyThreadStatus, { tag: string; colour: string; meaning: string }>
> = {
  open: { tag: 'Open', colour: 'blue', meaning: 'Nobody has answered yet.' },
  answered: { tag: 'Answered', colour: 'yellow', meaning: 'Someone has replied.' },
  resolved: {
    tag: 'Resolved',
    colour: 'green',
    meaning: 'The team has said what they did about it.',
  },
};

function Words({ comment }: { comment: Comment }) {
  const words = commentWords(comment);
  if (words.kind === 'text') return <>{words.text}</>;
  return (
    <em>
      {words.kind === 'hidden'
        ? 'This comment was hidden by a facilitator.'
        : 'This comment was deleted.'}
    </em>
  );
}

function Said({ comment, meId }: { comment: Comment; meId: string }) {
  return (
    <p className="comment__body">
      <strong>{comment.author.id === meId ? 'You' : comment.author.name} said:</strong>{' '}
      <Words comment={comment} />{' '}
      <span className="comment__meta">
        <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
      </span>
    </p>
  );
}

function MyThread({ thread, meId }: { thread: MyThreadData; meId: string }) {
  const { root, replies, status } = thread;
  const words = STATUS_WORDS[status];
  return (
    <li
      className={`your-comment${status === 'resolved' ? ' your-comment--resolved' : ''}`}
      data-testid="my-thread"
      data-status={status}
    >
      <p className="nhsuk-u-margin-bottom-2">
        <strong className={`nhsuk-tag nhsuk-tag--${words.colour}`}>{words.tag}</strong>{' '}
        <span className="comment__meta">{words.meaning}</span>
      </p>
      {root.anchor ? (
        <blockquote className="comment-quote">“{root.anchor.quote}”</blockquote>
      ) : (
        <p className="comment-detached">About the whole item.</p>
      )}
      <Said comment={root} meId={meId} />
      {replies.length > 0 && (
        <ol className="comment-replies" aria-label="Replies">
          {replies.map((reply) => (
            <li key={reply.id} className="comment" data-testid="my-thread-reply">
              <Said comment={reply} meId={meId} />
            </li>
          ))}
        </ol>
      )}
      {root.resolution && (
        <div className="comment-response" data-testid="my-thread-response">
          <p>
            <strong>We did:</strong> {root.resolution.response}
          </p>
          <p className="comment__meta">
            {root.resolution.by.name},{' '}
            <time dateTime={root.resolution.at}>{formatDateTime(root.resolution.at)}</time>
          </p>
        </div>
      )}
    </li>
  );
}

/** Follows one item's comments; every change after the first copy arrives is reported. */
function FollowComments(props: { itemId: string; serverUrl: string; onChange(): void }) {
  const feed = useCommentsFeed(props.itemId, props.serverUrl);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  useEffect(() => {
    if (feed.synced) onChange.current();
  }, [feed]);
  return null;
}

export interface MyCommentsProps {
  readonly mine: MyCommentsResponse;
  readonly meId: string;
  readonly serverUrl: string;
  readonly itemHref: (itemId: string) => string;
  /** Something in a followed thread changed: fetch the list again. */
  onChange(): void;
}

export function MyComments({ mine, meId, serverUrl, itemHref, onChange }: MyCommentsProps) {
  if (mine.labs.length === 0)
    return (
      <p className="nhsuk-body" data-testid="my-comments-empty">
        You have not commented on anything yet. When you do, your comments and the team’s answers
        will be here.
      </p>
    );
  return (
    <div data-testid="my-comments">
      {mine.labs.map((lab) => (
        <section key={lab.labId} aria-labelledby={`my-lab-${lab.labId}`}>
          <h2 className="nhsuk-heading-m" id={`my-lab-${lab.labId}`}>
            {lab.title}
          </h2>
          {lab.items.map((item) => (
            <section key={item.itemId} aria-labelledby={`my-item-${item.itemId}`}>
              <FollowComments itemId={item.itemId} serverUrl={serverUrl} onChange={onChange} />
              <h3 className="nhsuk-heading-s" id={`my-item-${item.itemId}`}>
                <span className="nhsuk-caption-m">{ITEM_KIND_LABELS[item.kind]}</span>
                <Link href={itemHref(item.itemId)}>{item.title || 'Untitled'}</Link>
              </h3>
              <ol className="your-comments">
                {item.threads.map((thread) => (
                  <MyThread key={thread.root.id} thread={thread} meId={meId} />
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
