/**
 * Limits for the number of runs on an IHI run chart.
 *
 * For 10–26 useful observations the limits are Perla, Provost & Murray's Table 1 (BMJ Qual Saf
 * 2011;20:46–51), used as published. Beyond 26 they are computed from the exact distribution of
 * the number of runs (Swed & Eisenhart 1943) with half the points above and half below the median
 * and 2.5% in each tail: the construction the table is based on. That computation reproduces the
 * table for most n but not all (the table is one run looser at n = 11, 12, 17, 20, 22, 23, 25 for
 * "too few" and at 11, 12, 20, 22 for "too many"; the tests list every n), so the table is a
 * lookup and the computation only takes over beyond it. Below 10 useful observations the runs
 * rule does not apply.
 */

export interface RunsLimits {
  /** Too few runs when `runs < lower`. */
  lower: number;
  /** Too many runs when `runs > upper`. */
  upper: number;
}

export const PERLA_TABLE_FIRST_N = 10;

/** Perla et al. Table 1, indexed by useful observations − 10. */
export const PERLA_RUNS_TABLE: readonly RunsLimits[] = [
  [3, 9],
  [3, 10],
  [3, 11],
  [4, 11],
  [4, 12],
  [5, 12],
  [5, 13],
  [5, 13],
  [6, 14],
  [6, 15],
  [6, 16],
  [7, 16],
  [7, 17],
  [7, 17],
  [8, 18],
  [8, 18],
  [9, 19],
].map(([lower = 0, upper = 0]) => ({ lower, upper }));

export const PERLA_TABLE_LAST_N = PERLA_TABLE_FIRST_N + PERLA_RUNS_TABLE.length - 1;

/** Two-sided 5%: each tail may hold at most 1/40 of the arrangements. */
const TAIL_DENOMINATOR = 40n;

/** C(n, k) for 0 ≤ k ≤ n as an exact integer (0 outside that range). */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n || n < 0) {
    return 0n;
  }
  let result = 1n;
  const smaller = Math.min(k, n - k);
  for (let i = 0; i < smaller; i++) {
    result = (result * BigInt(n - i)) / BigInt(i + 1);
  }
  return result;
}

/**
 * Number of arrangements of `above` + `below` points that have exactly `runs` runs
 * (Swed & Eisenhart 1943, the runs distribution under randomness).
 */
export function runsArrangements(above: number, below: number, runs: number): bigint {
  if (runs < 2) {
    return runs === 1 && (above === 0 || below === 0) ? 1n : 0n;
  }
  const k = Math.floor(runs / 2);
  if (runs % 2 === 0) {
    return 2n * choose(above - 1, k - 1) * choose(below - 1, k - 1);
  }
  return (
    choose(above - 1, k) * choose(below - 1, k - 1) +
    choose(above - 1, k - 1) * choose(below - 1, k)
  );
}

/**
 * Limits from the exact runs distribution for `useful` observations split as evenly as possible
 * about the median: runs below `lower` (or above `upper`) have a combined probability of at most
 * 2.5% under random variation.
 */
export function swedEisenhartRunsLimits(useful: number): RunsLimits {
  const above = Math.ceil(useful / 2);
  const below = Math.floor(useful / 2);
  const total = choose(useful, above);
  let lower = 2;
  let cumulative = runsArrangements(above, below, 2);
  while (cumulative * TAIL_DENOMINATOR <= total) {
    lower++;
    cumulative += runsArrangements(above, below, lower);
  }
  let upper = useful;
  let tail = runsArrangements(above, below, upper);
  while (tail * TAIL_DENOMINATOR <= total) {
    upper--;
    tail += runsArrangements(above, below, upper);
  }
  return { lower, upper };
}

/** IHI limits for the number of runs, or `null` below 10 useful observations. */
export function ihiRunsLimits(useful: number): RunsLimits | null {
  if (useful < PERLA_TABLE_FIRST_N) {
    return null;
  }
  const tabled = PERLA_RUNS_TABLE[useful - PERLA_TABLE_FIRST_N];
  return tabled ?? swedEisenhartRunsLimits(useful);
}
