/**
 * Readiness: whether this process can do its work now. Each dependency is one
 * `ReadinessCheck` (the embedded stores probe their directory; a PostgreSQL or
 * Redis check is another entry in the list), run together with a deadline. A check
 * that fails is logged when it starts failing and when it recovers, not at every
 * probe, so a load balancer polling `/readyz` does not flood the log.
 */
import type { Logger } from '../logger';

export interface ReadinessCheck {
  /** Names the dependency in `/readyz`'s answer: `documents`, `metadata`, later `postgres`, `redis`. */
  readonly name: string;
  /** Resolves when the dependency works now; rejects with why it does not. */
  check(): Promise<void>;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly ms: number;
  /** Why it failed, short (an error code such as `ENOSPC`, or `timed out`); no paths. */
  readonly error?: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Record<string, CheckResult>;
}

/** A store that can probe its storage (`DocStore.probe`, `MetaStore.probe`); without one it is ready. */
/** Fails once the server has begun to shut down, so a load balancer stops sending to it. */
export function shutdownCheck(closing: () => boolean): ReadinessCheck {
  return {
    name: 'server',
    check: async () => {
      if (closing()) throw Object.assign(new Error('shutting down'), { code: 'shutting_down' });
    },
  };
}

export function storeCheck(name: string, store: { probe?(): Promise<void> }): ReadinessCheck {
  return { name, check: () => store.probe?.() ?? Promise.resolve() };
}

function shortReason(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string')
    return error.code;
  if (error instanceof Error && error.name !== 'Error') return error.name;
  return 'failed';
}

class CheckTimeout extends Error {
  override readonly name = 'CheckTimeout';
}

function withDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export interface Readiness {
  /** Runs every check (one run at a time: callers during a run share its report). */
  report(): Promise<ReadinessReport>;
}

export function createReadiness(
  checks: readonly ReadinessCheck[],
  logger: Logger,
  timeoutMs = 5000,
): Readiness {
  const failing = new Set<string>();
  let running: Promise<ReadinessReport> | null = null;

  async function runOne(check: ReadinessCheck): Promise<[string, CheckResult]> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      await withDeadline(
        Promise.resolve().then(() => check.check()),
        timeoutMs,
      );
      if (failing.delete(check.name))
        logger.info('readiness check passes again', { check: check.name });
      return [check.name, { ok: true, ms: ms() }];
    } catch (error) {
      const reason = error instanceof CheckTimeout ? 'timed out' : shortReason(error);
      if (!failing.has(check.name)) {
        failing.add(check.name);
        logger.error('readiness check failed; /readyz answers 503', { check: check.name, error });
      }
      return [check.name, { ok: false, ms: ms(), error: reason }];
    }
  }

  async function run(): Promise<ReadinessReport> {
    const results = await Promise.all(checks.map(runOne));
    return {
      ready: results.every(([, result]) => result.ok),
      checks: Object.fromEntries(results),
    };
  }

  return {
    report() {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
