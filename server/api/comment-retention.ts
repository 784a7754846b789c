/**
 * Retention of reviewers' comments: a facilitator chooses how long after the lab
 * closes the comments of its reviewers (patients, the public) are kept. Once that
 * has passed, each is erased in its comments document: the words go, the author is
 * detached, and the thread keeps the record so it reads "Comment removed" where it
 * was. Staff comments and responses stay. Every erasure is audited. Run at start and
 * then periodically (`startCommentRetention`), against the clock the server is given,
 * so tests move time instead of waiting.
 */
import { COMMENTS_MAP, type Comment, commentsDocId, readComments } from '../../shared/comments';
import type { LabRecord } from '../../shared/schemas/records';
import { newId } from '../auth/secrets';
import type { Logger } from '../logger';
import type { ApiDeps } from './context';

export const COMMENT_RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Who an erased comment names instead of its author (no account has this id). */
export const ERASED_AUTHOR_ID = 'erased';

type RetentionDeps = Pick<ApiDeps, 'meta' | 'docs' | 'now' | 'logger'>;

/**
 * When the lab closed: archived, or past its end date (the end of that day, UTC),
 * whichever came first; null while it is open.
 */
export function labClosedAt(lab: LabRecord, now: Date): Date | null {
  const times: number[] = [];
  if (lab.archivedAt) times.push(Date.parse(lab.archivedAt));
  if (lab.endDate) times.push(Date.parse(`${lab.endDate}T00:00:00Z`) + DAY_MS);
  const closed = Math.min(...times.filter((time) => Number.isFinite(time)));
  return Number.isFinite(closed) && closed <= now.getTime() ? new Date(closed) : null;
}

/** The moment the lab's reviewers' comments are to be erased, or null (never, or still open). */
function eraseAfter(lab: LabRecord, now: Date): Date | null {
  const days = lab.commentRetentionDays;
  if (days === null || days === undefined) return null;
  const closed = labClosedAt(lab, now);
  return closed ? new Date(closed.getTime() + days * DAY_MS) : null;
}

function erased(comment: Comment, at: string): Comment {
  return {
    ...comment,
    body: '',
    author: { id: ERASED_AUTHOR_ID, name: '', profession: 'other', reviewer: true },
    erased: { at },
  };
}

/** Erases every reviewer's comment whose time has run out; returns how many it erased. */
export async function eraseExpiredComments(deps: RetentionDeps): Promise<number> {
  const now = deps.now();
  let total = 0;
  for (const lab of deps.meta.listLabs()) {
    const after = eraseAfter(lab, now);
    if (!after || after.getTime() > now.getTime()) continue;
    for (const item of deps.meta.listItems(lab.id)) {
      let gone: Comment[] = [];
      await deps.docs.change(commentsDocId(item.id), (doc) => {
        // Chosen and changed in one step: nothing is erased twice.
        const map = doc.getMap(COMMENTS_MAP);
        gone = readComments(map).filter((comment) => comment.author.reviewer && !comment.erased);
        for (const comment of gone) map.set(comment.id, erased(comment, now.toISOString()));
      });
      for (const comment of gone) {
        await deps.meta.appendAudit({
          id: newId(),
          at: now.toISOString(),
          type: 'comment.erased',
          actorId: null,
          labId: lab.id,
          details: {
            itemId: item.id,
            commentId: comment.id,
            retentionDays: lab.commentRetentionDays ?? null,
          },
        });
      }
      total += gone.length;
    }
  }
  if (total > 0) deps.logger.info('expired reviewer comments erased', { erased: total });
  return total;
}

export interface CommentRetention {
  /** Runs the erasure now (also what the timer does); resolves with how many went. */
  runNow(): Promise<number>;
  stop(): void;
}

async function runLogged(deps: RetentionDeps, logger: Logger): Promise<number> {
  try {
    return await eraseExpiredComments(deps);
  } catch (error) {
    // Next time, then: nothing half-erased is left, as each document changes in one step.
    logger.warn('erasing expired reviewer comments failed', { error });
    return 0;
  }
}

/** Erases what has expired now (resolving once done), then every `intervalMs`. */
export async function startCommentRetention(
  deps: RetentionDeps,
  intervalMs = COMMENT_RETENTION_INTERVAL_MS,
): Promise<CommentRetention> {
  // One run at a time, whether from the timer or asked for.
  let running: Promise<number> | null = null;
  const runNow = () => {
    running ??= runLogged(deps, deps.logger).finally(() => {
      running = null;
    });
    return running;
  };
  await runNow();
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}
