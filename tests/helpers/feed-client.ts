/**
 * A lab feed client over `ws`, as a script would follow a lab: every message is
 * checked against the shared schema and kept in order, the items it describes
 * are kept as the page keeps them, and the close event is recorded.
 */
import { type ClientOptions, WebSocket } from 'ws';
import type { ItemWithRights } from '../../shared/schemas/api-responses';
import {
  LAB_FEED_PATH_PREFIX,
  type LabFeedMessage,
  LabFeedMessageSchema,
} from '../../shared/schemas/lab-feed';
import { once, waitFor } from './wait';

export interface FeedClient {
  readonly socket: WebSocket;
  /** Every message so far, oldest first. */
  readonly messages: LabFeedMessage[];
  /** The items as the messages so far describe them. */
  readonly items: Map<string, ItemWithRights>;
  /** Waits until `check` holds, re-checking after every message. */
  until(description: string, check: () => boolean): Promise<void>;
  closed(): Promise<{ code: number; reason: string }>;
  close(): void;
}

export function connectFeed(
  httpUrl: string,
  labId: string,
  options: ClientOptions = {},
): FeedClient {
  const url = `${httpUrl.replace(/^http/, 'ws')}${LAB_FEED_PATH_PREFIX}${labId}`;
  const socket = new WebSocket(url, options);
  const messages: LabFeedMessage[] = [];
  const items = new Map<string, ItemWithRights>();
  socket.on('message', (data, isBinary) => {
    if (isBinary) throw new Error('the lab feed sent a binary message');
    const message = LabFeedMessageSchema.parse(JSON.parse(data.toString()));
    messages.push(message);
    if (message.type === 'items') {
      items.clear();
      for (const item of message.items) items.set(item.id, item);
    } else if (message.type === 'item') items.set(message.item.id, message.item);
    else items.delete(message.id);
  });
  let closeEvent: { code: number; reason: string } | null = null;
  socket.on('close', (code, reason) => {
    closeEvent = { code, reason: reason.toString() };
  });
  return {
    socket,
    messages,
    items,
    until: (description, check) =>
      waitFor(description, check, (notify) => {
        socket.on('message', notify);
        return () => socket.off('message', notify);
      }),
    closed: () => {
      const seen = closeEvent;
      if (seen) return Promise.resolve(seen);
      return once('the lab feed to close', (resolve) => {
        const listener = (code: number, reason: Buffer) =>
          resolve({ code, reason: reason.toString() });
        socket.on('close', listener);
        return () => socket.off('close', listener);
      });
    },
    close: () => socket.close(),
  };
}
