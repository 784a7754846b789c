/**
 * The class a chart gives a signal (improvement, concern or neutral), shared by the
 * screen and the exports. Making Data Count's XmR classes come from the engine; run
 * charts have none there, so a run-chart signal takes its class from its side of the
 * median (a shift) or its way (a trend) against the direction of improvement.
 */
import {
  type Chart,
  type Direction,
  type PointType,
  pointType,
  type RuleName,
  type Side,
} from './index';

/** The side of the centre line a run-chart signal is on, or the way a trend goes. */
function runSignalSide(chart: Chart, rule: RuleName, from: number, to: number): Side | null {
  const stretch = chart.points.slice(from, to + 1).filter((p) => !p.excluded);
  if (rule === 'trend') {
    const first = stretch[0]?.value ?? 0;
    const last = stretch[stretch.length - 1]?.value ?? 0;
    return last > first ? 'high' : last < first ? 'low' : null;
  }
  const off = stretch.find((p) => p.centre !== null && p.value !== p.centre);
  if (!off || off.centre === null) return null;
  return off.value > off.centre ? 'high' : 'low';
}

export function signalClass(
  chart: Chart,
  rule: RuleName,
  from: number,
  to: number,
  direction: Direction | null,
): PointType {
  if (chart.rules === 'mdc') return chart.points[to]?.type ?? 'special_cause_neutral';
  const side = runSignalSide(chart, rule, from, to);
  return side === null ? 'special_cause_neutral' : pointType(side, direction);
}
