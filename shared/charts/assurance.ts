/**
 * Making Data Count assurance: can the process be relied on to meet its target? Compares the
 * target with the process limits (NHSRplotthedots R/ptd_calculate_assurance_type.R; the MDC XmR
 * testing document): a target beyond the limits on the side every point already beats passes
 * consistently, beyond them on the other side fails consistently, and a target within the limits
 * (a target exactly on a limit included) is hit and miss. No direction, target or limits: no
 * assurance. With re-bases, the latest segment's limits are the ones that count.
 */

import { compareToLine } from './stats';
import {
  type Assurance,
  ChartInputError,
  DIRECTIONS,
  type Direction,
  type XmrSegment,
} from './types';

export function assuranceFor(
  limits: { lower: number | null; upper: number | null },
  target: number | null | undefined,
  direction: Direction | null | undefined,
): Assurance | null {
  if (target === null || target === undefined || !direction) {
    return null;
  }
  if (!Number.isFinite(target)) {
    throw new ChartInputError('target_not_finite', 'target must be a finite number');
  }
  if (limits.lower === null || limits.upper === null) {
    return null;
  }
  const aboveUpper = compareToLine(target, limits.upper) > 0;
  const belowLower = compareToLine(target, limits.lower) < 0;
  if (!aboveUpper && !belowLower) {
    return 'hit_and_miss';
  }
  switch (direction) {
    case 'up':
      return aboveUpper ? 'consistent_fail' : 'consistent_pass';
    case 'down':
      return aboveUpper ? 'consistent_pass' : 'consistent_fail';
    default: {
      const unknown: never = direction;
      throw new RangeError(`unknown direction ${String(unknown)}; expected ${DIRECTIONS}`);
    }
  }
}

/** Assurance for a chart: the latest segment's limits against the target. */
export function chartAssurance(
  segments: readonly XmrSegment[],
  target: number | null | undefined,
  direction: Direction | null | undefined,
): Assurance | null {
  const latest = segments[segments.length - 1];
  return latest ? assuranceFor(latest, target, direction) : null;
}
