/**
 * Opening an item at `#comment-<id>` (a notification's link) shows that comment's
 * thread once the comments have arrived: the thread is chosen and its heading focused.
 */
import { useEffect, useRef } from 'react';
import type { Thread } from './threads';

const COMMENT_HASH = /^#comment-(.+)$/;

export function useCommentLink(
  synced: boolean,
  threads: readonly Thread[],
  chooseThread: (id: string) => void,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !synced) return;
    const match = COMMENT_HASH.exec(window.location.hash);
    if (!match?.[1]) {
      done.current = true;
      return;
    }
    const wanted = decodeURIComponent(match[1]);
    const thread = threads.find(
      (each) => each.root.id === wanted || each.replies.some((reply) => reply.id === wanted),
    );
    if (!thread) return;
    done.current = true;
    chooseThread(thread.root.id);
  }, [synced, threads, chooseThread]);
}
