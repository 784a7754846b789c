/*
 * Cross-checks against the Making Data Count team's "SPC charts – XmR testing" document, which
 * lists datasets and the colour every point must have for a chart to agree with their Single
 * Chart Tool v5.0. Source: NHSDigital/fdp-react-design-system,
 * src/components/DataVisualisation/charts/SPC/SPCChart/test-data/SPC-Charts-XmR-Testing.md
 * (the document) and test-data/Test Data.csv (its datasets with the colour of each point).
 *
 * The document sets the shift and trend rules to 6 points ("points for significance"), so these
 * cases use `pointsForSignificance: 6`; the engine's default is 7. Colours: grey common cause,
 * blue improvement, orange concern, purple neutral.
 *
 * Where the Excel tool and NHSRplotthedots disagree, the engine follows NHSRplotthedots; the
 * cases affected are listed at the end of the file with the difference spelled out.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChartInputPoint,
  type Direction,
  type PointType,
  type XmrOptions,
  xmrChart,
} from '../../../shared/charts';

const COLOUR: Record<PointType, string> = {
  common_cause: 'grey',
  special_cause_improvement: 'blue',
  special_cause_concern: 'orange',
  special_cause_neutral: 'purple',
};

const series = (values: readonly number[]): ChartInputPoint[] =>
  values.map((value, i) => ({ period: `2023-01-${String(i + 1).padStart(2, '0')}`, value }));

function colours(values: readonly number[], options: XmrOptions): string[] {
  return xmrChart(series(values), { pointsForSignificance: 6, ...options }).points.map((p) =>
    p.type === null ? 'excluded' : COLOUR[p.type],
  );
}

/** Expands "grey*3 blue" into a list of colours. */
function expected(pattern: string): string[] {
  return pattern.split(' ').flatMap((token) => {
    const [colour = '', times = '1'] = token.split('*');
    return Array<string>(Number(times)).fill(colour);
  });
}

const HIGH: Direction = 'up';
const LOW: Direction = 'down';

describe('Making Data Count XmR testing document', () => {
  it('"Process limits": 15 points give mean 23.20, upper 37.64, lower 8.76', () => {
    const values = [20, 24, 20, 26, 22, 16, 18, 16, 31, 28, 34, 26, 30, 19, 18];
    const segment = xmrChart(series(values)).segments[0];
    expect(segment?.meanMovingRange).toBeCloseTo(5.43, 2);
    expect(segment?.centre).toBeCloseTo(23.2, 2);
    expect(segment?.upper).toBeCloseTo(37.64, 2);
    expect(segment?.lower).toBeCloseTo(8.76, 2);
    expect(colours(values, { direction: HIGH })).toEqual(expected('grey*15'));
  });

  const specialCause = [
    8, 27, 32, 26, 20, 21, 23, 21, 23, 22, 26, 23, 20, 20, 29, 28, 22, 23, 25, 26, 28, 29, 26, 24,
    36, 29, 35, 22, 30, 18,
  ];

  it('"Special cause – high is good"', () => {
    expect(colours(specialCause, { direction: HIGH })).toEqual(
      expected('orange grey*3 orange*6 grey*6 blue*6 grey*2 blue grey blue grey*3'),
    );
  });

  it('"Special cause – low is good"', () => {
    expect(colours(specialCause, { direction: LOW })).toEqual(
      expected('blue grey*3 blue*6 grey*6 orange*6 grey*2 orange grey orange grey*3'),
    );
  });

  it('"Special cause – neither"', () => {
    expect(colours(specialCause, {})).toEqual(
      expected('purple grey*3 purple*6 grey*6 purple*6 grey*2 purple grey purple grey*3'),
    );
  });

  it('"Special cause – single point" (ends and middle)', () => {
    const ends = [45, 29, 20, 22, 25, 20, 27, 24, 22, 23, 20, 26, 20, 15, 5];
    const middle = [29, 32, 35, 45, 43, 23, 18, 20, 16, 7, 28, 26, 22, 19, 20];
    expect(colours(ends, { direction: HIGH })).toEqual(expected('blue grey*13 orange'));
    expect(colours(middle, { direction: HIGH })).toEqual(
      expected('grey*3 blue*2 grey*4 orange grey*5'),
    );
  });

  it('"Special cause – shift" (ends and middle)', () => {
    const ends = [31, 35, 34, 29, 29, 32, 26, 26, 32, 35, 30, 18, 31, 25, 27, 22, 18, 25, 25, 17];
    const middle = [31, 22, 19, 21, 18, 18, 22, 22, 29, 25, 23, 26, 31, 26, 28, 29, 32, 24, 31, 22];
    expect(colours(ends, { direction: HIGH })).toEqual(expected('blue*6 grey*7 orange*7'));
    expect(colours(middle, { direction: HIGH })).toEqual(
      expected('grey orange*7 grey*3 blue*6 grey*3'),
    );
  });

  it('"Special cause – trend": no pauses, and pauses break it', () => {
    const noPauses = [
      11, 14, 18, 20, 22, 23, 18, 21, 17, 23, 26, 20, 16, 25, 23, 22, 19, 16, 15, 12,
    ];
    const pauses = [23, 30, 28, 25, 25, 20, 18, 24, 16, 13, 14, 18, 18, 24, 26, 29, 19, 20, 28, 16];
    expect(colours(noPauses, { direction: HIGH })).toEqual(expected('blue*6 grey*7 orange*7'));
    expect(colours(pauses, { direction: HIGH })).toEqual(expected('grey*20'));
  });

  it('"Special cause – two-sigma" 1, 2 and 3', () => {
    const one = [
      42, 40, 39, 26, 39, 24, 22, 29, 32, 22, 20, 23, 25, 26, 22, 24, 27, 7, 19, 24, 7, 7, 32,
    ];
    const two = [...one.slice(0, 21), 2, 32];
    const three = [...one.slice(0, 3), 24, ...one.slice(4, 19), 26, 7, 7, 32];
    // 1: two points beyond two sigma at the end; 2: the second is beyond the limit instead, so
    // it does not count for two-sigma; 3: the first three are blue, but 39 at p5 is not, as 24
    // (p4) and 24 (p6) are below the mean.
    expect(colours(one, { direction: HIGH })).toEqual(
      expected('blue*3 grey blue grey*15 orange*2 grey'),
    );
    expect(colours(two, { direction: HIGH })).toEqual(
      expected('blue*3 grey blue grey*16 orange grey'),
    );
    expect(colours(three, { direction: HIGH })).toEqual(expected('blue*3 grey*20'));
  });

  const recalculations = [
    16, 24, 22, 19, 19, 18, 24, 25, 18, 17, 16, 25, 15, 23, 19, 35, 32, 35, 31, 27, 33, 28, 38, 35,
    30, 28, 29, 27, 24, 23,
  ];

  it('"Recalculations": without and with a recalculation at p16', () => {
    expect(colours(recalculations, { direction: HIGH })).toEqual(
      expected('orange*15 blue*13 grey*2'),
    );
    const rebased = { direction: HIGH, rebases: [{ at: 15, reason: 'process change' }] };
    expect(colours(recalculations, rebased)).toEqual(expected('grey*24 orange*6'));
  });

  it('"Baselines": limits from the first 15 points, extended', () => {
    expect(colours(recalculations, { direction: HIGH, baseline: 15 })).toEqual(
      expected('grey*15 blue*15'),
    );
  });

  it('"Summary icons – assurance": targets 40, 30 and 10', () => {
    const assurance = (direction: Direction, target: number) =>
      xmrChart(series(recalculations), { direction, target }).assurance;
    // Limits 13.33 to 37.00: 40 is above them, 30 inside, 10 below.
    expect([40, 30, 10].map((t) => assurance(HIGH, t))).toEqual([
      'consistent_fail',
      'hit_and_miss',
      'consistent_pass',
    ]);
    expect([40, 30, 10].map((t) => assurance(LOW, t))).toEqual([
      'consistent_pass',
      'hit_and_miss',
      'consistent_fail',
    ]);
    expect(xmrChart(series(recalculations), { target: 40 }).assurance).toBeNull();
  });

  it('"Summary icons – variation": the last point decides', () => {
    const start = [16, 20, 22, 18, 21, 18, 26, 28, 24, 26, 19, 18, 25, 32, 43, 28, 22];
    const variation = (last: number, direction: Direction | null) => {
      const chart = xmrChart(series([...start, last]), { direction, pointsForSignificance: 6 });
      return [chart.variation, chart.variationSide];
    };
    expect(colours([...start, 45], { direction: HIGH })).toEqual(
      expected('orange*6 grey*8 blue grey*2 blue'),
    );
    expect(colours([...start, 5], { direction: LOW })).toEqual(
      expected('blue*6 grey*8 orange grey*2 blue'),
    );
    expect(variation(45, HIGH)).toEqual(['special_cause_improvement', 'high']);
    expect(variation(45, LOW)).toEqual(['special_cause_concern', 'high']);
    expect(variation(25, HIGH)).toEqual(['common_cause', null]);
    expect(variation(5, HIGH)).toEqual(['special_cause_concern', 'low']);
    expect(variation(45, null)).toEqual(['special_cause_neutral', 'high']);
  });
});

