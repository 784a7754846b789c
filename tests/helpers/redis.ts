/**
 * Redis for the scale-out suites: the one the pretest step found (or null, and the
 * suites are skipped, as they are without PostgreSQL), and a key prefix per use, so
 * test files running in parallel never meet on a channel or key.
 */
import { randomBytes } from 'node:crypto';
import { probeRedis } from '../../scripts/redis-probe';
import { planRedisSuites, testRedisUrl } from '../../scripts/test-requirements';
import { testDatabase } from './postgres';

async function findRedis(): Promise<string | null> {
  if (testDatabase === null) return null;
  const setting = process.env.REDIS_URL;
  const plan = planRedisSuites({
    redisUrlSetting: setting,
    problem: await probeRedis(testRedisUrl(setting)),
  });
  if (plan.kind === 'stop') throw new Error(plan.message);
  return plan.kind === 'run' ? plan.url : null;
}

/** The test Redis's URL, or null when the scale-out suites are skipped. */
export const testRedis: string | null = await findRedis();

/** A key and channel prefix no other test uses. */
export function uniqueRedisPrefix(): string {
  return `test-${process.pid}-${randomBytes(6).toString('hex')}`;
}
