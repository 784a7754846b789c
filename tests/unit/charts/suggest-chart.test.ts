import { describe, expect, it } from 'vitest';
import {
  type ChartInputPoint,
  LARGE_DENOMINATOR,
  OVER_DISPERSED_SIGMA_Z,
  suggestChart,
} from '../../../shared/charts';

const ratios = (
  numerators: readonly number[],
  denominators: readonly number[],
): ChartInputPoint[] =>
  numerators.map((numerator, i) => {
    const denominator = denominators[i] ?? 1;
    return { period: `m${i + 1}`, value: numerator / denominator, numerator, denominator };
  });

describe('suggestChart', () => {
  it('suggests XmR for one value per period, naming the alternatives', () => {
    const suggestion = suggestChart('values', [{ period: 'a', value: 3 }]);
    expect(suggestion.chart).toBe('xmr');
    expect(suggestion.reason).toMatch(/^One value per period → XmR chart/);
  });

  it('suggests p for proportions with small denominators that vary as chance allows', () => {
    const suggestion = suggestChart(
      'proportions',
      ratios([4, 5, 3, 6, 5, 4], [40, 50, 30, 60, 45, 40]),
    );
    expect(suggestion.chart).toBe('p');
    expect(suggestion.reason).toBe(
      'Numerator and denominator (a proportion) → p chart: its limits widen and narrow with each period’s denominator.',
    );
  });

  it(`suggests p′ when the denominators are typically ${LARGE_DENOMINATOR} or more`, () => {
    const suggestion = suggestChart('proportions', ratios([950, 2900, 1920], [1000, 3000, 2000]));
    expect(suggestion.chart).toBe('pp');
    expect(suggestion.reason).toMatch(/large denominators \(typically 2,000\) → p′ chart/);
  });

  it(`suggests p′ for small denominators that vary ${OVER_DISPERSED_SIGMA_Z}× more than chance`, () => {
    const suggestion = suggestChart(
      'proportions',
      ratios([2, 40, 3, 45, 1, 38], [50, 50, 50, 50, 50, 50]),
    );
    expect(suggestion.chart).toBe('pp');
    expect(suggestion.reason).toMatch(/periods varying \d+\.\d times more than chance allows → p′/);
  });

  it('suggests u (or u′) when a numerator exceeds its denominator: a rate', () => {
    expect(suggestChart('proportions', ratios([12, 9, 11], [10, 10, 10])).chart).toBe('u');
    expect(suggestChart('proportions', ratios([11, 12, 10], [10, 10, 10])).chart).toBe('u');
    expect(suggestChart('proportions', ratios([1200, 1500, 1300], [1000, 1000, 1000])).chart).toBe(
      'up',
    );
  });
});
