/**
 * Scales and SVG path strings for a measure's chart: linear value scale with round ticks, point
 * positions along the time axis, and the path of a line through points. Pure, so the tests can
 * check the numbers the picture is drawn from.
 */

export interface Xy {
  readonly x: number;
  readonly y: number;
}

/** Maps `domain` onto `range` linearly; a domain of one value maps to the middle of the range. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** Round steps (1, 2, 2.5, 5 × 10ⁿ) giving about `count` ticks from `min` to `max`. */
export function niceStep(min: number, max: number, count = 5): number {
  const span = max - min || Math.abs(max) || 1;
  const rough = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
}

/**
 * The value axis: the smallest round-stepped interval holding every value, and its ticks. An
 * empty list gives 0 to 1; a single value gets a step of room either side.
 */
export function valueAxis(
  values: readonly number[],
  count = 5,
): { min: number; max: number; ticks: number[] } {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { min: 0, max: 1, ticks: [0, 0.5, 1] };
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (low === high) {
    const pad = Math.abs(low) / 10 || 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(low, high, count);
  // Rounded to 12 significant digits, so that 0.30000000000000004 never shows up as a tick.
  const round = (n: number) => Number(n.toPrecision(12));
  const min = round(Math.floor(low / step) * step);
  const max = round(Math.ceil(high / step) * step);
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step / 1e6; i++) ticks.push(round(min + i * step));
  return { min, max, ticks };
}

/** The x of point `index` of `count`, each point centred in an equal slot across the plot. */
export function slotX(index: number, count: number, left: number, right: number): number {
  const slot = (right - left) / Math.max(count, 1);
  return left + slot * (index + 0.5);
}

/** Indices of the time-axis labels: about `most` of them, evenly spaced, always the first. */
export function labelledIndices(count: number, most: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(most, 1)));
  const indices: number[] = [];
  for (let i = 0; i < count; i += step) indices.push(i);
  return indices;
}

const coordinate = (n: number) => String(Math.round(n * 10) / 10);

/** `M x,y L x,y …` through the points; empty for no points. */
export function linePath(points: readonly Xy[]): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${coordinate(p.x)},${coordinate(p.y)}`)
    .join(' ');
}

/** A horizontal line from `x1` to `x2` at `y`, as a path. */
export function horizontalPath(x1: number, x2: number, y: number): string {
  return linePath([
    { x: x1, y },
    { x: x2, y },
  ]);
}
