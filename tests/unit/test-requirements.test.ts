/**
 * `npm test` prepares or explains what it needs before running anything: the
 * decision for every combination that matters, and the real pretest script
 * stopping at once, with one message, when CHROMIUM_PATH names a missing file.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  chromiumPath,
  DEBIAN_CHROMIUM,
  DEFAULT_TEST_DATABASE_URL,
  planDatabaseSuites,
  prepare,
  type SystemFacts,
} from '../../scripts/test-requirements';

const facts = (over: Partial<SystemFacts>): SystemFacts => ({
  chromiumPathSetting: undefined,
  isExecutable: () => false,
  isRoot: false,
  hasApt: true,
  hasCommand: () => true,
  ...over,
});

describe('test requirements', () => {
  it('uses CHROMIUM_PATH when set, else Debian’s Chromium', () => {
    expect(chromiumPath(undefined)).toBe(DEBIAN_CHROMIUM);
    expect(chromiumPath('')).toBe(DEBIAN_CHROMIUM);
    expect(chromiumPath('/opt/chrome/chrome')).toBe('/opt/chrome/chrome');
  });

  it('is ready when the chosen Chromium is executable', () => {
    const present = (file: string) => file === '/opt/chrome/chrome';
    expect(
      prepare(facts({ chromiumPathSetting: '/opt/chrome/chrome', isExecutable: present })),
    ).toEqual({ kind: 'ready', chromium: '/opt/chrome/chrome' });
  });

  it('installs Debian’s package when it runs as root with apt', () => {
    expect(prepare(facts({ isRoot: true }))).toEqual({ kind: 'install', packages: ['chromium'] });
  });

  it('stops with the package and the command when it cannot install', () => {
    for (const over of [{ isRoot: false }, { isRoot: true, hasApt: false }]) {
      const outcome = prepare(facts(over));
      expect(outcome.kind).toBe('stop');
      if (outcome.kind !== 'stop') continue;
      expect(outcome.message).toContain('Debian package: chromium');
      expect(outcome.message).toContain('apt-get install --no-install-recommends chromium');
    }
  });

  it('installs or names the programs the export tests read exports with', () => {
    const withChromium = { isExecutable: (file: string) => file === DEBIAN_CHROMIUM };
    const without = (missing: readonly string[]) => (name: string) => !missing.includes(name);
    expect(
      prepare(facts({ ...withChromium, hasCommand: without(['pdfinfo', 'pdftotext']) })),
    ).toEqual({
      kind: 'stop',
      message: expect.stringContaining('Debian package: poppler-utils') as unknown as string,
    });
    expect(
      prepare(facts({ isRoot: true, hasCommand: without(['pdftotext', 'pdfinfo', 'unzip']) })),
    ).toEqual({ kind: 'install', packages: ['chromium', 'poppler-utils', 'unzip'] });
    const outcome = prepare(facts({ ...withChromium, hasCommand: without(['unzip']) }));
    expect(outcome.kind).toBe('stop');
    if (outcome.kind === 'stop') {
      expect(outcome.message).toContain('Missing: unzip, to read exports (Debian package: unzip)');
      expect(outcome.message).toContain('apt-get install --no-install-recommends unzip');
      expect(outcome.message).not.toContain('chromium');
    }
  });

  it('never installs over an explicit CHROMIUM_PATH that is missing, and says so', () => {
    const outcome = prepare(facts({ chromiumPathSetting: '/nowhere/chromium', isRoot: true }));
    expect(outcome.kind).toBe('stop');
    if (outcome.kind === 'stop') expect(outcome.message).toContain('/nowhere/chromium');
  });

  it('makes the real pretest step end at once with that message', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pretest.ts'], {
      env: { ...process.env, CHROMIUM_PATH: '/nowhere/chromium' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH is set to /nowhere/chromium');
  });

  describe('PostgreSQL suites', () => {
    it('run against DATABASE_URL, or the default address, when it answers', () => {
      expect(planDatabaseSuites({ databaseUrlSetting: undefined, problem: null })).toEqual({
        kind: 'run',
        url: DEFAULT_TEST_DATABASE_URL,
      });
      expect(
        planDatabaseSuites({ databaseUrlSetting: 'postgres://db.internal/ci', problem: null }),
      ).toEqual({ kind: 'run', url: 'postgres://db.internal/ci' });
    });

    it('are skipped with one line naming them and how to run them when none answers', () => {
      const plan = planDatabaseSuites({ databaseUrlSetting: '', problem: 'connection refused' });
      expect(plan.kind).toBe('skip');
      if (plan.kind !== 'skip') return;
      expect(plan.message.split('\n')).toHaveLength(1);
      expect(plan.message).toContain('PostgreSQL DocStore and MetaStore contracts');
      expect(plan.message).toContain('connection refused');
      expect(plan.message).toContain('set DATABASE_URL');
      expect(plan.message).toContain('.ci/run');
    });

    it('stop the run when DATABASE_URL names a database that does not answer', () => {
      const plan = planDatabaseSuites({
        databaseUrlSetting: 'postgres://127.0.0.1:1/test',
        problem: 'connection refused',
      });
      expect(plan.kind).toBe('stop');
    });

    it('make the real pretest step stop on a DATABASE_URL where nothing answers', () => {
      const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/pretest.ts'], {
        env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('DATABASE_URL is set, but PostgreSQL does not answer there');
    });
  });
});
