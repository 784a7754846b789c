/*
 * `npm run chart -- --chart …` end to end for every control chart: the real script in a child
 * process, real CSV files from tests/fixtures/charts, stdout checked against chartJsonSchema.
 * Expected figures: qicharts2 0.8.1's reference output for Montgomery's examples
 * (tests/testthat/*.rds of github anhoej/qicharts2, see tests/unit/charts/
 * control-charts-qicharts2.test.ts) or Montgomery's own printed trial limits, and the
 * derivations in tests/unit/charts/control-charts-prime-g-edges.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chart, chartJsonFor, fixture } from '../helpers/chart-cli';

describe('npm run chart --chart', () => {
  it('xmr is the default control chart of --rules mdc', async () => {
    const plain = await chartJsonFor('--rules', 'mdc', fixture('mdc-process-limits.csv'));
    const xmr = await chartJsonFor('--chart', 'xmr', fixture('mdc-process-limits.csv'));
    expect(xmr).toEqual(plain);
    expect(xmr.points[0]?.upper).toBeCloseTo(37.64, 2);
  });

  it('p: limits per point that step with the denominator (Montgomery table 7.4)', async () => {
    const json = await chartJsonFor(
      '--rules',
      'mdc',
      '--chart',
      'p',
      fixture('montgomery-table-7-4.csv'),
    );
    expect(json.rules).toBe('mdc');
    expect(json.points).toHaveLength(25);
    expect(json.points[0]).toMatchObject({ value: 0.12, signals: [] });
    expect(json.points[0]?.centre).toBeCloseTo(0.09551020408163265, 14);
    expect(json.points[0]?.upper).toBeCloseTo(0.18368571343549223, 14);
    expect(json.points[1]?.upper).toBeCloseTo(0.19409342051458195, 14);
    expect(json.points[1]?.lower).toBe(0);
    expect(json.points[11]?.lower).toBeCloseTo(0.01501734492727154, 14);
    expect(json.signals).toEqual([{ rule: 'outside_limits', from: 10, to: 10 }]);
  });

  it('pp: Laney p′ for very large denominators (NHS A&E four-hour data)', async () => {
    const json = await chartJsonFor('--chart=pp', '--direction=up', fixture('nhs-accidents.csv'));
    expect(json.points[0]?.lower).toBeCloseTo(0.9401296441775141, 12);
    expect(json.points[0]?.upper).toBeCloseTo(0.9656697785108682, 12);
    expect(json.points.filter((p) => p.signals.includes('outside_limits'))).toEqual([]);
    // The same data on a p chart: 16 of 20 weeks outside limits a few thousandths apart.
    const p = await chartJsonFor('--chart=p', fixture('nhs-accidents.csv'));
    expect(p.points.filter((point) => point.signals.includes('outside_limits'))).toHaveLength(16);
  });

  it('u and up: rates per unit with varying exposure (Montgomery example 7.5)', async () => {
    const u = await chartJsonFor('--chart', 'u', fixture('montgomery-example-7-5.csv'));
    expect(u.points[1]?.upper).toBeCloseTo(2.6886264279230376 / 50, 14);
    expect(u.points[2]?.lower).toBeCloseTo(0.43061743663693214 / 50, 14);
    const up = await chartJsonFor('--chart', 'up', fixture('montgomery-example-7-5.csv'));
    expect(up.points[0]?.lower).toBeCloseTo(0.01310014604686544, 14);
    expect(up.points[0]?.upper).toBeCloseTo(0.04383008651127409, 14);
  });

  it('c: counts with trial limits 19.85 ± 3√19.85 (Montgomery example 7.3)', async () => {
    // c̄ = 516 / 26 = 19.846; UCL 33.21, LCL 6.48: samples 6 and 20 fall outside.
    const json = await chartJsonFor('--chart', 'c', fixture('montgomery-example-7-3.csv'));
    expect(json.points[0]?.centre).toBeCloseTo(516 / 26, 12);
    expect(json.points[0]?.upper).toBeCloseTo(33.21086052514178, 12);
    expect(json.points[0]?.lower).toBeCloseTo(6.481447167165914, 12);
    expect(json.signals.filter((s) => s.rule === 'outside_limits')).toEqual([
      { rule: 'outside_limits', from: 5, to: 5 },
      { rule: 'outside_limits', from: 19, to: 19 },
    ]);
  });

  it('g: cases between rare events, median centre and geometric limits', async () => {
    const json = await chartJsonFor('--chart', 'g', fixture('surgeries-between-complications.csv'));
    expect(json.points[0]).toMatchObject({ centre: 13, lower: 0 });
    expect(json.points[0]?.upper).toBeCloseTo(68.27819306645009, 12);
  });

  it('t: time between events (Montgomery example 7.6)', async () => {
    const json = await chartJsonFor('--chart', 't', fixture('montgomery-example-7-6.csv'));
    expect(json.points[0]?.centre).toBeCloseTo(430.04095178975825, 9);
    expect(json.points[0]?.upper).toBeCloseTo(6937.933488166575, 8);
    expect(json.points[0]?.lower).toBe(0);
  });

  it.each(['p', 'up'])('%s: names the line of a denominator of 0', async (name) => {
    const outcome = await chart('--chart', name, fixture('zero-denominator.csv'));
    expect(outcome).toMatchObject({ code: 1, stdout: '' });
    expect(outcome.stderr).toContain('zero-denominator.csv: line 3: denominator is 0');
  });

  it('refuses a ratio chart of one value per period, and --chart with a run chart', async () => {
    const values = await chart('--chart', 'p', fixture('mdc-process-limits.csv'));
    expect(values).toMatchObject({ code: 1, stdout: '' });
    expect(values.stderr).toContain('a p chart needs period,numerator,denominator rows');
    const run = await chart('--rules', 'ihi', '--chart', 'c', fixture('ihi-shift.csv'));
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--chart applies to --rules mdc only');
    const unknown = await chart('--chart', 'x', fixture('ihi-shift.csv'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--chart must be one of xmr, p, pp, u, up, c, g, t');
  });

  it('names the line of a time of 0 on a t chart', async () => {
    const outcome = await chart('--chart', 't', fixture('times-with-zero.csv'));
    expect(outcome).toMatchObject({ code: 1, stdout: '' });
    expect(outcome.stderr).toMatch(
      /line \d+: point \d+ \(.*\): a time between events must be above 0/,
    );
  });
});
