/**
 * Comments become threads as people read them; filters by status and by the
 * profession of the person who started a thread; a reviewer's own threads; the
 * review round's totals.
 */
import { describe, expect, it } from 'vitest';
import { byProfession, roundTotals } from '../../client/features/comments/review-round';
import type { ReviewRound } from '../../shared/schemas/api-responses';
import {
  ALL_THREADS,
  buildThreads,
  commentWords,
  filterThreads,
  statusCounts,
  threadProfessions,
  threadsStartedBy,
} from '../../client/features/comments/threads';
import type { Comment } from '../../shared/comments';

let clock = 0;
function comment(id: string, changes: Partial<Comment> = {}): Comment {
  clock += 1;
  return {
    id,
    replyTo: null,
    author: { id: 'u-pat', name: 'Pat Patient', profession: 'patient' },
    createdAt: new Date(Date.UTC(2026, 2, 1, 9, 0, clock)).toISOString(),
    editedAt: null,
    body: `words of ${id}`,
    anchor: null,
    status: 'open',
    resolution: null,
    deleted: false,
    hidden: null,
    ...changes,
  };
}
const nurse = { id: 'u-nia', name: 'Nia Nurse', profession: 'nurse' };

describe('buildThreads', () => {
  it('puts replies (and replies to replies) under the first comment, in the order written', () => {
    const first = comment('a');
    const second = comment('b', { author: nurse });
    const reply = comment('r1', { replyTo: 'a', author: nurse });
    const replyToReply = comment('r2', { replyTo: 'r1' });
    const threads = buildThreads([replyToReply, second, reply, first]);
    expect(threads.map((t) => t.root.id)).toEqual(['a', 'b']);
    expect(threads[0]?.replies.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(threads[1]?.replies).toEqual([]);
  });

  it('drops replies whose thread is missing, and threads with nothing left to read', () => {
    const gone = comment('gone', { deleted: true, body: '' });
    const kept = comment('kept', { deleted: true, body: '' });
    const liveReply = comment('reply', { replyTo: 'kept', author: nurse });
    const orphan = comment('orphan', { replyTo: 'nowhere' });
    const threads = buildThreads([gone, kept, liveReply, orphan]);
    expect(threads.map((t) => t.root.id)).toEqual(['kept']);
    expect(threads[0]?.replies.map((r) => r.id)).toEqual(['reply']);
  });

  it('survives a loop of replies without hanging', () => {
    const x = comment('x', { replyTo: 'y' });
    const y = comment('y', { replyTo: 'x' });
    expect(buildThreads([x, y])).toEqual([]);
  });
});

describe('filters', () => {
  const threads = buildThreads([
    comment('p1'),
    comment('n1', { author: nurse, status: 'resolved' }),
    comment('p2', { status: 'resolved' }),
    comment('reply-by-nurse', { replyTo: 'p1', author: nurse }),
  ]);

  it('by status', () => {
    expect(filterThreads(threads, ALL_THREADS).map((t) => t.root.id)).toEqual(['p1', 'n1', 'p2']);
    expect(
      filterThreads(threads, { status: 'open', profession: '' }).map((t) => t.root.id),
    ).toEqual(['p1']);
    expect(
      filterThreads(threads, { status: 'resolved', profession: '' }).map((t) => t.root.id),
    ).toEqual(['n1', 'p2']);
  });

  it('by the profession of the person who started the thread', () => {
    expect(
      filterThreads(threads, { status: 'all', profession: 'nurse' }).map((t) => t.root.id),
    ).toEqual(['n1']);
    expect(
      filterThreads(threads, { status: 'resolved', profession: 'patient' }).map((t) => t.root.id),
    ).toEqual(['p2']);
    expect(filterThreads(threads, { status: 'all', profession: 'doctor' })).toEqual([]);
  });

  it('offers the professions of those who started threads, in the usual order', () => {
    const more = buildThreads([
      comment('z', { author: { id: 'u-z', name: 'Zed', profession: 'zookeeper' } }),
      comment('p'),
      comment('d', { author: { id: 'u-d', name: 'Dee Doctor', profession: 'doctor' } }),
      comment('n', { author: nurse }),
    ]);
    expect(threadProfessions(more)).toEqual(['doctor', 'nurse', 'patient', 'zookeeper']);
  });

  it('counts open and resolved threads', () => {
    expect(statusCounts(threads)).toEqual({ open: 1, resolved: 2 });
  });
});

describe('your comments', () => {
  it('are the threads you started and have not deleted', () => {
    const threads = buildThreads([
      comment('mine'),
      comment('deleted-mine', { deleted: true, body: '' }),
      comment('reply-keeps-it', { replyTo: 'deleted-mine', author: nurse }),
      comment('theirs', { author: nurse }),
    ]);
    expect(threadsStartedBy(threads, 'u-pat').map((t) => t.root.id)).toEqual(['mine']);
  });

  it('show what became of the words: text, deleted by the author, or hidden by a facilitator', () => {
    expect(commentWords(comment('a'))).toEqual({ kind: 'text', text: 'words of a' });
    expect(commentWords(comment('b', { deleted: true, body: '' }))).toEqual({ kind: 'deleted' });
    expect(
      commentWords(comment('c', { body: '', hidden: { by: 'u-olivia', at: '2026-03-02' } })),
    ).toEqual({ kind: 'hidden' });
  });
});

describe('review round', () => {
  const review: ReviewRound = {
    items: [
      { itemId: 'i1', title: 'Aim', comments: 3, threads: 2, resolved: 1 },
      { itemId: 'i2', title: 'Ideas', comments: 1, threads: 1, resolved: 1 },
    ],
    commenters: [
      { name: 'Pat Patient', profession: 'patient', comments: 2 },
      { name: 'Nia Nurse', profession: 'nurse', comments: 1 },
      { name: 'Cal Carer', profession: 'patient', comments: 1 },
    ],
  };

  it('totals comments, threads, resolved threads and people', () => {
    expect(roundTotals(review)).toEqual({ comments: 4, threads: 3, resolved: 2, people: 3 });
  });

  it('groups the people who commented by profession', () => {
    expect(byProfession(review.commenters)).toEqual([
      { profession: 'patient', people: 2, comments: 3 },
      { profession: 'nurse', people: 1, comments: 1 },
    ]);
  });
});
