/**
 * Keeps this process's copy of the metadata current with the other processes'
 * writes: each write that commits here is announced on the workspace's metadata
 * channel, and each announcement from another process starts a catch-up
 * (`SharedMeta.catchUp`: read the journal, load the changed records). A catch-up also
 * runs every second whatever Redis says, and after a reconnect, so a lost
 * announcement delays a change by at most that second. Staleness is therefore the
 * time to publish and read back (a few milliseconds) while Redis works, and at most
 * `META_POLL_MS` plus one catch-up while it does not.
 */
import type { Logger } from '../logger';
import type { SharedMeta } from '../store/meta-store';
import { decodeBusMessage, encodeBusMessage } from './bus-messages';
import type { RedisLink } from './redis-link';

/** How often a process catches up with the journal without being told to. */
export const META_POLL_MS = 1_000;

export interface SharedMetaLink {
  stop(): void;
}

export async function linkSharedMeta(options: {
  readonly link: RedisLink;
  readonly prefix: string;
  readonly processId: string;
  readonly meta: SharedMeta;
  readonly logger: Logger;
}): Promise<SharedMetaLink> {
  const { link, prefix, processId, meta, logger } = options;
  const channel = `${prefix}:meta`;
  let failing = false;
  const catchUp = () => {
    meta.catchUp().then(
      () => {
        if (failing) logger.info('metadata catch-up with other processes works again');
        failing = false;
      },
      (error: unknown) => {
        if (!failing) logger.error("could not catch up with other processes' metadata", { error });
        failing = true;
      },
    );
  };
  await link.subscribe(channel, 'meta', (bytes) => {
    const message = decodeBusMessage(bytes);
    if (message?.kind === 'meta' && message.origin !== processId) catchUp();
  });
  const announcement = encodeBusMessage({ kind: 'meta', origin: processId });
  const stopWritten = meta.onWritten(() => {
    link.publish(channel, announcement).catch(() => undefined);
  });
  link.onReconnected(catchUp);
  const timer = setInterval(catchUp, META_POLL_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      stopWritten();
      link.unsubscribe(channel);
    },
  };
}
