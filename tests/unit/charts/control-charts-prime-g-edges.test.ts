/*
 * Laney's p′ and u′, the g chart, and the edges of every control chart: zero counts, a
 * denominator of 0, very large denominators, frozen baselines and re-bases, rules on stepped
 * limits, assurance. The formulas are qicharts2's (version 0.8.1, R/helper.functions.R: qic.pp,
 * qic.up, qic.g), which keeps no reference output for these charts; the expected figures are
 * derived step by step in the comments from those formulas.
 */
import { describe, expect, it } from 'vitest';
import {
  ChartInputError,
  type ChartInputPoint,
  CONTROL_CHARTS,
  type ControlChart,
  xmrChart,
} from '../../../shared/charts';

const ratios = (
  numerators: readonly number[],
  denominators: readonly number[],
): ChartInputPoint[] =>
  numerators.map((numerator, i) => {
    const denominator = denominators[i] ?? Number.NaN;
    return { period: `w${i + 1}`, value: numerator / denominator, numerator, denominator };
  });
const values = (list: readonly number[]): ChartInputPoint[] =>
  list.map((value, i) => ({ period: `w${i + 1}`, value }));

/*
 * NHS England A&E attendances seen within 4 hours, 20 weeks: qicharts2's `nhs_accidents` data
 * set, from Mohammed MA, Panesar JS, Laney DB, Wilson R. Statistical process control charts for
 * attribute data involving very large sample sizes. BMJ Qual Saf 2013;22:362–368, the paper's
 * worked example of a p′ chart (the qicharts2 vignette draws it with chart = 'pp').
 */
const seen = [
  266501, 264225, 276532, 281461, 269071, 261215, 270409, 279778, 270483, 270320, 267923, 271478,
  255353, 256820, 261835, 259144, 255910, 260863, 264465, 260989,
];
const attendances = [
  280443, 276823, 291681, 296155, 282343, 275888, 283867, 295251, 284468, 282529, 279618, 283932,
  266629, 268091, 276803, 271578, 266005, 273520, 278574, 273772,
];

describe("Laney's p′ chart with very large denominators", () => {
  it('widens the p limits by σz, so the over-dispersed weeks stop all signalling', () => {
    // p̄ = Σ seen / Σ attendances = 5,274,775 / 5,535,562 = 0.9528997113441912.
    // σᵢ = √(p̄(1 − p̄)/nᵢ), zᵢ = (pᵢ − p̄)/σᵢ; the mean moving range of the 20 z-scores
    // divided by 1.128 is σz = 10.64042186349651: the weeks vary ten times more than a
    // binomial model allows. Week 1 (n = 280,443): σ₁ = 0.0004001…, so p′ limits
    // p̄ ± 3 × 10.6404 × σ₁ = 0.94013 to 0.96567, where the p chart's are 0.95170 to 0.95410.
    const p = xmrChart(ratios(seen, attendances), { chart: 'p' });
    const pp = xmrChart(ratios(seen, attendances), { chart: 'pp' });
    expect(pp.points[0]?.centre).toBeCloseTo(0.9528997113441912, 14);
    expect(pp.segments[0]?.sigmaZ).toBeCloseTo(10.64042186349651, 10);
    expect(pp.points[0]?.lower).toBeCloseTo(0.9401296441775141, 12);
    expect(pp.points[0]?.upper).toBeCloseTo(0.9656697785108682, 12);
    expect(pp.points[12]?.lower).toBeCloseTo(0.939803013989125, 12);
    expect(pp.points[12]?.upper).toBeCloseTo(0.9659964086992573, 12);
    expect(p.points[0]?.lower).toBeCloseTo(0.951699564646015, 12);
    expect(p.points[0]?.upper).toBeCloseTo(0.9540998580423673, 12);
    const outside = (chart: typeof p) =>
      chart.points.filter((point) => point.signals.includes('outside_limits')).length;
    expect(outside(p)).toBe(16);
    expect(outside(pp)).toBe(0);
    expect(p.segments[0]?.sigmaZ).toBeNull();
  });

  it('gives u′ the same limits as p′ on the same counts (σz absorbs the binomial factor)', () => {
    // u̅ = p̄ above; σᵢ = √(ū/nᵢ) differs from p's by √(1 − p̄), and σz by its inverse:
    // σz = 2.309248292908878, so u′ limits equal p′ limits (Laney 2002).
    const up = xmrChart(ratios(seen, attendances), { chart: 'up' });
    expect(up.segments[0]?.sigmaZ).toBeCloseTo(2.309248292908878, 10);
    expect(up.points[0]?.lower).toBeCloseTo(0.9401296441775141, 12);
    expect(up.points[0]?.upper).toBeCloseTo(0.9656697785108682, 12);
  });
});

