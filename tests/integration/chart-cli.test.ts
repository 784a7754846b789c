/*
 * `npm run chart` end to end: the real script in a child process (node --import tsx), real CSV
 * files from tests/fixtures/charts, stdout parsed as JSON and checked against the published
 * shape (chartJsonSchema) and values.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chart, chartJsonFor, fixture } from '../helpers/chart-cli';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run chart', () => {
  it('charts the NHSRplotthedots deviations example with the mdc rules', async () => {
    // Published (cran/NHSRplotthedots inst/doc/deviations.R, Excel-equivalent settings):
    // UPL 6.95, mean 1.94, LPL -3.06; only the fifth point is special cause improvement.
    const json = await chartJsonFor(
      '--rules',
      'mdc',
      '--direction',
      'up',
      '--target',
      '0',
      fixture('nhsr-deviations.csv'),
    );
    expect(json.rules).toBe('mdc');
    expect(json.points).toHaveLength(18);
    expect(json.points[0]?.period).toBe('2021-03-22');
    for (const point of json.points) {
      expect(point.upper).toBeCloseTo(6.95, 2);
      expect(point.centre).toBeCloseTo(1.94, 2);
      expect(point.lower).toBeCloseTo(-3.06, 2);
    }
    expect(json.points[4]).toMatchObject({
      value: 10,
      signals: ['outside_limits'],
      type: 'special_cause_improvement',
    });
    expect(json.points.filter((p) => p.type === 'common_cause')).toHaveLength(17);
    expect(json.signals).toEqual([{ rule: 'outside_limits', from: 4, to: 4 }]);
    expect(json.runs).toBeNull();
    // A target of 0 lies between the limits.
    expect(json.assurance).toBe('hit_and_miss');
  });

  it('gives consistent_fail for a target above the limits (Making Data Count example)', async () => {
    // MDC XmR testing document, "Process limits": mean 23.20, limits 8.76 to 37.64.
    const json = await chartJsonFor(
      '--rules=mdc',
      '--direction=up',
      '--target=40',
      fixture('mdc-process-limits.csv'),
    );
    expect(json.points[0]?.centre).toBeCloseTo(23.2, 2);
    expect(json.points[0]?.upper).toBeCloseTo(37.64, 2);
    expect(json.points[0]?.lower).toBeCloseTo(8.76, 2);
    expect(json.points.every((p) => p.type === 'common_cause')).toBe(true);
    expect(json.assurance).toBe('consistent_fail');
  });

  it('fixes the limits on the first N points with --baseline', async () => {
    const json = await chartJsonFor(
      '--rules',
      'mdc',
      '--baseline',
      '12',
      fixture('fix-after-twelve.csv'),
    );
    // Mean of the first twelve: 134 / 12; the two later highs do not move it.
    expect(json.points[13]?.centre).toBeCloseTo(134 / 12, 10);
    expect(json.signals.filter((s) => s.rule === 'outside_limits')).toEqual([
      { rule: 'outside_limits', from: 12, to: 12 },
      { rule: 'outside_limits', from: 13, to: 13 },
    ]);
    expect(json.points[12]?.type).toBe('special_cause_neutral');
  });

  it('charts an IHI run chart with a shift and the runs analysis', async () => {
    const json = await chartJsonFor('--rules', 'ihi', fixture('ihi-shift.csv'));
    expect(json.points.every((p) => p.centre === 5 && p.lower === null && p.type === null)).toBe(
      true,
    );
    expect(json.signals).toEqual([{ rule: 'shift', from: 2, to: 7 }]);
    expect(json.points.map((p) => p.signals.length)).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    // 12 useful observations, 2 crossings: 3 runs, inside Perla's limits 3 and 11.
    expect(json.runs).toEqual({ useful: 12, runs: 3, lower: 3, upper: 11 });
    expect(json.assurance).toBeNull();
  });

  it('charts 1..12 with the Anhøj rules: too few crossings (pbcharts test-pbc.R)', async () => {
    const json = await chartJsonFor('--rules', 'anhoej', fixture('one-to-twelve.csv'));
    expect(json.signals).toEqual([{ rule: 'too_few_crossings', from: 0, to: 11 }]);
    expect(json.points.every((p) => p.signals.join() === 'too_few_crossings')).toBe(true);
    expect(json.runs).toEqual({ useful: 12, runs: 2, lower: 4, upper: null });
  });

  it('reads proportions with CRLF line ends, quoted fields and blank trailing lines', async () => {
    const raw = await readFile(`${ROOT}/${fixture('proportions-crlf.csv')}`, 'utf8');
    expect(raw).toContain('\r\n');
    expect(raw.endsWith('\r\n\r\n')).toBe(true);
    const json = await chartJsonFor('--rules', 'ihi', fixture('proportions-crlf.csv'));
    expect(json.points.map((p) => [p.period, p.value])).toEqual([
      ['Jan, 2024', 0.75],
      ['Feb, 2024', 0.125],
      ['Mar "provisional"', 0.5],
    ]);
  });

  it('names the line of a malformed value, exits 1 and prints nothing on stdout', async () => {
    const outcome = await chart('--rules', 'ihi', fixture('malformed-value.csv'));
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('line 4: value "abc" is not a number');
  });

  it('names the line of a zero denominator and exits 1', async () => {
    const outcome = await chart('--rules', 'mdc', fixture('zero-denominator.csv'));
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('line 3: denominator is 0');
  });

  it('exits 1 when the file cannot be read', async () => {
    const outcome = await chart('--rules', 'ihi', fixture('no-such-file.csv'));
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain('cannot read');
  });

  it.each([
    [['--rules', 'shewhart', fixture('ihi-shift.csv')], '--rules must be one of ihi, anhoej, mdc'],
    [['--rules', 'ihi'], 'missing FILE.csv'],
    [
      ['--rules', 'mdc', '--baseline', 'twelve', fixture('ihi-shift.csv')],
      '--baseline must be a number',
    ],
    [['--rules', 'mdc', '--baseline', '1', fixture('ihi-shift.csv')], 'at least 2 for mdc'],
    [
      ['--rules', 'mdc', '--direction', 'sideways', fixture('ihi-shift.csv')],
      '--direction must be',
    ],
    [['--rules', 'mdc', '--colour', 'blue', fixture('ihi-shift.csv')], 'unknown option --colour'],
    [['--rules', 'mdc', '--target', fixture('ihi-shift.csv')], '--target must be a number'],
    [[fixture('ihi-shift.csv')], '--rules must be one of'],
  ])('exits 2 with usage on stderr for %j', async (args, message) => {
    const outcome = await chart(...args);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).toContain('usage: npm run chart');
  });
});
