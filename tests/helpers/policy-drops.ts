/**
 * Reading the server's one line per connection and interval about messages it
 * dropped by policy, and a configuration that writes that line quickly.
 */
import type { Config } from '../../server/config';
import type { LogRecord } from '../../server/logger';
import type { DropReason } from '../../server/sync/policy-drops';
import { SyncLimits } from '../../shared/limits';

export { POLICY_DROPS_MESSAGE } from '../../server/sync/policy-drops';

/** Sync limits with drops reported every `intervalMs` instead of every minute. */
export function quickDropReports(intervalMs = 20): Partial<Config> {
  return { sync: { ...SyncLimits, dropLogIntervalMs: intervalMs } };
}

/** How many messages for `reason` a drop report counts (0 for any other record). */
export function droppedCount(record: LogRecord, reason: DropReason): number {
  const counts = record.counts as Partial<Record<DropReason, number>> | undefined;
  return counts?.[reason] ?? 0;
}
