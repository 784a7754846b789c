/**
 * Notifications by email, as each person chose on their account page: "immediately"
 * sends what came in shortly after it came (everything of that person's within a few
 * seconds in one message), "daily" one digest a day from `DAILY_DIGEST_HOUR_UTC`
 * with everything since the last, "never" nothing. Only notifications still unread
 * go out, each once. Time is read from the injected clock at every check, so tests
 * move the day on without waiting for it.
 *
 * With several processes, the one that created a notification sends it
 * "immediately"; every process checks the daily digests and the notifications some
 * process created but did not send (it stopped) once they are a few minutes old. A
 * digest can go out twice when two processes reach the same person in the same
 * moment, before either's note of it reaches the other (milliseconds).
 */
import { DEFAULT_EMAIL_DIGEST, type NotificationRecord } from '../../shared/schemas/notification';
import { notificationPath, notificationSentence } from '../../shared/notification-words';
import type { Comment } from '../../shared/comments';
import { composeEmail } from '../email/compose-email';
import type { Mailer } from '../email/mailer';
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';
import { presentNotifications, visibleNotifications } from './present-notifications';

export const DAILY_DIGEST_HOUR_UTC = 7;
/** How long "immediately" waits to gather what else comes in. */
const DEFAULT_GATHER_MS = 2_000;
/** How often the daily digests and what another process left unsent are checked. */
const DEFAULT_CHECK_EVERY_MS = 60_000;
/** A notification created elsewhere and still unsent after this was left behind. */
const LEFT_BEHIND_MS = 5 * 60_000;

export interface EmailDigests {
  /** New notifications, created by this process. */
  created(records: readonly NotificationRecord[]): void;
  stop(): void;
}

export interface EmailDigestOptions {
  readonly meta: MetaStore;
  readonly mailer: Mailer;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly publicUrl: () => string;
  readonly readComments: (itemId: string) => Promise<readonly Comment[]>;
  readonly gatherMs?: number;
  readonly checkEveryMs?: number;
}

export function startEmailDigests(options: EmailDigestOptions): EmailDigests {
  const { meta, mailer, logger, now } = options;
  const mine = new Set<string>();
  let gathering: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  /** Sends one person's notifications in one message; notes them emailed. */
  async function send(userId: string, pending: readonly NotificationRecord[], daily: boolean) {
    const user = meta.getUser(userId);
    if (!user || user.deactivatedAt) return;
    const visible = new Set(visibleNotifications(meta, user).map((each) => each.id));
    const shown = pending.filter((each) => visible.has(each.id));
    if (shown.length === 0) return;
    const views = await presentNotifications(meta, options.readComments, user, shown);
    const base = options.publicUrl();
    const subject = daily
      ? `Your Improvement Lab notifications today (${views.length})`
      : views.length === 1 && views[0]
        ? notificationSentence(views[0])
        : `${views.length} new notifications in Improvement Lab`;
    const email = composeEmail({
      subject,
      paragraphs: [
        `Hello ${user.name},`,
        daily
          ? 'Here is what happened in Improvement Lab since your last daily email:'
          : 'Here is what just happened in Improvement Lab:',
      ],
      links: views.map((view) => ({
        label: `${notificationSentence(view)} (${view.labTitle})`,
        url: `${base}${notificationPath(view)}`,
      })),
      after: [
        `You get these emails ${daily ? 'once a day' : 'as things happen'} because of your choice on your account page, where you can change it: ${base}/account`,
      ],
    });
    await mailer.send({ to: user.email, ...email });
    await meta.markNotificationsEmailed(
      shown.map((each) => each.id),
      now().toISOString(),
    );
  }

  async function check(onlyMine: boolean): Promise<void> {
    const at = now();
    const today = at.toISOString().slice(0, 10);
    const digestTime = at.getUTCHours() >= DAILY_DIGEST_HOUR_UTC;
    const byPerson = new Map<string, NotificationRecord[]>();
    for (const each of meta.listNotificationsToEmail()) {
      const list = byPerson.get(each.userId) ?? [];
      list.push(each);
      byPerson.set(each.userId, list);
    }
    for (const [userId, pending] of byPerson) {
      const settings = meta.getNotificationSettings(userId);
      const mode = settings?.email ?? DEFAULT_EMAIL_DIGEST;
      try {
        if (mode === 'immediately') {
          const due = pending.filter(
            (each) =>
              mine.has(each.id) ||
              (!onlyMine && at.getTime() - Date.parse(each.createdAt) > LEFT_BEHIND_MS),
          );
          if (due.length > 0) await send(userId, due, false);
        } else if (mode === 'daily' && !onlyMine && digestTime && settings) {
          if (settings.lastDigestDay === today) continue;
          await meta.saveNotificationSettings({ ...settings, lastDigestDay: today });
          await send(userId, pending, true);
        }
      } catch (error) {
        logger.warn('a notification email could not be sent; it is tried again later', {
          userId,
          error,
        });
      }
      for (const each of pending) mine.delete(each.id);
    }
  }

  const run = (onlyMine: boolean) => {
    running = running.then(() => (stopped ? undefined : check(onlyMine)));
    return running;
  };
  const timer = setInterval(() => {
    run(false).catch((error: unknown) => logger.error('notification emails failed', { error }));
  }, options.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
  timer.unref();

  return {
    created(records) {
      for (const each of records) mine.add(each.id);
      gathering ??= setTimeout(() => {
        gathering = null;
        run(true).catch((error: unknown) => logger.error('notification emails failed', { error }));
      }, options.gatherMs ?? DEFAULT_GATHER_MS);
    },
    stop() {
      stopped = true;
      clearInterval(timer);
      if (gathering) clearTimeout(gathering);
    },
  };
}
