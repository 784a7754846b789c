/**
 * Measure data as CSV: export in the shape import reads back, with formula-like cells
 * neutralised for spreadsheets (but plain numbers left numbers), and import through the chart
 * engine's reader, with problems named by line.
 */
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvFileName,
  measureCsv,
  neutralise,
} from '../../client/features/measures/csv-export';
import { readMeasureCsvFile } from '../../client/features/measures/csv-import';
import { type PointRow, pointRow } from '../../client/features/measures/measure-data';

const row = (over: Partial<Record<string, string | number | null>>): PointRow =>
  pointRow({ id: 'r', period: '', ...over });

describe('CSV export', () => {
  it('puts a quote before cells a spreadsheet would run as a formula', () => {
    expect(neutralise('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(neutralise('+44 20')).toBe("'+44 20");
    expect(neutralise('-cmd')).toBe("'-cmd");
    expect(neutralise('@import')).toBe("'@import");
    expect(neutralise('\tx')).toBe("'\tx");
    expect(neutralise('\rx')).toBe("'\rx");
    expect(neutralise('2025-01')).toBe('2025-01');
  });

  it('leaves plain numbers, negative ones included, as numbers', () => {
    expect(neutralise('-3')).toBe('-3');
    expect(neutralise('+2.5e3')).toBe('+2.5e3');
  });

  it('quotes cells with commas, quotes, line breaks or edge spaces, after neutralising', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('Jan, week 1')).toBe('"Jan, week 1"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('writes values or numerators and denominators under the header import expects', () => {
    const rows = [row({ period: '2025-01', value: 10 }), row({ period: '=1+1', value: null })];
    expect(measureCsv(rows, 'values')).toBe("period,value\r\n2025-01,10\r\n'=1+1,\r\n");
    const proportions = [row({ period: 'w1', numerator: 7, denominator: 40, value: 99 })];
    expect(measureCsv(proportions, 'proportions')).toBe(
      'period,numerator,denominator\r\nw1,7,40\r\n',
    );
  });

  it('round-trips through import', () => {
    const rows = [row({ period: 'Jan, 2025', value: -1.5 }), row({ period: '2025-02', value: 3 })];
    expect(readMeasureCsvFile(measureCsv(rows, 'values'))).toEqual({
      ok: true,
      recordedAs: 'values',
      points: [
        { period: 'Jan, 2025', value: -1.5, numerator: null, denominator: null },
        { period: '2025-02', value: 3, numerator: null, denominator: null },
      ],
    });
  });

  it('names the file after the measure', () => {
    expect(csvFileName('Falls per 1,000 bed days')).toBe('falls-per-1-000-bed-days-data.csv');
    expect(csvFileName('***')).toBe('measure-data.csv');
  });
});

describe('CSV import', () => {
  it('keeps the numerator and denominator of proportions', () => {
    const file = 'period,numerator,denominator\r\n"Week 1",7,40\r\nWeek 2, 9 ,45\r\n';
    expect(readMeasureCsvFile(file)).toEqual({
      ok: true,
      recordedAs: 'proportions',
      points: [
        { period: 'Week 1', value: null, numerator: 7, denominator: 40 },
        { period: 'Week 2', value: null, numerator: 9, denominator: 45 },
      ],
    });
  });

  it('reports problems with their line numbers', () => {
    expect(readMeasureCsvFile('period,value\n2025-01,1\n2025-02,abc\n')).toEqual({
      ok: false,
      issues: [{ line: 3, message: 'value "abc" is not a number' }],
    });
    expect(readMeasureCsvFile('when,what\n1,2\n')).toMatchObject({
      ok: false,
      issues: [{ line: 1 }],
    });
  });
});
