/**
 * `DocFanout` over Redis pub/sub: a channel per document, subscribed while this
 * process has the document loaded. Redis delivers one publisher's messages in order
 * and every subscriber sees all publishers' in one order, so an update that builds on
 * another (its author saw that one first) arrives after it. After a reconnect, every
 * loaded room reads its document again from PostgreSQL (`resync`), where everything
 * committed is, whatever Redis dropped meanwhile.
 */
import type { Logger } from '../logger';
import type { DocFanout, RemoteDocReceiver } from '../sync/doc-fanout';
import { decodeBusMessage, encodeBusMessage } from './bus-messages';
import type { RedisLink } from './redis-link';

export interface RedisFanoutOptions {
  readonly link: RedisLink;
  /** Prefix of this workspace's channels (`REDIS_PREFIX`). */
  readonly prefix: string;
  /** This process's id, to skip its own messages. */
  readonly processId: string;
  readonly logger: Logger;
}

export function createRedisFanout(options: RedisFanoutOptions): DocFanout {
  const { link, prefix, processId, logger } = options;
  const receivers = new Map<string, RemoteDocReceiver>();
  const channelOf = (docId: string) => `${prefix}:doc:${docId}`;
  link.onReconnected(() => {
    for (const receiver of receivers.values()) receiver.resync();
  });
  return {
    join(docId, receiver) {
      const channel = channelOf(docId);
      receivers.set(docId, receiver);
      const ready = link.subscribe(channel, 'doc', (bytes) => {
        const message = decodeBusMessage(bytes);
        if (message === null) {
          logger.warn('a message from another process could not be read; dropped', { docId });
          return;
        }
        if (message.origin === processId) return;
        if (message.kind === 'update') receiver.update(message.update);
        else if (message.kind === 'awareness')
          receiver.awareness(message.update, message.reviewers);
      });
      return {
        ready,
        leave() {
          if (receivers.get(docId) !== receiver) return;
          receivers.delete(docId);
          link.unsubscribe(channel);
        },
      };
    },
    publishUpdate(docId, update) {
      return link.publish(
        channelOf(docId),
        encodeBusMessage({ kind: 'update', origin: processId, update }),
      );
    },
    publishAwareness(docId, update, reviewers) {
      // Presence is renewed by clients every few seconds: one that Redis drops is not retried.
      if (!link.connected()) return;
      link
        .publish(
          channelOf(docId),
          encodeBusMessage({ kind: 'awareness', origin: processId, update, reviewers }),
        )
        .catch(() => undefined);
    },
  };
}
