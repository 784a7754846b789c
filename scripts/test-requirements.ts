/**
 * What the test suite needs from the system, and what to do when it is missing:
 * Chromium (browser tests drive Debian's build through playwright-core), poppler's
 * `pdftotext` and `pdfinfo` and Info-ZIP's `unzip` (the export tests read what was
 * exported with tools that share no code with the exporter) and, for the scale-out
 * suites only, PostgreSQL and Redis. Each decision is a pure function of what it is told, so tests
 * can check it.
 */

/** Where Debian installs Chromium; `CHROMIUM_PATH` points elsewhere. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface SystemFacts {
  /** `CHROMIUM_PATH` as set in the environment, if it is. */
  readonly chromiumPathSetting: string | undefined;
  readonly isExecutable: (file: string) => boolean;
  readonly isRoot: boolean;
  /** Debian or a derivative with apt-get on the PATH. */
  readonly hasApt: boolean;
  /** Whether a program of this name is on the PATH. */
  readonly hasCommand: (name: string) => boolean;
}

/** The programs the export tests read exports with, and the Debian package of each. */
export const EXPORT_READERS: ReadonlyArray<{ readonly command: string; readonly pkg: string }> = [
  { command: 'pdftotext', pkg: 'poppler-utils' },
  { command: 'pdfinfo', pkg: 'poppler-utils' },
  { command: 'unzip', pkg: 'unzip' },
];

export type Preparation =
  | { readonly kind: 'ready'; readonly chromium: string }
  | { readonly kind: 'install'; readonly packages: readonly string[] }
  | { readonly kind: 'stop'; readonly message: string };

/** The Chromium the browser tests launch. */
export function chromiumPath(setting: string | undefined = process.env.CHROMIUM_PATH): string {
  return setting !== undefined && setting !== '' ? setting : DEBIAN_CHROMIUM;
}

/** Decides whether the suite can run, what to install first, or why it must stop. */
export function prepare(facts: SystemFacts): Preparation {
  const chromium = chromiumPath(facts.chromiumPathSetting);
  const explicit = chromium !== DEBIAN_CHROMIUM;
  const chromiumMissing = !facts.isExecutable(chromium);
  const missingTools = EXPORT_READERS.filter((tool) => !facts.hasCommand(tool.command));
  if (!chromiumMissing && missingTools.length === 0) return { kind: 'ready', chromium };
  const packages = [
    ...(chromiumMissing && !explicit ? ['chromium'] : []),
    ...new Set(missingTools.map((tool) => tool.pkg)),
  ];
  const installable = !(chromiumMissing && explicit) && facts.isRoot && facts.hasApt;
  if (installable) return { kind: 'install', packages };
  const lines = ['The tests cannot run: programs they need are missing.'];
  if (chromiumMissing && explicit) {
    lines.push(
      `  CHROMIUM_PATH is set to ${chromium}, which is not an executable file.`,
      `  Point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use Debian's ${DEBIAN_CHROMIUM}.`,
    );
  } else if (chromiumMissing) {
    lines.push(
      `  Missing: ${DEBIAN_CHROMIUM}, for the browser tests (Debian package: chromium); or point CHROMIUM_PATH at another Chromium or Chrome binary.`,
    );
  }
  for (const tool of missingTools) {
    lines.push(`  Missing: ${tool.command}, to read exports (Debian package: ${tool.pkg}).`);
  }
  if (packages.length > 0) {
    lines.push(
      `  Install with:  sudo apt-get update && sudo apt-get install --no-install-recommends ${packages.join(' ')}`,
    );
  }
  return { kind: 'stop', message: lines.join('\n') };
}

/** Where the PostgreSQL suites look when DATABASE_URL is not set: the development default. */
export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The suites that need PostgreSQL, as the skip line names them. */
export const POSTGRES_SUITES =
  'the PostgreSQL DocStore and MetaStore contracts, sync on PostgreSQL and migrate-store';

export interface DatabaseFacts {
  /** `DATABASE_URL` as set in the environment, if it is. */
  readonly databaseUrlSetting: string | undefined;
  /** Why no PostgreSQL answered at `testDatabaseUrl(...)`, or null when one did. */
  readonly problem: string | null;
}

export type DatabasePlan =
  | { readonly kind: 'run'; readonly url: string }
  | { readonly kind: 'skip'; readonly message: string }
  | { readonly kind: 'stop'; readonly message: string };

/** The database the PostgreSQL suites use. */
export function testDatabaseUrl(setting: string | undefined): string {
  return setting !== undefined && setting !== '' ? setting : DEFAULT_TEST_DATABASE_URL;
}

/**
 * Runs the PostgreSQL suites when a database answers; skips them, with one line,
 * when none answers at the default address; stops when DATABASE_URL names one that
 * does not answer, because then the set-up (CI's, or a developer's) is broken.
 */
export function planDatabaseSuites(facts: DatabaseFacts): DatabasePlan {
  const url = testDatabaseUrl(facts.databaseUrlSetting);
  if (facts.problem === null) return { kind: 'run', url };
  if (url !== DEFAULT_TEST_DATABASE_URL) {
    return {
      kind: 'stop',
      message:
        `The tests cannot run: DATABASE_URL is set, but PostgreSQL does not answer there (${facts.problem}).\n` +
        '  Start PostgreSQL, or unset DATABASE_URL to skip the PostgreSQL suites.',
    };
  }
  return {
    kind: 'skip',
    message:
      `Skipping ${POSTGRES_SUITES}: no PostgreSQL at ${url} (${facts.problem}); ` +
      'to run them, start PostgreSQL and set DATABASE_URL, or run `bash .ci/run`, which does both.',
  };
}

/** Where the Redis suites look when REDIS_URL is not set: the development default. */
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** The suites that need Redis (and PostgreSQL), as the skip line names them. */
export const REDIS_SUITES = 'scale-out across processes (two servers on PostgreSQL and Redis)';

/** The Redis the scale-out suites use. */
export function testRedisUrl(setting: string | undefined): string {
  return setting !== undefined && setting !== '' ? setting : DEFAULT_TEST_REDIS_URL;
}

export interface RedisFacts {
  /** `REDIS_URL` as set in the environment, if it is. */
  readonly redisUrlSetting: string | undefined;
  /** Why no Redis answered at `testRedisUrl(...)`, or null when one did. */
  readonly problem: string | null;
}

/**
 * Like `planDatabaseSuites`: runs the scale-out suites when Redis answers, skips them
 * with one line when none answers at the default address, stops when REDIS_URL names
 * one that does not answer.
 */
export function planRedisSuites(facts: RedisFacts): DatabasePlan {
  const url = testRedisUrl(facts.redisUrlSetting);
  if (facts.problem === null) return { kind: 'run', url };
  if (url !== DEFAULT_TEST_REDIS_URL) {
    return {
      kind: 'stop',
      message:
        `The tests cannot run: REDIS_URL is set, but Redis does not answer there (${facts.problem}).\n` +
        '  Start Redis, or unset REDIS_URL to skip the scale-out suites.',
    };
  }
  return {
    kind: 'skip',
    message:
      `Skipping ${REDIS_SUITES}: no Redis at ${url} (${facts.problem}); ` +
      'to run them, start Redis and set REDIS_URL, or run `bash .ci/run`, which does both.',
  };
}
