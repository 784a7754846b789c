/**
 * A measure's chart settings and data points read from its document, by the
 * same rules as the client's measure page (`client/features/measures/
 * measure-data.ts`): the rule set and control chart as `shared/documents/
 * measure-rules.ts` reads them; proportions chart numerator ÷
 * denominator; a point is excluded only with a reason; a re-base reason starts
 * a new segment. Lenient, as co-edited data is: a row without a usable value is
 * left off the chart but kept in the data.
 */
import type { ControlChart, Direction, RuleSet } from '../../shared/charts/index';
import { proportionProblem } from '../../shared/charts/proportions';
import type { FieldValue } from '../../shared/documents/item-doc';
import { controlChartOf, ruleSetOf } from '../../shared/documents/measure-rules';
import type { MeasurePoint } from './report-model';
import { cleanText } from './safe-text';

export interface MeasureSettings {
  readonly rules: RuleSet;
  /** With the `mdc` rules, the control chart; XmR when none is stored (older measures). */
  readonly controlChart: ControlChart;
  /** Points that set each segment's centre line; null for the rule set's default. */
  readonly baseline: number | null;
  readonly recordedAs: 'values' | 'proportions';
  readonly direction: Direction | null;
  readonly target: number | null;
}

const num = (value: FieldValue | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const text = (value: FieldValue | undefined) =>
  typeof value === 'string' ? cleanText(value.trim()) : '';

export function measureSettings(fields: Readonly<Record<string, FieldValue>>): MeasureSettings {
  const baseline = num(fields.baseline);
  return {
    rules: ruleSetOf(fields.chart, fields.rules),
    controlChart: controlChartOf(fields.controlChart) ?? 'xmr',
    baseline: baseline !== null && Number.isInteger(baseline) && baseline >= 1 ? baseline : null,
    recordedAs: fields.recordedAs === 'proportions' ? 'proportions' : 'values',
    direction: fields.direction === 'up' || fields.direction === 'down' ? fields.direction : null,
    target: num(fields.target),
  };
}

function counts(
  row: Readonly<Record<string, FieldValue>>,
  recordedAs: MeasureSettings['recordedAs'],
): { numerator: number; denominator: number } | Record<string, never> {
  const numerator = num(row.numerator);
  const denominator = num(row.denominator);
  return recordedAs === 'proportions' && numerator !== null && denominator !== null
    ? { numerator, denominator }
    : {};
}

function chartedValue(
  row: Readonly<Record<string, FieldValue>>,
  recordedAs: MeasureSettings['recordedAs'],
) {
  if (recordedAs === 'values') return num(row.value);
  const numerator = num(row.numerator);
  const denominator = num(row.denominator);
  if (numerator === null || denominator === null) return null;
  return proportionProblem(numerator, denominator) ? null : numerator / denominator;
}

/** A PDSA cycle's title by its item id, for the points that followed one. */
export type PdsaNames = ReadonlyMap<string, string>;

export function measurePoints(
  rows: ReadonlyArray<Readonly<Record<string, FieldValue>>>,
  recordedAs: MeasureSettings['recordedAs'],
  pdsaNames: PdsaNames = new Map(),
): MeasurePoint[] {
  return rows.map((row) => {
    const reason = text(row.excludedReason);
    const pdsaId = typeof row.pdsaId === 'string' && row.pdsaId !== '' ? row.pdsaId : null;
    return {
      // As the measure page names a cycle it cannot see.
      pdsa: pdsaId === null ? null : cleanText(pdsaNames.get(pdsaId) ?? 'a PDSA cycle'),
      period: text(row.period),
      value: chartedValue(row, recordedAs),
      note: text(row.note),
      excluded: row.excluded === 'yes' && reason !== '' ? reason : null,
      rebase: text(row.rebaseReason) || null,
      ...counts(row, recordedAs),
    };
  });
}
