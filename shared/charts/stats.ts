/**
 * The few statistics the charts need (median, mean, moving ranges) and the one comparison every
 * rule uses to place a value against a computed line.
 */

/** Median of a non-empty list; the mean of the middle two for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle];
  if (upper === undefined) {
    throw new RangeError('median of an empty list');
  }
  if (sorted.length % 2 === 1) {
    return upper;
  }
  const lower = sorted[middle - 1] ?? upper;
  return (lower + upper) / 2;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) {
    throw new RangeError('mean of an empty list');
  }
  let sum = 0;
  for (const value of values) {
    sum += value;
  }
  return sum / values.length;
}

/** |x[i] − x[i−1]| for consecutive values. */
export function movingRanges(values: readonly number[]): number[] {
  const ranges: number[] = [];
  for (let i = 1; i < values.length; i++) {
    ranges.push(Math.abs((values[i] ?? 0) - (values[i - 1] ?? 0)));
  }
  return ranges;
}

/*
 * Centre lines and limits are computed (a mean, 2.66 × a mean moving range), so a value a person
 * typed as "exactly on the limit" can differ from it in the last binary digit. The rules treat
 * "on the line" specially (on the median: not useful; on a limit: not outside), so a value within
 * a relative 1e-10 of the line counts as on it. Real data never differ by that little.
 */
const RELATIVE_TOLERANCE = 1e-10;

/** -1 below, 0 on, 1 above the line (with the tolerance above). */
export function compareToLine(value: number, line: number): -1 | 0 | 1 {
  const scale = Math.max(Math.abs(value), Math.abs(line));
  if (Math.abs(value - line) <= RELATIVE_TOLERANCE * scale) {
    return 0;
  }
  return value > line ? 1 : -1;
}

/** Exact -1/0/1 step between two observed values (no arithmetic happened, so no tolerance). */
export function step(from: number, to: number): -1 | 0 | 1 {
  if (to === from) {
    return 0;
  }
  return to > from ? 1 : -1;
}
