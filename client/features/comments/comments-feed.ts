/**
 * The live comments of an item: its comments document, synced read-only. The
 * server writes every comment (through the API) and drops updates from clients
 * on this document, and this page never changes it, so nothing is ever sent but
 * the sync handshake. No presence is published here: people are present on the
 * item itself.
 */
import { useEffect, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isPermanentCloseCode } from '../../../shared/close-codes';
import { COMMENTS_MAP, type Comment, commentsDocId, readComments } from '../../../shared/comments';

export interface CommentsFeed {
  readonly comments: readonly Comment[];
  /** False until the server's copy has arrived: "no comments" means nothing before then. */
  readonly synced: boolean;
}

const EMPTY: CommentsFeed = { comments: [], synced: false };

export function useCommentsFeed(itemId: string, serverUrl: string): CommentsFeed {
  const [feed, setFeed] = useState<CommentsFeed>(EMPTY);
  useEffect(() => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(serverUrl, commentsDocId(itemId), doc);
    provider.awareness.setLocalState(null);
    const map = doc.getMap(COMMENTS_MAP);
    const read = () => setFeed({ comments: readComments(map), synced: provider.synced });
    map.observe(read);
    provider.on('sync', read);
    provider.on('connection-close', (event) => {
      // Removed from the lab, or signed out: retrying cannot help.
      if (event && isPermanentCloseCode(event.code)) provider.disconnect();
    });
    return () => {
      map.unobserve(read);
      provider.destroy();
      doc.destroy();
      setFeed(EMPTY);
    };
  }, [itemId, serverUrl]);
  return feed;
}
