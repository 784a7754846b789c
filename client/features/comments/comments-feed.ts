/**
 * The live comments of an item: its comments document, synced read-only. The
 * server writes every comment (through the API) and drops updates from clients
 * on this document, and this page never changes it, so nothing is ever sent but
 * the sync handshake. No presence is published here: people are present on the
 * item itself.
 */
import { useEffect, useState } from 'react';
import { COMMENTS_MAP, type Comment, commentsDocId, readComments } from '../../../shared/comments';
import { openBackgroundDoc } from '../../lib/background-doc';

export interface CommentsFeed {
  readonly comments: readonly Comment[];
  /** False until the server's copy has arrived: "no comments" means nothing before then. */
  readonly synced: boolean;
}

const EMPTY: CommentsFeed = { comments: [], synced: false };

export function useCommentsFeed(itemId: string, serverUrl: string): CommentsFeed {
  const [feed, setFeed] = useState<CommentsFeed>(EMPTY);
  useEffect(() => {
    // Removed from the lab, or signed out: the background document stops retrying.
    const opened = openBackgroundDoc(serverUrl, commentsDocId(itemId), { onSynced: () => read() });
    const map = opened.doc.getMap(COMMENTS_MAP);
    const read = () => setFeed({ comments: readComments(map), synced: opened.provider.synced });
    map.observe(read);
    return () => {
      map.unobserve(read);
      opened.destroy();
      setFeed(EMPTY);
    };
  }, [itemId, serverUrl]);
  return feed;
}
