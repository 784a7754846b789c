/** Order statistics for the reported figures (nearest-rank, no interpolation). */

/** The `q` quantile (0 < q ≤ 1) of values sorted in ascending order. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  const value = sorted[rank - 1];
  if (value === undefined) throw new Error(`no value at rank ${rank}`);
  return value;
}

export function median(values: readonly number[]): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Each figure's median over rounds (each round a fresh server process). */
export function medianOfEach<T extends Record<keyof T, number>>(rounds: readonly T[]): T {
  const [first] = rounds;
  if (first === undefined) throw new Error('median of no rounds');
  const figures = { ...first };
  for (const key of Object.keys(first) as Array<keyof T>) {
    figures[key] = median(rounds.map((round) => round[key])) as T[keyof T];
  }
  return figures;
}

/**
 * Ours against the baseline over paired rounds, as the ratio of their totals: it uses
 * every round, where a ratio of two medians rests on one round of each (printed beside
 * the medians, not instead of them). Null when the baseline's total is not positive.
 */
export function pooledRatio(ours: readonly number[], baseline: readonly number[]): number | null {
  if (ours.length !== baseline.length) throw new Error('pooled ratio of unpaired rounds');
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const base = sum(baseline);
  return base > 0 ? sum(ours) / base : null;
}
