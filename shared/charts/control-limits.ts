/**
 * Centre line, process limits and two-sigma lines of every control chart, per point of one
 * segment, computed from the points that set them (the frozen baseline, or all included points).
 * The formulas are qicharts2's (version 0.8.1, R/helper.functions.R: qic.p, qic.pp, qic.u,
 * qic.up, qic.c, qic.g, qic.t), so the figures agree with it to the last digit:
 *  - p:  p̄ = Σ numerators ÷ Σ denominators; σᵢ = √(p̄(1 − p̄)/nᵢ);
 *  - u:  ū = Σ numerators ÷ Σ denominators; σᵢ = √(ū/nᵢ);
 *  - p′, u′ (Laney): σᵢ × σz, where σz = mean moving range of the baseline's z-scores
 *    zᵢ = (yᵢ − centre)/σᵢ, divided by d₂ = 1.128;
 *  - c:  c̄ = mean count; σ = √c̄;
 *  - g:  limits from the mean ḡ with σ = √(ḡ(ḡ + 1)); the centre line drawn (and judged
 *    against) is the median, as qicharts2 draws it;
 *  - t:  y^(1/3.6) on an I chart (σ = mean moving range / 1.128), limits transformed back.
 * Limits are centre ± 3σ and the two-sigma lines centre ± 2σ. A lower line below zero is drawn
 * at zero (t: also where the transformed line is negative) and a proportion's upper line above 1
 * at 1. A line that cannot be computed (one baseline point on a p′ chart, a centre of 0 on a p′
 * chart) is null, as qicharts2 leaves it out. XmR is xmr-limits.ts (Making Data Count's 2.66).
 */

import type { SegmentPlan } from './segments';
import { mean, median } from './stats';
import type { ChartInputPoint, ControlChart } from './types';
import { meanMovingRange, xmrLimits } from './xmr-limits';

/** d₂ for moving ranges of two: the moving range's mean is 1.128 σ. */
export const D2 = 1.128;
/** qicharts2's t chart exponent (Nelson's transformation of exponential times to near-normal). */
export const T_CHART_EXPONENT = 3.6;

export interface LineSet {
  centre: number | null;
  lower: number | null;
  upper: number | null;
  lowerTwoSigma: number | null;
  upperTwoSigma: number | null;
}

export interface SegmentLimits {
  /** The lines at each point index of the segment (`plan.from`..`plan.to`). */
  lines: Map<number, LineSet>;
  meanMovingRange: number | null;
  sigmaZ: number | null;
}

const NO_LINES: LineSet = {
  centre: null,
  lower: null,
  upper: null,
  lowerTwoSigma: null,
  upperTwoSigma: null,
};

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** centre ± 3σ and ± 2σ, floored at 0 and (for proportions) capped at 1. */
function linesAround(centre: number, sigma: number, cap: number | null): LineSet {
  const clamp = (value: number) => {
    const floored = Math.max(value, 0);
    return cap === null ? floored : Math.min(floored, cap);
  };
  return {
    centre,
    lower: finite(clamp(centre - 3 * sigma)),
    upper: finite(clamp(centre + 3 * sigma)),
    lowerTwoSigma: finite(clamp(centre - 2 * sigma)),
    upperTwoSigma: finite(clamp(centre + 2 * sigma)),
  };
}

function segmentIndices(plan: SegmentPlan): number[] {
  const indices: number[] = [];
  for (let i = plan.from; i <= plan.to; i++) indices.push(i);
  return indices;
}

function sameEverywhere(plan: SegmentPlan, lines: LineSet): Map<number, LineSet> {
  return new Map(segmentIndices(plan).map((i) => [i, lines]));
}

const numeratorOf = (p: ChartInputPoint | undefined) => p?.numerator ?? Number.NaN;
const denominatorOf = (p: ChartInputPoint | undefined) => p?.denominator ?? Number.NaN;

