/**
 * Sockets do not outlive the session or API token they were opened with: one
 * periodic sweep for the whole server (`Limits.accessExpirySweepMs`) closes those
 * whose access has expired with 4401. A sweep costs one comparison until the
 * earliest expiry among open sockets has passed, so it is cheap at any count.
 */
import { Limits } from '../../shared/limits';
import type { Logger } from '../logger';
import type { RoomRegistry } from './room-registry';

/** What the sweep closes: the rooms' connections, and the lab feeds beside them. */
export type ExpiringSockets = Pick<RoomRegistry, 'closeExpired'>;

export interface AccessExpirySweep {
  stop(): void;
}

export function startAccessExpirySweep(
  sockets: ExpiringSockets,
  now: () => Date,
  logger: Logger,
): AccessExpirySweep {
  const timer = setInterval(() => {
    const closed = sockets.closeExpired(now().getTime());
    if (closed > 0) logger.info('closed sockets whose sign-in expired', { closed });
  }, Limits.accessExpirySweepMs);
  // The sweep alone must not keep the process alive.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
