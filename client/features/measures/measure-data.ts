/**
 * A measure as plain data: its definition from the `fields` map and its points from the
 * `list.points` rows, and the chart input they make. The reading is lenient (a row half typed
 * in is normal while people co-edit): a row with no value yet is simply not charted, and what
 * was set aside is said in sentences next to the chart.
 */
import type * as Y from 'yjs';
import type { ChartViewOptions, ChartViewPoint } from '../../../shared/charts/chart-view';
import { proportionProblem } from '../../../shared/charts/proportions';
import type { ControlChart, Direction, RuleSet } from '../../../shared/charts/types';
import { type FieldValue, readFields, readRows } from '../../../shared/documents/item-doc';
import { controlChartOf, ruleSetOf } from '../../../shared/documents/measure-rules';

export type RecordedAs = 'values' | 'proportions';

export interface MeasureDefinition {
  readonly type: string | null;
  readonly definition: string;
  readonly unit: string;
  readonly frequency: string;
  readonly direction: Direction | null;
  readonly target: number | null;
  readonly recordedAs: RecordedAs;
  readonly rules: RuleSet;
  /** The control chart drawn with the `mdc` rules; XmR when none is stored (older measures). */
  readonly controlChart: ControlChart;
  /** Whether a control chart was chosen and stored, rather than XmR by default. */
  readonly controlChartChosen: boolean;
  readonly baseline: number | null;
}

export interface PointRow {
  readonly id: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly note: string;
  readonly excluded: boolean;
  readonly excludedReason: string;
  readonly pdsaId: string | null;
  readonly rebaseReason: string;
}

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value : '');
const num = (value: FieldValue | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function readDefinition(doc: Y.Doc): MeasureDefinition {
  const f = readFields(doc, 'measure');
  const controlChart = controlChartOf(f.controlChart);
  return {
    type: typeof f.type === 'string' ? f.type : null,
    definition: text(f.definition),
    unit: text(f.unit),
    frequency: text(f.frequency),
    direction: f.direction === 'up' || f.direction === 'down' ? f.direction : null,
    target: num(f.target),
    recordedAs: f.recordedAs === 'proportions' ? 'proportions' : 'values',
    rules: ruleSetOf(f.chart, f.rules),
    controlChart: controlChart ?? 'xmr',
    controlChartChosen: controlChart !== null,
    baseline: num(f.baseline),
  };
}

export function pointRow(raw: Readonly<Record<string, FieldValue>>): PointRow {
  return {
    id: text(raw.id),
    period: text(raw.period),
    value: num(raw.value),
    numerator: num(raw.numerator),
    denominator: num(raw.denominator),
    note: text(raw.note),
    excluded: raw.excluded === 'yes',
    excludedReason: text(raw.excludedReason),
    pdsaId: typeof raw.pdsaId === 'string' && raw.pdsaId !== '' ? raw.pdsaId : null,
    rebaseReason: text(raw.rebaseReason),
  };
}

export function readPointRows(doc: Y.Doc): PointRow[] {
  return readRows(doc, 'points').map(pointRow);
}

export type RowValue = { value: number } | { missing: true } | { problem: string };

/** The value a row charts; missing while it is being typed; a problem when it has none. */
export function rowValue(row: PointRow, recordedAs: RecordedAs): RowValue {
  if (recordedAs === 'values') return row.value === null ? { missing: true } : { value: row.value };
  if (row.numerator === null || row.denominator === null) return { missing: true };
  const problem = proportionProblem(row.numerator, row.denominator);
  return problem ? { problem: problem.message } : { value: row.numerator / row.denominator };
}

function listRows(rows: readonly number[]): string {
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows.join(', ')}`;
}

/** Chart points from the rows, and sentences about the rows that could not be charted as typed. */
export function chartPoints(
  rows: readonly PointRow[],
  recordedAs: RecordedAs,
  pdsaNames: ReadonlyMap<string, string>,
): { points: ChartViewPoint[]; notes: string[] } {
  const points: ChartViewPoint[] = [];
  const pending: number[] = [];
  const notes: string[] = [];
  rows.forEach((row, i) => {
    const result = rowValue(row, recordedAs);
    if ('missing' in result) {
      pending.push(i + 1);
      return;
    }
    if ('problem' in result) {
      notes.push(`Row ${i + 1} is not on the chart: ${result.problem}.`);
      return;
    }
    const reason = row.excludedReason.trim();
    if (row.excluded && !reason) {
      notes.push(`Row ${i + 1} is marked excluded but has no reason, so it is still included.`);
    }
    points.push({
      period: row.period.trim() || `Row ${i + 1}`,
      value: result.value,
      // p, p′, u and u′ charts weight by the counts behind each proportion.
      ...(recordedAs === 'proportions' && row.numerator !== null && row.denominator !== null
        ? { numerator: row.numerator, denominator: row.denominator }
        : {}),
      excludedReason: row.excluded ? reason : null,
      note: row.note,
      pdsa: row.pdsaId ? (pdsaNames.get(row.pdsaId) ?? 'a PDSA cycle') : null,
      rebaseReason: row.rebaseReason,
    });
  });
  if (pending.length > 0)
    notes.unshift(`Not on the chart until they have data: ${listRows(pending)}.`);
  return { points, notes };
}

export function chartOptions(
  definition: MeasureDefinition,
  title: string,
  showTwoSigma: boolean,
): ChartViewOptions {
  return {
    rules: definition.rules,
    chart: definition.rules === 'mdc' ? definition.controlChart : null,
    title,
    unit: definition.unit.trim(),
    direction: definition.direction,
    target: definition.target,
    baseline: definition.baseline,
    showTwoSigma,
  };
}
