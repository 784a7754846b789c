/**
 * The Wilcoxon signed-rank test for paired before/after answers (a lab's evaluation
 * survey: the same person's rating before and after the lab).
 *
 * Zeros (no change) are dropped before ranking, as Wilcoxon proposed and as R's
 * `wilcox.test` and SciPy's `wilcoxon` do by default; tied absolute differences get
 * their average rank. The statistic is T+ (the sum of the ranks of the positive
 * differences, R's `V`).
 *
 * With at most `EXACT_LIMIT` non-zero differences the p-value is exact: the null
 * distribution of T+ is counted over all 2^n sign assignments of the observed ranks,
 * ties included (ranks are doubled so average ranks stay integers). Statistics
 * libraries give exact p-values only without ties, and survey answers on a 1–5 scale
 * are nearly always tied, so the counting is written here. Beyond the limit the normal
 * approximation is used, with the variance corrected for ties and a continuity
 * correction of ½, as R does.
 *
 * The effect size is the matched-pairs rank-biserial correlation (Kerby 2014),
 * (T+ − T−) / (T+ + T−): from −1 (everyone worse) to +1 (everyone better).
 */
import { errorFunction } from 'simple-statistics';

export const EXACT_LIMIT = 25;

export interface WilcoxonResult {
  /** Pairs given. */
  readonly pairs: number;
  /** Pairs with no change, left out of the ranking. */
  readonly zeros: number;
  /** Pairs ranked (pairs − zeros). */
  readonly n: number;
  readonly tPlus: number;
  readonly tMinus: number;
  /** Two-sided p-value; null when nothing changed (n = 0). */
  readonly p: number | null;
  readonly method: 'exact' | 'normal';
  /** z of the normal approximation (with continuity correction); null when exact. */
  readonly z: number | null;
  /** Matched-pairs rank-biserial correlation; null when n = 0. */
  readonly effectSize: number | null;
}

export interface Pair {
  readonly before: number;
  readonly after: number;
}

/** Average (mid) ranks of `values`, 1-based, in their given order. */
export function midRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    const rank = (start + end + 2) / 2;
    for (let k = start; k <= end; k += 1) {
      const entry = order[k];
      if (entry) ranks[entry.index] = rank;
    }
    start = end + 1;
  }
  return ranks;
}

/** Standard normal cumulative distribution. */
function normalCdf(z: number): number {
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/**
 * Exact two-sided p-value of T+ = `tPlus` given the ranks: the number of sign
 * assignments at least as extreme, counted by dynamic programming over the doubled
 * rank sums (at most 2 × 325 for n = 25, so the table is tiny).
 */
function exactP(ranks: readonly number[], tPlus: number): number {
  const doubled = ranks.map((rank) => Math.round(rank * 2));
  const total = doubled.reduce((sum, rank) => sum + rank, 0);
  let counts = new Float64Array(total + 1);
  counts[0] = 1;
  for (const rank of doubled) {
    const next = new Float64Array(total + 1);
    for (let sum = 0; sum <= total; sum += 1) {
      const ways = counts[sum] ?? 0;
      if (ways === 0) continue;
      next[sum] = (next[sum] ?? 0) + ways;
      next[sum + rank] = (next[sum + rank] ?? 0) + ways;
    }
    counts = next;
  }
  const observed = Math.round(tPlus * 2);
  let atMost = 0;
  let atLeast = 0;
  for (let sum = 0; sum <= total; sum += 1) {
    const ways = counts[sum] ?? 0;
    if (sum <= observed) atMost += ways;
    if (sum >= observed) atLeast += ways;
  }
  const assignments = 2 ** ranks.length;
  return Math.min(1, (2 * Math.min(atMost, atLeast)) / assignments);
}

function normalP(ranks: readonly number[], tPlus: number): { p: number; z: number } {
  const n = ranks.length;
  const mean = (n * (n + 1)) / 4;
  const tieSizes = new Map<number, number>();
  for (const rank of ranks) tieSizes.set(rank, (tieSizes.get(rank) ?? 0) + 1);
  let tieCorrection = 0;
  for (const size of tieSizes.values()) tieCorrection += size ** 3 - size;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieCorrection / 48;
  const difference = tPlus - mean;
  const corrected = difference === 0 ? 0 : difference - Math.sign(difference) * 0.5;
  const z = variance > 0 ? corrected / Math.sqrt(variance) : 0;
  return { p: Math.min(1, 2 * (1 - normalCdf(Math.abs(z)))), z };
}

export function wilcoxonSignedRank(pairs: readonly Pair[]): WilcoxonResult {
  const differences = pairs
    .map((pair) => pair.after - pair.before)
    .filter((difference) => Number.isFinite(difference));
  const nonZero = differences.filter((difference) => difference !== 0);
  const ranks = midRanks(nonZero.map((difference) => Math.abs(difference)));
  let tPlus = 0;
  let tMinus = 0;
  nonZero.forEach((difference, index) => {
    const rank = ranks[index] ?? 0;
    if (difference > 0) tPlus += rank;
    else tMinus += rank;
  });
  const n = nonZero.length;
  const base = { pairs: differences.length, zeros: differences.length - n, n, tPlus, tMinus };
  if (n === 0) return { ...base, p: null, method: 'exact', z: null, effectSize: null };
  const effectSize = (tPlus - tMinus) / (tPlus + tMinus);
  if (n <= EXACT_LIMIT) {
    return { ...base, p: exactP(ranks, tPlus), method: 'exact', z: null, effectSize };
  }
  const { p, z } = normalP(ranks, tPlus);
  return { ...base, p, method: 'normal', z, effectSize };
}
