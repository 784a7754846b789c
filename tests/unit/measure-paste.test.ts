/**
 * Reading pastes from a spreadsheet: a column (or block) pasted into the data table fills
 * downward and rightward, adding rows; rows pasted into the paste box become points. Either the
 * whole paste is usable or nothing is written and each bad line is named.
 */
import { describe, expect, it } from 'vitest';
import { pasteColumns } from '../../client/features/measures/grid-columns';
import { parsePastedRows, pastedLines, planGridPaste } from '../../client/features/measures/paste';

const VALUES = pasteColumns('values'); // period, value, note
const PROPORTIONS = pasteColumns('proportions'); // period, numerator, denominator, note

describe('pasted lines', () => {
  it('splits on any line end and drops the line end a spreadsheet copy leaves at the end', () => {
    expect(pastedLines('1\r\n2\n3\r4\r\n')).toEqual(['1', '2', '3', '4']);
    expect(pastedLines('1\n\n2\n\n')).toEqual(['1', '', '2']);
  });
});

describe('a paste into the data table', () => {
  it('leaves a single cell to the browser', () => {
    expect(planGridPaste('12', 0, 1, VALUES, 3)).toBeNull();
    expect(planGridPaste('12\n', 0, 1, VALUES, 3)).toBeNull();
  });

  it('fills a column downward from the cell, adding the rows it needs', () => {
    const plan = planGridPaste('15\r\n16\r\n 14 \r\n', 2, 1, VALUES, 3);
    expect(plan).toEqual({
      ok: true,
      rowsToAdd: 2,
      writes: [
        { row: 2, column: 'value', value: 15 },
        { row: 3, column: 'value', value: 16 },
        { row: 4, column: 'value', value: 14 },
      ],
    });
  });

  it('fills to the right from tab-separated cells, periods as text and an empty number as none', () => {
    const plan = planGridPaste('2025-01\t10\tfirst\n2025-02\t\t', 0, 0, VALUES, 5);
    expect(plan).toEqual({
      ok: true,
      rowsToAdd: 0,
      writes: [
        { row: 0, column: 'period', value: '2025-01' },
        { row: 0, column: 'value', value: 10 },
        { row: 0, column: 'note', value: 'first' },
        { row: 1, column: 'period', value: '2025-02' },
        { row: 1, column: 'value', value: null },
        { row: 1, column: 'note', value: '' },
      ],
    });
    const one = planGridPaste('7\t40', 0, 1, PROPORTIONS, 1);
    expect(one).toMatchObject({
      ok: true,
      writes: [
        { column: 'numerator', value: 7 },
        { column: 'denominator', value: 40 },
      ],
    });
  });

  it('refuses the whole paste, naming each line, when a number is not one or cells overflow', () => {
    expect(planGridPaste('1\nabc\n3\n4\tx\t\ty', 0, 1, VALUES, 0)).toEqual({
      ok: false,
      issues: [
        { line: 2, message: 'value "abc" is not a number' },
        { line: 4, message: '4 cells do not fit from this column' },
      ],
    });
  });
});

describe('rows in the paste box', () => {
  it('reads comma- or tab-separated rows, skipping blank lines and a header', () => {
    expect(parsePastedRows('period,value\n2025-01, 10\n\n2025-02\t12.5\n', 'values')).toEqual({
      ok: true,
      points: [
        { period: '2025-01', value: 10, numerator: null, denominator: null },
        { period: '2025-02', value: 12.5, numerator: null, denominator: null },
      ],
    });
  });

  it('keeps numerator and denominator for proportions', () => {
    expect(parsePastedRows('Week 1, 7, 40', 'proportions')).toEqual({
      ok: true,
      points: [{ period: 'Week 1', value: null, numerator: 7, denominator: 40 }],
    });
  });

  it('names every bad line and adds nothing', () => {
    const result = parsePastedRows('2025-01,1\n,2\n2025-03\n2025-04,x', 'values');
    expect(result).toEqual({
      ok: false,
      issues: [
        { line: 2, message: 'period is empty' },
        { line: 3, message: 'expected 2 cells (period, value), found 1' },
        { line: 4, message: 'value "x" is not a number' },
      ],
    });
    expect(parsePastedRows('w1,3,0', 'proportions')).toEqual({
      ok: false,
      issues: [{ line: 1, message: 'denominator is 0, so there is no proportion' }],
    });
    expect(parsePastedRows('\n\n', 'values')).toEqual({
      ok: false,
      issues: [{ line: 1, message: 'there are no rows' }],
    });
  });
});