describe("Laney's u′ chart with small denominators", () => {
  it('narrows the u limits when the periods vary less than Poisson (σz < 1)', () => {
    // Montgomery example 7.5 counts per m²: ū = 245 / 8,075 = 0.028465116279069766;
    // σz = 0.6787955546811915. Point 1 (n = 500): σ₁ = √(ū/500) = 0.0075451…,
    // u′ limits ū ± 3 × 0.67880 × σ₁ = 0.0131001 to 0.0438301 (u: 0.0058295 to 0.0511008).
    const counts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23];
    const metres = [500, 400, 650, 500, 475, 500, 600, 525, 600, 625];
    const chart = xmrChart(ratios(counts, metres), { chart: 'up' });
    expect(chart.segments[0]?.sigmaZ).toBeCloseTo(0.6787955546811915, 12);
    expect(chart.points[0]?.lower).toBeCloseTo(0.01310014604686544, 14);
    expect(chart.points[0]?.upper).toBeCloseTo(0.04383008651127409, 14);
    expect(chart.points[1]?.lower).toBeCloseTo(0.011286557323334962, 14);
    expect(chart.points[1]?.upper).toBeCloseTo(0.04564367523480457, 14);
  });

  it('takes σz from the frozen baseline only, and limits from every point’s own denominator', () => {
    const counts = [14, 12, 20, 11, 7, 10, 21, 16, 19, 23, 60, 55];
    const metres = [500, 400, 650, 500, 475, 500, 600, 525, 600, 625, 700, 900];
    const frozen = xmrChart(ratios(counts, metres), { chart: 'up', baseline: 10 });
    expect(frozen.segments[0]?.sigmaZ).toBeCloseTo(0.6787955546811915, 12);
    expect(frozen.points[0]?.upper).toBeCloseTo(0.04383008651127409, 14);
    // Point 11 (60 in 700 m²) is judged against the frozen limits: ū + 3 σz √(ū/700).
    const upper =
      0.028465116279069766 + 3 * 0.6787955546811915 * Math.sqrt(0.028465116279069766 / 700);
    expect(frozen.points[10]?.upper).toBeCloseTo(upper, 14);
    expect(frozen.points[10]?.signals).toContain('outside_limits');
  });
});

describe('g chart (opportunities between rare events)', () => {
  it('sets limits from the mean with σ = √(ḡ(ḡ + 1)) and draws the median', () => {
    // Surgeries between complications: mean ḡ = 167 / 10 = 16.7; σ = √(16.7 × 17.7) = 17.19273;
    // UCL = 16.7 + 3σ = 68.27819; LCL = 16.7 − 3σ < 0, drawn at 0; two-sigma line 51.08546.
    // Centre line: the median of the ten, (12 + 14)/2 = 13 (qicharts2 draws the median).
    const chart = xmrChart(values([12, 3, 27, 8, 45, 2, 19, 31, 6, 14]), { chart: 'g' });
    expect(chart.points[0]).toMatchObject({ centre: 13, lower: 0, lowerTwoSigma: 0 });
    expect(chart.points[0]?.upper).toBeCloseTo(68.27819306645009, 12);
    expect(chart.points[0]?.upperTwoSigma).toBeCloseTo(51.08546204430006, 12);
  });

  it('signals a long gap between events as special cause improvement when fewer is better', () => {
    const chart = xmrChart(values([12, 3, 27, 8, 45, 2, 19, 31, 6, 14, 140]), {
      chart: 'g',
      baseline: 10,
      direction: 'up',
    });
    expect(chart.points[10]).toMatchObject({
      signals: ['outside_limits'],
      type: 'special_cause_improvement',
    });
  });
});

