/**
 * Notifications delivered: stored, then each recipient's open notification streams
 * in this process told (`subscribe`; other processes hear of it when they read the
 * change back, `changed`), then emailed as each person chose (`email-digests.ts`).
 */
import type { NotificationRecord } from '../../shared/schemas/notification';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import type { EmailDigests } from './email-digests';

export interface Notifier {
  /** Stores them, tells the recipients' open streams and has them emailed. */
  notify(records: readonly NotificationRecord[]): Promise<void>;
  /** Calls `listener` whenever the person's notifications (or access) may have changed. */
  subscribe(userId: string, listener: () => void): () => void;
  /** Tells the person's listeners here (a change read back from another process, a sign-out). */
  changed(userId: string): void;
  /** Whether it was closed: open streams end. */
  isClosed(): boolean;
  /** Ends every stream (shutdown) and the email schedule. */
  close(): void;
}

export function createNotifier(options: {
  readonly meta: MetaStore;
  readonly logger: Logger;
  readonly digests: EmailDigests | null;
}): Notifier {
  const listeners = new Map<string, Set<() => void>>();
  let closed = false;
  const changed = (userId: string) => {
    for (const listener of listeners.get(userId) ?? []) listener();
  };
  return {
    async notify(records) {
      if (records.length === 0) return;
      await options.meta.addNotifications(records);
      for (const userId of new Set(records.map((each) => each.userId))) changed(userId);
      options.digests?.created(records);
    },
    subscribe(userId, listener) {
      if (closed) {
        listener();
        return () => undefined;
      }
      let set = listeners.get(userId);
      if (set === undefined) {
        set = new Set();
        listeners.set(userId, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(userId);
      };
    },
    changed,
    isClosed: () => closed,
    close() {
      closed = true;
      options.digests?.stop();
      for (const set of listeners.values()) for (const listener of set) listener();
      listeners.clear();
    },
  };
}
