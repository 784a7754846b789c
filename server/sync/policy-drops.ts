/**
 * Messages a connection sent that the server dropped by policy (an update from a
 * read-only connection, presence that names someone else or exceeds the caps), counted
 * and logged as one line per connection per interval. A flood of refused messages
 * must not become a flood of log lines: one line per message once wrote ten times the
 * flood's own size to the log.
 */
import type { Logger } from '../logger';

export type DropReason =
  | 'read_only_update'
  | 'awareness_too_large'
  | 'awareness_forged_user'
  | 'awareness_foreign_client'
  | 'awareness_too_many_clients'
  | 'awareness_rate';

/** The message of the one log line per connection and interval. */
export const POLICY_DROPS_MESSAGE = 'messages dropped by policy';

export class PolicyDrops {
  private counts: Partial<Record<DropReason, number>> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** The connection's logger, whose lines name it. */
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  /** Counts one dropped message; the first of an interval schedules the line that reports them. */
  count(reason: DropReason): void {
    this.counts[reason] = (this.counts[reason] ?? 0) + 1;
    if (this.timer !== null) return;
    this.timer = setTimeout(() => this.flush(), this.intervalMs);
    // A pending report must not keep a stopping process alive; `flush` at close reports it.
    this.timer.unref();
  }

  /** Logs what was counted since the last line, if anything; called on the timer and at close. */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const counts = this.counts;
    let total = 0;
    for (const n of Object.values(counts)) total += n;
    if (total === 0) return;
    this.counts = {};
    this.logger.warn(POLICY_DROPS_MESSAGE, { total, counts });
  }
}
