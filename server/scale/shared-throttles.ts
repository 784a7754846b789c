/**
 * The request throttles shared by every process: sign-in and password-change
 * backoff and the comment rate (`api/auth/request-throttles.ts`) stay in memory and
 * answer synchronously, as with one process, and every failure, success and hit is
 * also published on the workspace's throttle channel, where every other process
 * applies it to its own copy. So an address guessing passwords through several
 * processes meets one backoff, not one per process; what crosses is a few
 * milliseconds late, so a burst spread over processes within that time gets at most
 * a few tries more than through one. Throttle events are not retried when Redis is
 * away: limits then hold per process until it is back.
 */
import * as z from 'zod';
import type { Backoff } from '../auth/backoff';
import type { RateLimiter } from '../auth/rate-limiter';
import type { RequestThrottles, SignInThrottle } from '../auth/request-throttles';
import type { Logger } from '../logger';
import { decodeBusMessage, encodeBusMessage } from './bus-messages';
import type { RedisLink } from './redis-link';

const key = z.string().max(1_000);
const ThrottleEventSchema = z.discriminatedUnion('throttle', [
  z.object({
    throttle: z.literal('signIn'),
    op: z.enum(['failed', 'succeeded']),
    email: key,
    address: key,
  }),
  z.object({ throttle: z.literal('signInUnlock'), email: key }),
  z.object({ throttle: z.literal('passwordChange'), op: z.enum(['fail', 'succeed']), key }),
  z.object({ throttle: z.literal('comments'), op: z.enum(['hit', 'reset']), key }),
]);
type ThrottleEvent = z.infer<typeof ThrottleEventSchema>;

export async function shareThrottles(options: {
  readonly local: RequestThrottles;
  readonly link: RedisLink;
  readonly prefix: string;
  readonly processId: string;
  readonly logger: Logger;
}): Promise<RequestThrottles> {
  const { local, link, prefix, processId, logger } = options;
  const channel = `${prefix}:throttles`;
  const publish = (event: ThrottleEvent) => {
    if (!link.connected()) return;
    const message = encodeBusMessage({
      kind: 'throttle',
      origin: processId,
      event: JSON.stringify(event),
    });
    link.publish(channel, message).catch(() => undefined);
  };
  const apply = (event: ThrottleEvent) => {
    switch (event.throttle) {
      case 'signIn':
        local.signIn[event.op](event.email, event.address);
        return;
      case 'signInUnlock':
        local.signIn.unlock(event.email);
        return;
      case 'passwordChange':
        local.passwordChange[event.op](event.key);
        return;
      case 'comments':
        local.comments[event.op](event.key);
        return;
    }
  };
  await link.subscribe(channel, 'throttles', (bytes) => {
    const message = decodeBusMessage(bytes);
    if (message?.kind !== 'throttle' || message.origin === processId) return;
    let parsed: ReturnType<typeof ThrottleEventSchema.safeParse>;
    try {
      parsed = ThrottleEventSchema.safeParse(JSON.parse(message.event));
    } catch {
      parsed = ThrottleEventSchema.safeParse(null);
    }
    if (parsed.success) apply(parsed.data);
    else logger.warn('a throttle event from another process could not be read; dropped');
  });
  const signIn: SignInThrottle = {
    wait: (email, address) => local.signIn.wait(email, address),
    failed(email, address) {
      local.signIn.failed(email, address);
      publish({ throttle: 'signIn', op: 'failed', email, address });
    },
    succeeded(email, address) {
      local.signIn.succeeded(email, address);
      publish({ throttle: 'signIn', op: 'succeeded', email, address });
    },
    accountWait: (email) => local.signIn.accountWait(email),
    unlock(email) {
      local.signIn.unlock(email);
      publish({ throttle: 'signInUnlock', email });
    },
  };
  const passwordChange: Backoff = {
    wait: (k) => local.passwordChange.wait(k),
    fail(k) {
      local.passwordChange.fail(k);
      publish({ throttle: 'passwordChange', op: 'fail', key: k });
    },
    succeed(k) {
      local.passwordChange.succeed(k);
      publish({ throttle: 'passwordChange', op: 'succeed', key: k });
    },
    // Read here, or forgotten by a rule that cannot be sent: this process's copy only.
    forgetWhere: (match) => local.passwordChange.forgetWhere(match),
    longestWaitWhere: (match) => local.passwordChange.longestWaitWhere(match),
  };
  const comments: RateLimiter = {
    check: (k) => local.comments.check(k),
    hit(k) {
      local.comments.hit(k);
      publish({ throttle: 'comments', op: 'hit', key: k });
    },
    reset(k) {
      local.comments.reset(k);
      publish({ throttle: 'comments', op: 'reset', key: k });
    },
  };
  return { signIn, passwordChange, comments };
}
