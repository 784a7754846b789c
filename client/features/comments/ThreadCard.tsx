/**
 * A thread: the passage it is about (or a note that the passage was deleted,
 * with the words it had), the first comment, the team's response when resolved
 * ("You said … / We did …"), the replies, and what this person may do: reply,
 * resolve with a response or reopen (edit rights), show the passage in the text.
 */
import { useState } from 'react';
import { formatDateTime } from '../../lib/dates';
import { CommentForm } from './CommentForm';
import { CommentView } from './CommentView';
import type { Thread } from './threads';
import { type ItemComments, threadHeadingId } from './use-item-comments';

type Writing = 'reply' | 'resolve' | null;

export function StatusTag({ status }: { status: 'open' | 'resolved' }) {
  return status === 'resolved' ? (
    <strong className="nhsuk-tag nhsuk-tag--green">Resolved</strong>
  ) : (
    <strong className="nhsuk-tag nhsuk-tag--blue">Open</strong>
  );
}

export function Passage(props: { thread: Thread; detached: boolean }) {
  const { anchor } = props.thread.root;
  if (!anchor) return <p className="comment-detached">About the whole item.</p>;
  if (props.detached)
    return (
      <div className="comment-detached" data-testid="detached-passage">
        <p className="nhsuk-u-margin-bottom-1">
          <strong className="nhsuk-tag nhsuk-tag--grey">Detached</strong> The words this comment is
          about have been deleted from the text. They were:
        </p>
        <blockquote className="comment-quote">“{anchor.quote}”</blockquote>
      </div>
    );
  return <blockquote className="comment-quote">“{anchor.quote}”</blockquote>;
}

function Response({ thread }: { thread: Thread }) {
  const { resolution } = thread.root;
  if (!resolution) return null;
  return (
    <div className="comment-response" data-testid="comment-response">
      <p>
        <strong>We did:</strong> {resolution.response}
      </p>
      <p className="comment__meta">
        {resolution.by.name}, <time dateTime={resolution.at}>{formatDateTime(resolution.at)}</time>
      </p>
    </div>
  );
}

/** Replying to a thread, or resolving it with a response the commenter will see. */
function ThreadForm(props: {
  writing: Exclude<Writing, null>;
  id: string;
  comments: ItemComments;
  close(): void;
}) {
  const { writing, id, comments, close } = props;
  if (writing === 'reply')
    return (
      <CommentForm
        label="Your reply"
        submitLabel="Send reply"
        emptyMessage="Write your reply"
        mentionable={comments.mentionable}
        onSubmit={async (body, acknowledgement) => {
          await comments.actions.reply(id, body, acknowledgement);
          close();
        }}
        onCancel={close}
      />
    );
  return (
    <CommentForm
      label="What did the team do because of this comment?"
      hint="The person who commented will see this answer."
      submitLabel="Resolve with this response"
      emptyMessage="Say what changed because of this comment"
      place="response"
      onSubmit={async (response, acknowledgement) => {
        await comments.actions.resolve(id, response, acknowledgement);
        close();
      }}
      onCancel={close}
    />
  );
}

function ThreadActions(props: { thread: Thread; comments: ItemComments; detached: boolean }) {
  const { thread, comments, detached } = props;
  const { root } = thread;
  const { rights, actions } = comments;
  const [writing, setWriting] = useState<Writing>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const reopen = () =>
    actions.reopen(root.id).then(
      () => setProblem(null),
      (error: unknown) => setProblem(error instanceof Error ? error.message : 'Try again.'),
    );
  if (writing)
    return (
      <ThreadForm
        writing={writing}
        id={root.id}
        comments={comments}
        close={() => setWriting(null)}
      />
    );
  const showable = root.anchor !== null && !detached;
  return (
    <div className="comment-actions">
      {rights.comment && (
        <button type="button" className="comment-button" onClick={() => setWriting('reply')}>
          Reply
        </button>
      )}
      {rights.resolve && root.status === 'open' && (
        <button type="button" className="comment-button" onClick={() => setWriting('resolve')}>
          Resolve
        </button>
      )}
      {rights.resolve && root.status === 'resolved' && (
        <button type="button" className="comment-button" onClick={reopen}>
          Reopen
        </button>
      )}
      {showable && (
        <button
          type="button"
          className="comment-button"
          onClick={() => comments.showPassage(thread)}
        >
          Show in the text
        </button>
      )}
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

export function ThreadCard(props: { thread: Thread; comments: ItemComments; detached: boolean }) {
  const { thread, comments, detached } = props;
  const { root, replies } = thread;
  const classes = [
    'comment-thread',
    root.status === 'resolved' ? 'comment-thread--resolved' : '',
    comments.active === root.id ? 'comment-thread--active' : '',
  ];
  const author = comments.nameOf(root.author);
  const view = {
    userId: comments.userId,
    nameOf: comments.nameOf,
    canHide: comments.rights.hide,
    actions: comments.actions,
  };
  return (
    <li className={classes.filter(Boolean).join(' ')} data-testid="comment-thread">
      <h3 className="comment-thread__heading" id={threadHeadingId(root.id)} tabIndex={-1}>
        <StatusTag status={root.status} /> Comment from {author}
      </h3>
      <Passage thread={thread} detached={detached} />
      <CommentView comment={root} {...view} />
      <Response thread={thread} />
      {replies.length > 0 && (
        <ol className="comment-replies" aria-label={`Replies to ${author}`}>
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentView comment={reply} {...view} />
            </li>
          ))}
        </ol>
      )}
      <ThreadActions thread={thread} comments={comments} detached={detached} />
    </li>
  );
}