/** p, p′, u and u′: one centre weighted by the denominators, limits from each denominator. */
function ratioLimits(
  chart: 'p' | 'pp' | 'u' | 'up',
  points: readonly ChartInputPoint[],
  plan: SegmentPlan,
  screen: boolean,
): SegmentLimits {
  if (plan.base.length === 0) {
    return { lines: sameEverywhere(plan, NO_LINES), meanMovingRange: null, sigmaZ: null };
  }
  const base = plan.base.map((i) => points[i]);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const centre = sum(base.map(numeratorOf)) / sum(base.map(denominatorOf));
  const proportion = chart === 'p' || chart === 'pp';
  const sigmaFor = (n: number) =>
    proportion ? Math.sqrt((centre * (1 - centre)) / n) : Math.sqrt(centre / n);
  let sigmaZ: number | null = null;
  if (chart === 'pp' || chart === 'up') {
    const z = base.map((p) => ((p?.value ?? Number.NaN) - centre) / sigmaFor(denominatorOf(p)));
    const amr = meanMovingRange(z, screen);
    sigmaZ = amr === null ? Number.NaN : amr / D2;
  }
  const factor = sigmaZ ?? 1;
  const lines = new Map(
    segmentIndices(plan).map((i) => [
      i,
      linesAround(centre, sigmaFor(denominatorOf(points[i])) * factor, proportion ? 1 : null),
    ]),
  );
  return { lines, meanMovingRange: null, sigmaZ: sigmaZ === null ? null : finite(sigmaZ) };
}

function countLimits(values: readonly number[], plan: SegmentPlan): SegmentLimits {
  if (values.length === 0) {
    return { lines: sameEverywhere(plan, NO_LINES), meanMovingRange: null, sigmaZ: null };
  }
  const centre = mean(values);
  return {
    lines: sameEverywhere(plan, linesAround(centre, Math.sqrt(centre), null)),
    meanMovingRange: null,
    sigmaZ: null,
  };
}

function geometricLimits(values: readonly number[], plan: SegmentPlan): SegmentLimits {
  if (values.length === 0) {
    return { lines: sameEverywhere(plan, NO_LINES), meanMovingRange: null, sigmaZ: null };
  }
  const average = mean(values);
  const around = linesAround(average, Math.sqrt(average * (average + 1)), null);
  return {
    lines: sameEverywhere(plan, { ...around, centre: median(values) }),
    meanMovingRange: null,
    sigmaZ: null,
  };
}

function timeBetweenLimits(
  values: readonly number[],
  plan: SegmentPlan,
  screen: boolean,
): SegmentLimits {
  if (values.length === 0) {
    return { lines: sameEverywhere(plan, NO_LINES), meanMovingRange: null, sigmaZ: null };
  }
  const transformed = values.map((v) => v ** (1 / T_CHART_EXPONENT));
  const centre = mean(transformed);
  const amr = meanMovingRange(transformed, screen);
  const back = (v: number) => (v < 0 ? 0 : v ** T_CHART_EXPONENT);
  const sigma = amr === null ? null : amr / D2;
  const at = (k: number) => (sigma === null ? null : back(centre + k * sigma));
  const lines: LineSet = {
    centre: back(centre),
    lower: at(-3),
    upper: at(3),
    lowerTwoSigma: at(-2),
    upperTwoSigma: at(2),
  };
  return { lines: sameEverywhere(plan, lines), meanMovingRange: amr, sigmaZ: null };
}

export function controlLimits(
  chart: ControlChart,
  points: readonly ChartInputPoint[],
  plan: SegmentPlan,
  screen: boolean,
): SegmentLimits {
  const baseValues = plan.base.map((i) => points[i]?.value ?? Number.NaN);
  switch (chart) {
    case 'xmr': {
      const { meanMovingRange: mr, ...lines } = xmrLimits(baseValues, screen);
      return { lines: sameEverywhere(plan, lines), meanMovingRange: mr, sigmaZ: null };
    }
    case 'p':
    case 'pp':
    case 'u':
    case 'up':
      return ratioLimits(chart, points, plan, screen);
    case 'c':
      return countLimits(baseValues, plan);
    case 'g':
      return geometricLimits(baseValues, plan);
    case 't':
      return timeBetweenLimits(baseValues, plan, screen);
    default: {
      const unknown: never = chart;
      throw new RangeError(`unknown control chart ${String(unknown)}`);
    }
  }
}