describe('zero counts', () => {
  it('c chart: zeros take part, the lower limit stays at 0 and a zero is not below it', () => {
    // c̄ = 3 / 6 = 0.5; UCL = 0.5 + 3√0.5 = 2.62132; LCL 0.5 − 2.12 < 0 → 0.
    const chart = xmrChart(values([0, 0, 1, 0, 2, 0]), { chart: 'c' });
    expect(chart.points[0]?.centre).toBe(0.5);
    expect(chart.points[0]?.upper).toBeCloseTo(0.5 + 3 * Math.sqrt(0.5), 14);
    expect(chart.points.every((p) => p.lower === 0)).toBe(true);
    expect(chart.signals.filter((s) => s.rule === 'outside_limits')).toEqual([]);
  });

  it('p and u charts: periods with no events chart at 0 inside their limits', () => {
    // p̄ = 3 / 200 = 0.015; n = 20: 0.015 + 3√(0.015 × 0.985 / 20) = 0.096537.
    const chart = xmrChart(ratios([0, 1, 0, 2, 0], [20, 40, 60, 30, 50]), { chart: 'p' });
    expect(chart.points[0]?.centre).toBeCloseTo(0.015, 15);
    expect(chart.points[0]?.upper).toBeCloseTo(0.015 + 3 * Math.sqrt((0.015 * 0.985) / 20), 14);
    expect(chart.points.map((p) => p.value)).toEqual([0, 0.025, 0, 2 / 30, 0]);
    expect(chart.signals).toEqual([]);
    const u = xmrChart(ratios([0, 0, 3], [10, 12, 15]), { chart: 'u' });
    expect(u.points[0]?.lower).toBe(0);
  });

  it('all zeros: p and u limits collapse onto 0; p′ and u′ have no limits (σz is 0/0)', () => {
    const zeros = ratios([0, 0, 0, 0], [10, 20, 30, 40]);
    for (const chart of ['p', 'u'] as const) {
      const built = xmrChart(zeros, { chart });
      expect(built.points[0]).toMatchObject({ centre: 0, lower: 0, upper: 0 });
      expect(built.signals.filter((s) => s.rule === 'outside_limits')).toEqual([]);
    }
    for (const chart of ['pp', 'up'] as const) {
      const built = xmrChart(zeros, { chart });
      expect(built.points[0]).toMatchObject({ centre: 0, lower: null, upper: null });
      expect(built.segments[0]?.sigmaZ).toBeNull();
    }
  });
});

