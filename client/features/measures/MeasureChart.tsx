/**
 * A measure's chart from its points and options (pure props): a run chart with its median or
 * an XmR chart with its mean and limits, signals marked by colour, shape and words, the Making
 * Data Count icons, the chart in words, its key, and the same content as a data table. Nothing
 * here reads a document, so the lab overview and the measure page draw it the same way.
 */
import { useId, useMemo } from 'react';
import type {
  ChartView,
  ChartViewOptions,
  ChartViewPoint,
} from '../../../shared/charts/chart-view';
import { signalsSentence } from '../../../shared/charts/chart-words';
import { chartIcons } from '../../../shared/charts/mdc-icons';
import { ChartDataTable } from './ChartDataTable';
import { ChartLegend, ChartMarksList } from './ChartLegend';
import { ChartSvg } from './ChartSvg';
import { chartModel } from './chart-model';
import { MdcIconView } from './MdcIcons';
import './measures.css';

export interface MeasureChartProps {
  readonly points: readonly ChartViewPoint[];
  readonly options: ChartViewOptions;
  /** Announce changes to the signals politely (on the page where the data is being edited). */
  readonly announceSignals?: boolean;
}

function Icons({ model }: { model: ChartView }) {
  const icons = chartIcons(model);
  if (icons.length === 0) return null;
  return (
    <div className="measure-chart__icons">
      {icons.map((icon) => (
        <MdcIconView key={icon.kind} icon={icon} />
      ))}
    </div>
  );
}

export function MeasureChart({ points, options, announceSignals = false }: MeasureChartProps) {
  const model = useMemo(() => chartModel(points, options), [points, options]);
  const id = useId();
  const summaryId = `${id}-summary`;
  return (
    <div
      className="measure-chart"
      data-testid="measure-chart"
      data-rules={model.rules}
      data-chart={model.chart ?? 'run'}
    >
      <p className="nhsuk-body-s measure-chart__type" data-testid="chart-type">
        {model.chartName}
      </p>
      {model.error ? (
        <p className="nhsuk-error-message">The chart cannot be drawn: {model.error}</p>
      ) : model.points.length === 0 ? (
        <p className="nhsuk-body">No data on the chart yet.</p>
      ) : (
        <>
          <Icons model={model} />
          <ChartSvg model={model} titleId={`${id}-title`} summaryId={summaryId} />
          <p className="nhsuk-body-s measure-chart__summary" id={summaryId}>
            {model.summary}
          </p>
          <ChartLegend model={model} />
          <ChartMarksList model={model} />
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Chart data as a table</span>
            </summary>
            <div className="nhsuk-details__text">
              <ChartDataTable model={model} />
            </div>
          </details>
        </>
      )}
      {model.warnings.length > 0 && (
        <ul className="nhsuk-list nhsuk-body-s" aria-label="Set aside by the chart">
          {model.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {announceSignals && (
        <p className="nhsuk-u-visually-hidden" aria-live="polite">
          {signalsSentence(model.signals)}
        </p>
      )}
    </div>
  );
}
