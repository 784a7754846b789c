import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ISSUES, parseCsv, parseMeasureCsv } from '../../../shared/charts';

describe('parseCsv', () => {
  it('reads LF, CRLF and CR line ends and remembers where each record starts', () => {
    const result = parseCsv('a,b\r\n1,2\n3,4\r5,6');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
        { line: 3, fields: ['3', '4'] },
        { line: 4, fields: ['5', '6'] },
      ],
    });
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const result = parseCsv('"a,1","say ""hi""","two\r\nlines"\n"next",x\n');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a,1', 'say "hi"', 'two\r\nlines'] },
        { line: 3, fields: ['next', 'x'] },
      ],
    });
  });

  it('skips a byte-order mark', () => {
    expect(parseCsv('\uFEFFperiod,value\n')).toEqual({
      ok: true,
      records: [{ line: 1, fields: ['period', 'value'] }],
    });
  });

  it('names the line of an unclosed quote and of text after a closing quote', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      issue: { line: 2, message: 'a quoted field is not closed' },
    });
    expect(parseCsv('a,b\n"x"y,1\n')).toEqual({
      ok: false,
      issue: { line: 2, message: 'unexpected text after a closing quote' },
    });
    expect(parseCsv('a,b\nx"y,1\n')).toEqual({
      ok: false,
      issue: { line: 2, message: 'a quote inside an unquoted field' },
    });
  });
});

describe('parseMeasureCsv', () => {
  it('reads period,value rows', () => {
    const result = parseMeasureCsv('period,value\n2024-01,12.5\n2024-02,-3\n2024-03,1e2\n');
    expect(result).toEqual({
      ok: true,
      data: {
        kind: 'values',
        points: [
          { period: '2024-01', value: 12.5 },
          { period: '2024-02', value: -3 },
          { period: '2024-03', value: 100 },
        ],
        lines: [2, 3, 4],
      },
    });
  });

  it('reads period,numerator,denominator rows as proportions with their counts, tolerating CRLF and blank tail', () => {
    const text = 'Period, Numerator ,Denominator\r\n"2024-01",3,4\r\n"Jan, 2024",1,8\r\n\r\n\r\n';
    const result = parseMeasureCsv(text);
    expect(result).toEqual({
      ok: true,
      data: {
        kind: 'proportions',
        points: [
          // The counts stay with the value: p, p′, u and u′ charts weight by the denominators.
          { period: '2024-01', value: 0.75, numerator: 3, denominator: 4 },
          { period: 'Jan, 2024', value: 0.125, numerator: 1, denominator: 8 },
        ],
        lines: [2, 3],
      },
    });
  });

  it('names the line of a value that is not a number', () => {
    const result = parseMeasureCsv('period,value\n2024-01,1\n2024-02,2\n2024-03,abc\n');
    expect(result).toEqual({
      ok: false,
      issues: [{ line: 4, message: 'value "abc" is not a number' }],
    });
  });

  it.each([
    ['1,000', 'value "1,000" is not a number'],
    ['NaN', 'value "NaN" is not a number'],
    ['Infinity', 'value "Infinity" is not a number'],
    ['0x10', 'value "0x10" is not a number'],
    ['1e999', 'value "1e999" is too large'],
    ['', 'value is empty'],
  ])('rejects the value %j', (raw, message) => {
    const quoted = raw.includes(',') ? `"${raw}"` : raw;
    expect(parseMeasureCsv(`period,value\n2024-01,${quoted}\n`)).toEqual({
      ok: false,
      issues: [{ line: 2, message }],
    });
  });

  it('reports every bad row, each with its line', () => {
    const text = 'period,value\n2024-01,1\n,2\n2024-03\n\n2024-05,5,6\n';
    expect(parseMeasureCsv(text)).toEqual({
      ok: false,
      issues: [
        { line: 3, message: 'period is empty' },
        { line: 4, message: 'expected 2 fields (period,value), found 1' },
        { line: 5, message: 'empty line between data rows' },
        { line: 6, message: 'expected 2 fields (period,value), found 3' },
      ],
    });
  });

  it('reports a zero or negative denominator on its line', () => {
    const text = 'period,numerator,denominator\n2024-01,1,2\n2024-02,1,0\n2024-03,1,-4\n';
    expect(parseMeasureCsv(text)).toEqual({
      ok: false,
      issues: [
        { line: 3, message: 'denominator is 0, so there is no proportion' },
        { line: 4, message: 'denominator must be greater than 0' },
      ],
    });
  });

  it('needs a known header and at least one row', () => {
    expect(parseMeasureCsv('')).toEqual({
      ok: false,
      issues: [{ line: 1, message: 'the file is empty; expected a header row' }],
    });
    expect(parseMeasureCsv('date,value\n2024-01,1\n')).toEqual({
      ok: false,
      issues: [
        {
          line: 1,
          message:
            'header must be "period,value" or "period,numerator,denominator", found "date,value"',
        },
      ],
    });
    expect(parseMeasureCsv('period,value\n\n')).toEqual({
      ok: false,
      issues: [{ line: 2, message: 'no data rows after the header' }],
    });
  });

  it('stops after a bounded number of problems', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `p${i},x`).join('\n');
    const result = parseMeasureCsv(`period,value\n${rows}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(MAX_REPORTED_ISSUES);
      expect(result.issues[0]).toEqual({ line: 2, message: 'value "x" is not a number' });
    }
  });
});
