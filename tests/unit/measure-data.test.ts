/**
 * A measure's document as the measure screen reads and writes it: the definition with its
 * defaults, points from rows half typed in, and the writes behind a paste or an import (one
 * transaction; rows written before a column existed get its Y.Text on first write).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEXT_COLUMNS } from '../../client/features/measures/grid-columns';
import {
  chartPoints,
  pointRow,
  readDefinition,
  readPointRows,
} from '../../client/features/measures/measure-data';
import {
  addPoint,
  applyCellWrites,
  importPoints,
  pointRows,
} from '../../client/features/measures/point-writes';
import { initItemDoc, setFieldValue } from '../../shared/documents/item-doc';
import { ruleSetOf } from '../../shared/documents/measure-rules';

function measureDoc(): Y.Doc {
  const doc = new Y.Doc();
  initItemDoc(doc, 'measure', 'Falls');
  return doc;
}

describe('measure definition', () => {
  it('reads an IHI run chart of values when nothing is set', () => {
    expect(readDefinition(measureDoc())).toEqual({
      type: null,
      definition: '',
      unit: '',
      frequency: '',
      direction: null,
      target: null,
      recordedAs: 'values',
      rules: 'ihi',
      controlChart: 'xmr',
      controlChartChosen: false,
      baseline: null,
    });
  });

  it('reads a measure stored before control chart types (no controlChart field) as XmR', () => {
    // An XmR measure as older versions wrote it: rules and chart, nothing more.
    const doc = measureDoc();
    doc.getMap('fields').set('rules', 'mdc');
    doc.getMap('fields').set('chart', 'xmr');
    expect(doc.getMap('fields').has('controlChart')).toBe(false);
    expect(readDefinition(doc)).toMatchObject({
      rules: 'mdc',
      controlChart: 'xmr',
      controlChartChosen: false,
    });
    // A value no version writes (a damaged or future document) reads as XmR too.
    doc.getMap('fields').set('controlChart', 'x-bar');
    expect(readDefinition(doc).controlChart).toBe('xmr');
  });

  it('stores and reads the chosen control chart; refuses one that does not exist', () => {
    const doc = measureDoc();
    setFieldValue(doc, 'measure', 'rules', 'mdc');
    setFieldValue(doc, 'measure', 'controlChart', 'pp');
    expect(readDefinition(doc)).toMatchObject({ controlChart: 'pp', controlChartChosen: true });
    expect(() => setFieldValue(doc, 'measure', 'controlChart', 'x-bar')).toThrow(
      '"x-bar" is not a valid Control chart',
    );
    expect(readDefinition(doc).controlChart).toBe('pp');
  });

  it('takes the rule set from `rules`, else from the chart type', () => {
    expect(ruleSetOf('run', 'anhoej')).toBe('anhoej');
    expect(ruleSetOf('run', 'mdc')).toBe('mdc');
    expect(ruleSetOf('xmr', null)).toBe('mdc');
    expect(ruleSetOf('run', null)).toBe('ihi');
  });

  it('stores the new measure fields as validated plain values', () => {
    const doc = measureDoc();
    setFieldValue(doc, 'measure', 'rules', 'mdc');
    setFieldValue(doc, 'measure', 'chart', 'xmr');
    setFieldValue(doc, 'measure', 'baseline', 12);
    setFieldValue(doc, 'measure', 'recordedAs', 'proportions');
    expect(() => setFieldValue(doc, 'measure', 'rules', 'nelson')).toThrow();
    expect(readDefinition(doc)).toMatchObject({
      rules: 'mdc',
      baseline: 12,
      recordedAs: 'proportions',
    });
  });
});

describe('chart points from rows', () => {
  const names = new Map([['pdsa-1', 'Cycle 1']]);

  it('charts rows with a value and says which rows wait for data', () => {
    const rows = [
      pointRow({ id: 'a', period: '2025-01', value: 4, note: 'start', pdsaId: 'pdsa-1' }),
      pointRow({ id: 'b', period: '2025-02', value: null }),
      pointRow({ id: 'c', period: '', value: 6, pdsaId: 'gone' }),
      pointRow({ id: 'd', period: '2025-04', value: null }),
    ];
    expect(chartPoints(rows, 'values', names)).toEqual({
      points: [
        {
          period: '2025-01',
          value: 4,
          excludedReason: null,
          note: 'start',
          pdsa: 'Cycle 1',
          rebaseReason: '',
        },
        {
          period: 'Row 3',
          value: 6,
          excludedReason: null,
          note: '',
          pdsa: 'a PDSA cycle',
          rebaseReason: '',
        },
      ],
      notes: ['Not on the chart until they have data: rows 2, 4.'],
    });
  });

  it('keeps a point excluded without a reason in the calculations, and says so', () => {
    const rows = [
      pointRow({ id: 'a', period: 'w1', value: 1, excluded: 'yes', excludedReason: ' ' }),
    ];
    const { points, notes } = chartPoints(rows, 'values', names);
    expect(points[0]?.excludedReason).toBe('');
    expect(notes).toEqual(['Row 1 is marked excluded but has no reason, so it is still included.']);
  });

  it('divides numerator by denominator, and names a row with no proportion', () => {
    const rows = [
      pointRow({ id: 'a', period: 'w1', numerator: 3, denominator: 4 }),
      pointRow({ id: 'b', period: 'w2', numerator: 3, denominator: 0 }),
      pointRow({ id: 'c', period: 'w3', numerator: 3, denominator: null }),
    ];
    const { points, notes } = chartPoints(rows, 'proportions', names);
    expect(points.map((p) => p.value)).toEqual([0.75]);
    expect(notes).toEqual([
      'Not on the chart until they have data: row 3.',
      'Row 2 is not on the chart: denominator is 0, so there is no proportion.',
    ]);
  });
});

describe('writes to the points', () => {
  it('fills cells and adds rows in one transaction', () => {
    const doc = measureDoc();
    addPoint(doc, { period: '2025-01', value: 1 });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    applyCellWrites(
      doc,
      [
        { row: 0, column: 'value', value: 10 },
        { row: 1, column: 'value', value: 11 },
        { row: 1, column: 'period', value: '2025-02' },
      ],
      1,
      TEXT_COLUMNS,
    );
    expect(transactions).toBe(1);
    expect(readPointRows(doc).map((r) => [r.period, r.value])).toEqual([
      ['2025-01', 10],
      ['2025-02', 11],
    ]);
  });

  it('gives a row written before a text column existed its Y.Text on the first write', () => {
    const doc = measureDoc();
    const old = new Y.Map<unknown>();
    old.set('id', 'old');
    old.set('period', new Y.Text('2024-12'));
    old.set('value', 3);
    pointRows(doc).push([old]);
    applyCellWrites(doc, [{ row: 0, column: 'excludedReason', value: 'Audit' }], 0, TEXT_COLUMNS);
    expect(old.get('excludedReason')).toBeInstanceOf(Y.Text);
    expect(readPointRows(doc)[0]?.excludedReason).toBe('Audit');
  });

  it('imports after the existing rows, or in their place', () => {
    const doc = measureDoc();
    addPoint(doc, { period: 'old', value: 1 });
    const point = { period: 'new', value: 2, numerator: null, denominator: null };
    importPoints(doc, [point], false);
    expect(readPointRows(doc).map((r) => r.period)).toEqual(['old', 'new']);
    importPoints(doc, [point, { ...point, period: 'newer' }], true);
    expect(readPointRows(doc).map((r) => r.period)).toEqual(['new', 'newer']);
    expect(readPointRows(doc).every((r) => r.id.length === 16)).toBe(true);
  });
});
