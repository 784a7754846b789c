/**
 * The chart as a table, row for row from the same model as the picture: each point's value,
 * centre line, limits (XmR), the signals covering it, its class, and its marks. The segment-wide
 * signals (number of runs or crossings) follow as a list, since they belong to no single point.
 */

import { RULE_LABELS, RULE_NAMES_SHORT, SEGMENT_RULES } from '../../../shared/charts/chart-labels';
import { formatNumber, formatOptional } from '../../../shared/charts/chart-number';
import type { ViewPoint } from '../../../shared/charts/chart-view';
import {
  pointClassText,
  pointMarksText,
  pointSignalNames,
} from '../../../shared/charts/chart-words';
import { RULE_NAMES } from '../../../shared/charts/index';
import { DataTable } from '../../lib/DataTable';
import type { ChartModel } from './chart-model';

function cells(model: ChartModel, point: ViewPoint): string[] {
  const limits =
    model.rules === 'mdc' ? [formatOptional(point.lower), formatOptional(point.upper)] : [];
  return [
    point.period,
    formatNumber(point.value),
    formatOptional(point.centre),
    ...limits,
    pointSignalNames(point) || 'none',
    pointClassText(point),
    pointMarksText(model, point),
  ];
}

export function ChartDataTable({ model }: { model: ChartModel }) {
  const limits = model.rules === 'mdc' ? ['Lower limit', 'Upper limit'] : [];
  const headings = ['Period', 'Value', model.centreName, ...limits, 'Signals', 'Type', 'Marks'];
  const segmentSignals = model.signals.filter((s) => SEGMENT_RULES.has(s.rule));
  const named = RULE_NAMES.filter((rule) => model.points.some((p) => p.signals.includes(rule)));
  return (
    <>
      <DataTable
        caption={`${model.title || 'Measure'}: chart data`}
        headings={headings}
        testId="chart-data-table"
        rows={model.points.map((point) => ({
          key: String(point.index),
          cells: cells(model, point),
        }))}
      />
      {named.length > 0 && (
        <ul className="nhsuk-list nhsuk-body-s" aria-label="What the signal names mean">
          {named.map((rule) => (
            <li key={rule}>
              <strong>{RULE_NAMES_SHORT[rule]}</strong>: {RULE_LABELS[rule]}
            </li>
          ))}
        </ul>
      )}
      {segmentSignals.length > 0 && (
        <ul
          className="nhsuk-list nhsuk-body-s"
          aria-label="Signals across a whole segment"
          data-testid="segment-signals"
        >
          {segmentSignals.map((s) => (
            <li key={`${s.rule}-${s.segment}`}>{s.text}</li>
          ))}
        </ul>
      )}
    </>
  );
}
