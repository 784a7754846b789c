/**
 * The survey's findings in words, for the results page and the lab report: one
 * sentence per paired comparison that a non-statistician can read, with the test,
 * its p-value and the size of the effect.
 */
import type { PairedComparison } from './survey-results';

/** Significance level the sentences use. */
export const ALPHA = 0.05;

/** Conventional bands for a rank-biserial correlation (Cohen's small, medium, large). */
export function effectSizeWord(effectSize: number): 'negligible' | 'small' | 'medium' | 'large' {
  const size = Math.abs(effectSize);
  if (size >= 0.5) return 'large';
  if (size >= 0.3) return 'medium';
  if (size >= 0.1) return 'small';
  return 'negligible';
}

/** p as people read it: two significant figures, "less than 0.001" below that. */
export function formatP(p: number): string {
  if (p < 0.001) return 'less than 0.001';
  return String(Number(p.toPrecision(2)));
}

const people = (count: number) => (count === 1 ? '1 person' : `${count} people`);

export function describeChange(paired: PairedComparison): string {
  const total = paired.improved + paired.same + paired.worse;
  const change =
    paired.medianChange === 0
      ? 'no change'
      : `${paired.medianChange > 0 ? '+' : ''}${paired.medianChange}`;
  return (
    `Of ${people(total)} who answered before and after, ${paired.improved} rated this higher after the lab, ` +
    `${paired.same} the same and ${paired.worse} lower (median change ${change}).`
  );
}

export function describeTest(paired: PairedComparison): string {
  const { test } = paired;
  if (test.p === null || test.effectSize === null) {
    return 'Nobody’s answer changed, so there is nothing to test.';
  }
  const significant = test.p < ALPHA;
  const direction = test.tPlus >= test.tMinus ? 'higher' : 'lower';
  const verdict = significant
    ? `a statistically significant change (answers ${direction} after the lab)`
    : 'not statistically significant at the 5% level';
  const method = test.method === 'exact' ? 'exact' : 'normal approximation';
  return (
    `Wilcoxon signed-rank test (${method}): p = ${formatP(test.p)}, ${verdict}. ` +
    `Effect size ${test.effectSize.toFixed(2)} (${effectSizeWord(test.effectSize)}).`
  );
}
