/**
 * Centre line and process limits of an XmR chart (NHS England "Making Data Count"):
 * mean ± 2.66 × mean moving range, and the two-sigma lines at mean ± 2/3 × 2.66 × mean moving
 * range. Computed per segment from the points that set them (the frozen baseline, or all).
 *
 * Moving ranges are taken between consecutive included points, so an excluded point is bridged
 * rather than leaving two ranges out (as qicharts2 does; NHSRplotthedots has no exclusions).
 * Screening moving ranges (dropping those ≥ 3.267 × the mean, Nelson 1982) is off unless asked
 * for: the Making Data Count tools do not screen; NHSRplotthedots screens by default
 * (`screen_outliers = TRUE`, its "Deviations from Excel defaults" vignette).
 */

import { mean, movingRanges } from './stats';

export const XMR_LIMIT_FACTOR = 2.66;
export const XMR_TWO_SIGMA_FACTOR = (2 / 3) * XMR_LIMIT_FACTOR;
export const MOVING_RANGE_SCREEN_FACTOR = 3.267;
/** Making Data Count: limits from fewer points than this are trial limits. */
export const MDC_TRIAL_LIMIT_POINTS = 12;

export interface XmrLimits {
  centre: number | null;
  lower: number | null;
  upper: number | null;
  lowerTwoSigma: number | null;
  upperTwoSigma: number | null;
  meanMovingRange: number | null;
}

export function meanMovingRange(values: readonly number[], screen: boolean): number | null {
  const ranges = movingRanges(values);
  if (ranges.length === 0) {
    return null;
  }
  const average = mean(ranges);
  if (!screen) {
    return average;
  }
  // Same test as NHSRplotthedots: keep ranges strictly below the screening limit.
  const kept = ranges.filter((range) => range < MOVING_RANGE_SCREEN_FACTOR * average);
  return kept.length > 0 ? mean(kept) : average;
}

export function xmrLimits(baseValues: readonly number[], screen: boolean): XmrLimits {
  if (baseValues.length === 0) {
    return {
      centre: null,
      lower: null,
      upper: null,
      lowerTwoSigma: null,
      upperTwoSigma: null,
      meanMovingRange: null,
    };
  }
  const centre = mean(baseValues);
  const mr = meanMovingRange(baseValues, screen);
  if (mr === null) {
    return {
      centre,
      lower: null,
      upper: null,
      lowerTwoSigma: null,
      upperTwoSigma: null,
      meanMovingRange: null,
    };
  }
  return {
    centre,
    lower: centre - XMR_LIMIT_FACTOR * mr,
    upper: centre + XMR_LIMIT_FACTOR * mr,
    lowerTwoSigma: centre - XMR_TWO_SIGMA_FACTOR * mr,
    upperTwoSigma: centre + XMR_TWO_SIGMA_FACTOR * mr,
    meanMovingRange: mr,
  };
}