describe('Where the Excel tool and NHSRplotthedots disagree', () => {
  /*
   * "Special cause conflict": p1–p8 fall (a decreasing trend), p8–p14 rise. The Excel tool
   * shows improvement wherever rules conflict; NHSRplotthedots (R/ptd_calculate_point_type.R)
   * ranks the rules instead: outside the limits, then trend, then two-in-three, then run. The
   * engine follows NHSRplotthedots. The document allows either ("or the special cause rules
   * could be applied in a hierarchy (e.g. with the trend rule taking precedence)").
   */
  const conflict = [43, 41, 37, 36, 31, 23, 15, 13, 15, 18, 23, 27, 31, 36, 27, 19, 17, 27, 15, 22];

  it('high is good: agrees except p3–p4 (two-sigma high vs falling trend) and p15', () => {
    const ours = colours(conflict, { direction: HIGH });
    const excel = expected('blue*4 orange*3 blue*8 grey*5');
    const disagree = ours.flatMap((c, i) => (c === excel[i] ? [] : [i + 1]));
    // p3–p4: Excel blue (improvement wins); here the falling trend outranks two-in-three.
    // p15 (27): no rule covers it (the rise ends at p14, and p13–p15 has one point beyond two
    // sigma); the dataset's blue here has no counterpart in its own low-is-good mirror (grey).
    expect(disagree).toEqual([3, 4, 15]);
    expect(ours.slice(2, 4)).toEqual(['orange', 'orange']);
  });

  it('low is good: agrees except where improvement wins in Excel', () => {
    const ours = colours(conflict, { direction: LOW });
    const excel = expected('blue*11 orange*3 grey*6');
    const disagree = ours.flatMap((c, i) => (c === excel[i] ? [] : [i + 1]));
    // p1–p2 are above the upper limit (concern, and outside the limits outranks the trend);
    // p8–p11 are in the rising trend (concern), which outranks the run below the mean.
    expect(disagree).toEqual([1, 2, 8, 9, 10, 11]);
  });
});
