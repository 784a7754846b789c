/**
 * CSV cells that a spreadsheet could run as a formula are neutralised in every
 * CSV written (the browser's measure table and the server's exports), including
 * the full-width, small-form and minus-sign look-alikes that spreadsheets fold
 * into `= + - @`, and formula starts behind leading spaces.
 */
import { describe, expect, it } from 'vitest';
import { neutralise as clientNeutralise } from '../../client/features/measures/csv-export';
import { neutralise as serverNeutralise } from '../../server/export/render-csv';
import { looksLikeFormula } from '../../shared/csv-formula';

const FORMULA_LIKE = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '\t=1',
  '\r=1',
  '\uFF1D1+1', // ＝ full-width equals
  '\uFF0B1+1', // ＋ full-width plus
  '\uFF0D1+1', // － full-width hyphen-minus
  '\uFF20SUM(A1)', // ＠ full-width commercial at
  '\uFE661+1', // ﹦ small equals
  '\uFE621+1', // ﹢ small plus
  '\uFE631+1', // ﹣ small hyphen-minus
  '\uFE6BSUM(A1)', // ﹫ small commercial at
  '\u22121+1', // − minus sign
  '  =1+1',
  '\u3000\uFF1DHYPERLINK("http://x")', // ideographic space, then ＝
  '\u00A0=1', // no-break space, then =
];

describe('formula look-alikes in CSV', () => {
  for (const cell of FORMULA_LIKE) {
    it(`neutralises ${JSON.stringify(cell)} in every CSV writer`, () => {
      expect(looksLikeFormula(cell)).toBe(true);
      expect(serverNeutralise(cell)).toBe(`'${cell}`);
      expect(clientNeutralise(cell)).toBe(`'${cell}`);
    });
  }

  it('leaves ordinary text, dates and (in the measure table) plain numbers alone', () => {
    for (const cell of ['2026-03', 'Falls per 1000 bed days', 'Ａ full-width letter', '']) {
      expect(serverNeutralise(cell)).toBe(cell);
      expect(clientNeutralise(cell)).toBe(cell);
    }
    expect(clientNeutralise('-3')).toBe('-3');
    expect(clientNeutralise('\uFF0D3')).toBe("'\uFF0D3");
  });
});
