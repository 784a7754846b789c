/**
 * Which control chart suits a measure's data, with one plain sentence saying why, for the
 * measure page to offer (the person can always choose another). Making Data Count recommends
 * XmR for any measure by default, and Laney's p′ and u′ where denominators are so large that p
 * and u limits hug the centre line and nearly every point "signals" (Mohammed et al., BMJ Qual
 * Saf 2013;22:362–368).
 *  - One value per period: XmR.
 *  - Numerator and denominator: a rate (u) if any numerator exceeds its denominator, else a
 *    proportion (p); the prime chart when the median denominator is at least
 *    LARGE_DENOMINATOR, or when the periods already vary at least OVER_DISPERSED_SIGMA_Z times
 *    more than the binomial or Poisson model allows (Laney's σz).
 */

import type { ChartInputPoint, ControlChart } from './types';
import { xmrChart } from './xmr';
import { median } from './stats';

/** Denominators from here on make p and u limits too tight to be useful (thousands of cases). */
export const LARGE_DENOMINATOR = 1000;
/** σz from here on: the periods vary twice as much as chance alone would make them. */
export const OVER_DISPERSED_SIGMA_Z = 2;

export interface ChartSuggestion {
  chart: ControlChart;
  /** A short plain explanation: the data, an arrow, the chart, and why. */
  reason: string;
}

const XMR_REASON =
  'One value per period → XmR chart, Making Data Count’s default for any measure. Counts with the same opportunity each period can use a c chart; days or cases between rare events a t or g chart.';

function sigmaZ(points: readonly ChartInputPoint[], chart: 'pp' | 'up'): number | null {
  if (points.length < 2) return null;
  try {
    return xmrChart(points, { chart }).segments[0]?.sigmaZ ?? null;
  } catch {
    // Rows the chart refuses are reported where they are charted; here they only mean no σz.
    return null;
  }
}

export function suggestChart(
  recordedAs: 'values' | 'proportions',
  points: readonly ChartInputPoint[],
): ChartSuggestion {
  if (recordedAs === 'values') return { chart: 'xmr', reason: XMR_REASON };
  const usable = points.filter(
    (p) =>
      p.numerator !== undefined &&
      p.denominator !== undefined &&
      Number.isFinite(p.numerator) &&
      Number.isFinite(p.denominator) &&
      p.denominator > 0 &&
      p.numerator >= 0,
  );
  const rate = usable.some((p) => (p.numerator ?? 0) > (p.denominator ?? 0));
  const name = rate ? 'u' : 'p';
  const what = rate
    ? 'Numerator and denominator, some numerators above their denominators (a rate)'
    : 'Numerator and denominator (a proportion)';
  const typical = usable.length > 0 ? median(usable.map((p) => p.denominator ?? 0)) : 0;
  const z = sigmaZ(usable, rate ? 'up' : 'pp');
  if (typical >= LARGE_DENOMINATOR) {
    return {
      chart: rate ? 'up' : 'pp',
      reason: `${what}, large denominators (typically ${Math.round(typical).toLocaleString('en-GB')}) → ${name}′ chart: with denominators this large ${name} chart limits hug the centre line and nearly every point looks special; Laney’s ${name}′ widens them by the variation seen between periods.`,
    };
  }
  if (z !== null && z >= OVER_DISPERSED_SIGMA_Z) {
    return {
      chart: rate ? 'up' : 'pp',
      reason: `${what}, periods varying ${z.toFixed(1)} times more than chance allows → ${name}′ chart: Laney’s ${name}′ sets limits from the variation actually seen between periods.`,
    };
  }
  return {
    chart: rate ? 'u' : 'p',
    reason: `${what} → ${name} chart: its limits widen and narrow with each period’s denominator.`,
  };
}
