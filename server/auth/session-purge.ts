/**
 * Expired sessions are deleted at start and then periodically, so the data file
 * does not keep every sign-in forever (an expired session already grants
 * nothing: `authenticateSession` checks the expiry on every request).
 */
import type { Logger } from '../logger';
import type { MetaStore } from '../store/meta-store';

export const SESSION_PURGE_INTERVAL_MS = 60 * 60 * 1000;

export interface SessionPurge {
  stop(): void;
}

async function purgeOnce(meta: MetaStore, logger: Logger, now: () => Date): Promise<void> {
  try {
    const purged = await meta.purgeExpiredSessions(now());
    if (purged > 0) logger.info('expired sessions purged', { purged });
  } catch (error) {
    // Next time, then: a failed purge leaves only expired, useless records behind.
    logger.warn('purging expired sessions failed', { error });
  }
}

/** Purges now (resolving once that is on disk), then every `intervalMs`. */
export async function startSessionPurge(
  meta: MetaStore,
  logger: Logger,
  now: () => Date,
  intervalMs = SESSION_PURGE_INTERVAL_MS,
): Promise<SessionPurge> {
  await purgeOnce(meta, logger, now);
  // One purge at a time: under disk load one could outlast the interval.
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void purgeOnce(meta, logger, now).finally(() => {
      running = false;
    });
  }, intervalMs);
  // The timer must not keep a stopping process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
