/**
 * Numbers written without `Intl` read exactly as `Intl.NumberFormat('en-GB')` writes
 * them, for the fraction digits the aim (6) and the charts (3) use: over thousands of
 * seeded random numbers of every size, halves, negatives, zeros and carries.
 */
import { describe, expect, it } from 'vitest';
import { formatGroupedNumber } from '../../shared/english-number';
import { seededRandom } from '../helpers/seeded-random';

const random = seededRandom(3_122_026);
const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.0000005,
  0.0000015,
  0.0005,
  -0.0004,
  999.9995,
  999999.9999999,
  1234567.1234567,
  123456789012.34567,
  1e15,
  1e21,
  -2.5e-7,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  ...Array.from({ length: 6_000 }, () => {
    const scale = 10 ** Math.floor(random() * 16 - 8);
    const value = (random() - 0.3) * scale;
    // Some with few decimals, as people type them; some with a half to round.
    if (random() < 0.3) return Math.round(value * 1000) / 1000;
    if (random() < 0.2) return Math.round(value * 2000) / 2000 + 0.0005;
    return value;
  }),
];

describe('numbers written out in English', () => {
  it.each([6, 3])('read as Intl writes them with up to %i decimals', (digits) => {
    const format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits });
    for (const value of NUMBERS) {
      expect(formatGroupedNumber(value, digits), String(value)).toBe(format.format(value));
    }
  });
});
