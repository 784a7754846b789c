/**
 * The four Making Data Count special-cause rules, applied to the included points of one segment,
 * and the classification of each point. Semantics follow NHSRplotthedots
 * (R/ptd_spc_standard.R, R/ptd_calculate_point_type.R) and the Making Data Count team's XmR
 * testing document, where they agree:
 *  - outside_limits: strictly above the upper or below the lower limit (on a limit is inside);
 *  - two_of_three: in three consecutive points, all on the same side of the mean, at least two
 *    lie beyond the two-sigma line but not beyond the limit (a point beyond the limit counts for
 *    outside_limits instead). Overlapping windows merge into one signal; only the points beyond
 *    two sigma become special cause;
 *  - run_of_seven: 7+ consecutive points on one side of the mean; a point on the mean breaks it;
 *  - trend_of_seven: 7+ consecutive points each higher (or each lower) than the last; an equal
 *    neighbour breaks it; the only rule that crosses the mean.
 * The same four rules apply to every control chart (docs/charts.md): "the mean" is the centre
 * line drawn (the median on a g chart) and the limits are each point's own.
 * `pointsForSignificance: 6` applies the run and trend rules at six points, the alternative the
 * Making Data Count tools offer; the rule ids stay the same.
 */

import { mergeOverlapping, monotoneChains, type Sign, type Stretch, sideRuns } from './patterns';
import type { LineSet } from './control-limits';
import { compareToLine } from './stats';
import type { MdcRule, Side } from './types';

export type PointsForSignificance = 6 | 7;

export interface MdcStretch {
  rule: MdcRule;
  from: number;
  to: number;
  direction: 1 | -1;
}

export interface MdcSegmentFindings {
  stretches: MdcStretch[];
  /** Per position: side of a special cause, or null for common cause. */
  sides: (Side | null)[];
}

interface Placement {
  side: Sign;
  outside: boolean;
  /** Beyond the two-sigma line on its side, but not outside the limits. */
  nearLimit: boolean;
}

function place(value: number, limits: LineSet | undefined): Placement {
  if (!limits) {
    return { side: 0, outside: false, nearLimit: false };
  }
  const side = limits.centre === null ? 0 : compareToLine(value, limits.centre);
  if (limits.upper === null || limits.lower === null) {
    return { side, outside: false, nearLimit: false };
  }
  const outside = compareToLine(value, limits.upper) > 0 || compareToLine(value, limits.lower) < 0;
  const beyondTwoSigma =
    (limits.upperTwoSigma !== null && compareToLine(value, limits.upperTwoSigma) > 0) ||
    (limits.lowerTwoSigma !== null && compareToLine(value, limits.lowerTwoSigma) < 0);
  return { side, outside, nearLimit: beyondTwoSigma && !outside };
}

function twoOfThree(placements: readonly Placement[]): Stretch[] {
  const windows: Stretch[] = [];
  for (let i = 0; i + 2 < placements.length; i++) {
    const trio = placements.slice(i, i + 3);
    const side = trio[0]?.side ?? 0;
    const sameSide = side !== 0 && trio.every((p) => p.side === side);
    const near = trio.filter((p) => p.nearLimit).length;
    if (sameSide && near >= 2) {
      windows.push({ from: i, to: i + 2, count: 3, direction: side });
    }
  }
  return mergeOverlapping(windows);
}

/**
 * `lines` holds each position's own centre, limits and two-sigma lines: the same at every point
 * on most charts, stepping with the denominator on p, p′, u and u′ charts.
 */
export function findMdcSignals(
  values: readonly number[],
  lines: readonly LineSet[],
  pointsForSignificance: PointsForSignificance,
): MdcSegmentFindings {
  const placements = values.map((value, i) => place(value, lines[i]));
  const stretches: MdcStretch[] = [];
  placements.forEach((p, i) => {
    if (p.outside) {
      stretches.push({ rule: 'outside_limits', from: i, to: i, direction: p.side === 1 ? 1 : -1 });
    }
  });
  const add = (rule: MdcRule, found: readonly Stretch[], minimum: number) => {
    for (const s of found) {
      if (s.count >= minimum) {
        stretches.push({ rule, from: s.from, to: s.to, direction: s.direction });
      }
    }
  };
  add('two_of_three', twoOfThree(placements), 3);
  add(
    'run_of_seven',
    sideRuns(
      placements.map((p) => p.side),
      'break',
    ),
    pointsForSignificance,
  );
  add('trend_of_seven', monotoneChains(values, 'break'), pointsForSignificance);
  return { stretches, sides: classifySides(placements, stretches) };
}

const toSide = (direction: number): Side => (direction > 0 ? 'high' : 'low');

/**
 * Which side each point's special cause is on, by NHSRplotthedots' precedence: outside the limits
 * (its side of the mean), then a trend (its direction; a point shared by two trends takes the
 * later one, NHSRplotthedots' "use right side"), then two-of-three (only points beyond two sigma),
 * then a run (its side). Making Data Count's Excel tool instead shows improvement whenever rules
 * conflict; the precedence is the documented alternative its testing document allows.
 */
function classifySides(
  placements: readonly Placement[],
  stretches: readonly MdcStretch[],
): (Side | null)[] {
  const covering = (rule: MdcRule, i: number) =>
    stretches.filter((s) => s.rule === rule && i >= s.from && i <= s.to);
  return placements.map((p, i) => {
    if (p.outside) {
      return toSide(p.side);
    }
    const trends = covering('trend_of_seven', i);
    const latestTrend = trends[trends.length - 1];
    if (latestTrend) {
      return toSide(latestTrend.direction);
    }
    if (p.nearLimit && covering('two_of_three', i).length > 0) {
      return toSide(p.side);
    }
    const run = covering('run_of_seven', i)[0];
    return run ? toSide(run.direction) : null;
  });
}
