import { describe, expect, it } from 'vitest';
import {
  describeChange,
  describeTest,
  effectSizeWord,
  formatP,
} from '../../shared/evaluation/survey-words';
import { midRanks, wilcoxonSignedRank } from '../../shared/evaluation/wilcoxon';

/** Pairs whose after − before are the given differences. */
function fromDifferences(differences: readonly number[]) {
  return differences.map((difference) => ({ before: 0, after: difference }));
}

/** Brute force over every sign assignment: the definition the counting must agree with. */
function bruteForceP(ranks: readonly number[], tPlus: number): number {
  let atMost = 0;
  let atLeast = 0;
  const total = 2 ** ranks.length;
  for (let mask = 0; mask < total; mask += 1) {
    let sum = 0;
    ranks.forEach((rank, index) => {
      if (mask & (1 << index)) sum += rank;
    });
    if (sum <= tPlus + 1e-9) atMost += 1;
    if (sum >= tPlus - 1e-9) atLeast += 1;
  }
  return Math.min(1, (2 * Math.min(atMost, atLeast)) / total);
}

describe('Wilcoxon signed-rank test', () => {
  it("reproduces Darwin's Zea mays differences (Fisher 1935; SciPy's worked example): T+ 96, exact p 0.041259765625", () => {
    const result = wilcoxonSignedRank(
      fromDifferences([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]),
    );
    expect(result).toMatchObject({ n: 15, zeros: 0, tPlus: 96, tMinus: 24, method: 'exact' });
    expect(result.p).toBeCloseTo(0.041259765625, 12);
    expect(result.effectSize).toBeCloseTo(0.6, 12);
  });

  it('reproduces the Hamilton depression scale example (Hollander & Wolfe 1973, p. 29; R: V = 40, one-sided p 0.01953)', () => {
    const first = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const second = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const result = wilcoxonSignedRank(
      first.map((before, index) => ({ before, after: second[index] ?? Number.NaN })),
    );
    // After − before: the scores fell, so T− is R's V for x − y.
    expect(result).toMatchObject({ n: 9, tPlus: 5, tMinus: 40, method: 'exact' });
    expect(result.p).toBeCloseTo(2 * 0.01953125, 10);
  });

  it('drops zeros and gives tied differences their average rank', () => {
    expect(midRanks([3, 1, 3, 2, 3])).toEqual([4, 1, 4, 2, 4]);
    const result = wilcoxonSignedRank(fromDifferences([0, 1, -1, 2, 0, 2, 3]));
    // |d| 1, 1, 2, 2, 3 → ranks 1.5, 1.5, 3.5, 3.5, 5.
    expect(result).toMatchObject({ pairs: 7, zeros: 2, n: 5, tPlus: 13.5, tMinus: 1.5 });
  });

  it('counts the exact distribution with ties as enumerating every sign assignment does', () => {
    const samples = [
      [1, 1, 1, -1, 2, 2, -2, 3, 4, 4],
      [2, 2, 2, 2, 2, -2, 1, 1, -1, 3, 3, 3],
      [-1, -1, -1, 1, 2, -2, -3, 1, 1, 4, 4, -4, 2],
      [1, 1, 1, 1, 1, 1, 1, 1],
    ];
    for (const differences of samples) {
      const result = wilcoxonSignedRank(fromDifferences(differences));
      const ranks = midRanks(differences.map((difference) => Math.abs(difference)));
      expect(result.method).toBe('exact');
      expect(result.p).toBeCloseTo(bruteForceP(ranks, result.tPlus), 12);
    }
  });

  it('uses the normal approximation beyond 25 pairs, with the tie-corrected variance and continuity correction', () => {
    // Twelve +1, four −1, eight +2, three +3 and three zeros: n = 27 after dropping zeros.
    // Ranks: sixteen |1| share 8.5, eight |2| share 20.5, three |3| share 26.
    // T− = 4 × 8.5 = 34, T+ = 378 − 34 = 344, mean 27·28/4 = 189,
    // variance 27·28·55/24 − (16³−16 + 8³−8 + 3³−3)/48 = 1732.5 − 96 = 1636.5,
    // z = (344 − 189 − 0.5)/√1636.5 = 154.5/40.4537 = 3.81918, two-sided p = 1.339e-4.
    const differences = [
      ...new Array<number>(12).fill(1),
      ...new Array<number>(4).fill(-1),
      ...new Array<number>(8).fill(2),
      ...new Array<number>(3).fill(3),
      0,
      0,
      0,
    ];
    const result = wilcoxonSignedRank(fromDifferences(differences));
    expect(result).toMatchObject({ n: 27, zeros: 3, tPlus: 344, tMinus: 34, method: 'normal' });
    expect(result.z).toBeCloseTo(3.81918, 4);
    expect(result.p).toBeCloseTo(1.339e-4, 6);
  });

  it('switches at 25: exact for 25 pairs, normal for 26', () => {
    const up = (n: number) => fromDifferences(Array.from({ length: n }, (_, i) => (i % 5) + 1));
    expect(wilcoxonSignedRank(up(25)).method).toBe('exact');
    expect(wilcoxonSignedRank(up(26)).method).toBe('normal');
    // Everyone better with 25 distinct-enough pairs: p = 2 / 2^25.
    const allDistinct = fromDifferences(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(wilcoxonSignedRank(allDistinct).p).toBeCloseTo(2 / 2 ** 25, 15);
  });

  it('has no p-value when nothing changed', () => {
    const result = wilcoxonSignedRank(fromDifferences([0, 0, 0]));
    expect(result).toMatchObject({ pairs: 3, zeros: 3, n: 0, p: null, effectSize: null });
  });
});

describe('survey findings in words', () => {
  const paired = (differences: readonly number[]) => {
    const test = wilcoxonSignedRank(fromDifferences(differences));
    return {
      test,
      medianChange: 1,
      improved: differences.filter((d) => d > 0).length,
      same: differences.filter((d) => d === 0).length,
      worse: differences.filter((d) => d < 0).length,
    };
  };

  it('says whether a change is significant, in which direction, and how large', () => {
    const darwin = paired([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]);
    expect(describeTest(darwin)).toBe(
      'Wilcoxon signed-rank test (exact): p = 0.041, a statistically significant change (answers higher after the lab). Effect size 0.60 (large).',
    );
    expect(describeChange(darwin)).toBe(
      'Of 15 people who answered before and after, 13 rated this higher after the lab, 0 the same and 2 lower (median change +1).',
    );
    const small = paired([1, -1, 2, 0]);
    expect(describeTest(small)).toMatch(/not statistically significant at the 5% level/);
    expect(describeTest(paired([0, 0]))).toBe(
      'Nobody’s answer changed, so there is nothing to test.',
    );
  });

  it('bands effect sizes and writes p-values as people read them', () => {
    expect([0.05, 0.1, 0.3, 0.5, -0.7].map(effectSizeWord)).toEqual([
      'negligible',
      'small',
      'medium',
      'large',
      'large',
    ]);
    expect(formatP(0.0004)).toBe('less than 0.001');
    expect(formatP(0.078125)).toBe('0.078');
  });
});