describe('input every chart refuses', () => {
  const caught = (run: () => unknown): ChartInputError => {
    try {
      run();
    } catch (error) {
      if (error instanceof ChartInputError) return error;
      throw error;
    }
    throw new Error('expected a ChartInputError');
  };

  it.each(['p', 'pp', 'u', 'up'] as const)('%s: a denominator of 0 names the point', (chart) => {
    const points = ratios([1, 2, 3], [10, 0, 10]);
    const error = caught(() => xmrChart(points, { chart }));
    expect(error.code).toBe('denominator_zero');
    expect(error.index).toBe(1);
    expect(error.message).toBe('point 1 (w2): denominator is 0, so there is no proportion');
  });

  it.each(['p', 'pp', 'u', 'up'] as const)('%s: needs numerator and denominator', (chart) => {
    const error = caught(() => xmrChart(values([1, 2]), { chart }));
    expect(error).toMatchObject({ code: 'denominator_missing', index: 0 });
  });

  it('p and p′ refuse a numerator above its denominator; u takes it as a rate', () => {
    const points = ratios([3, 12], [10, 10]);
    expect(caught(() => xmrChart(points, { chart: 'p' }))).toMatchObject({
      code: 'numerator_above_denominator',
      index: 1,
    });
    expect(caught(() => xmrChart(points, { chart: 'pp' })).code).toBe(
      'numerator_above_denominator',
    );
    expect(xmrChart(points, { chart: 'u' }).points[1]?.value).toBe(1.2);
  });

  it('refuses negative numerators, negative counts and times of 0', () => {
    expect(caught(() => xmrChart(ratios([1, -1], [5, 5]), { chart: 'u' })).code).toBe(
      'numerator_negative',
    );
    expect(caught(() => xmrChart(values([2, -1]), { chart: 'c' })).code).toBe('value_negative');
    expect(caught(() => xmrChart(values([2, -1]), { chart: 'g' })).code).toBe('value_negative');
    expect(caught(() => xmrChart(values([2, 0]), { chart: 't' }))).toMatchObject({
      code: 'value_not_positive',
      index: 1,
    });
  });
});

describe('rules, point types, assurance and re-bases on every chart', () => {
  it('applies two-of-three against each point’s own two-sigma line', () => {
    // p̄ = 0.1 over n = 100 except two points of n = 400 (σ halves there). At n = 400 the
    // two-sigma line is 0.1 + 2 × 0.015 = 0.13 and the limit 0.145: 0.14 lies between them,
    // while on an n = 100 point (limit 0.19) it would be well inside two sigma (0.16).
    const numerators = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 56, 56, 11];
    const denominators = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 400, 400, 100];
    const chart = xmrChart(ratios(numerators, denominators), { chart: 'p', baseline: 11 });
    expect(chart.points[11]?.upperTwoSigma).toBeCloseTo(0.13, 14);
    expect(chart.points[11]?.upper).toBeCloseTo(0.145, 14);
    expect(chart.points[0]?.upperTwoSigma).toBeCloseTo(0.16, 14);
    expect(chart.signals).toEqual([{ rule: 'two_of_three', from: 11, to: 13, segment: 0 }]);
    expect(chart.points[11]?.type).toBe('special_cause_neutral');
    expect(chart.points[13]?.type).toBe('common_cause');
  });

  it('judges assurance against the limits at the latest point', () => {
    // Latest point n = 400: limits 0.055 to 0.145. A target of 0.16 (lower is better) lies
    // above them: every period meets it (consistent pass); against an n = 100 point's limits
    // (0.01 to 0.19) it would be hit and miss.
    const chart = xmrChart(ratios([10, 10, 10, 10, 40], [100, 100, 100, 100, 400]), {
      chart: 'p',
      direction: 'down',
      target: 0.16,
    });
    expect(chart.segments[0]?.upper).toBeCloseTo(0.145, 14);
    expect(chart.assurance).toBe('consistent_pass');
  });

  it.each(CONTROL_CHARTS.map((chart) => [chart]))(
    '%s: runs of seven, trends and re-bases work as on XmR',
    (chart: ControlChart) => {
      // Twelve points around 10 (of 100), then seven above the centre after a re-base that
      // is itself re-centred: the run signals before, not after.
      const counts = [9, 11, 10, 12, 8, 10, 11, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19];
      const points = ratios(
        counts,
        counts.map(() => 100),
      );
      const before = xmrChart(points, { chart });
      expect(before.chart).toBe(chart);
      expect(before.signals.some((s) => s.rule === 'trend_of_seven')).toBe(true);
      const rebased = xmrChart(points, {
        chart,
        rebases: [{ at: 10, reason: 'new pathway' }],
      });
      expect(rebased.segments).toHaveLength(2);
      expect(rebased.segments[1]?.centre).not.toBe(rebased.segments[0]?.centre);
      expect(rebased.points[10]?.centre).toBe(rebased.segments[1]?.centre);
    },
  );
});
