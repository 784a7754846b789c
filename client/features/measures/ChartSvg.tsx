/**
 * The picture of a chart model: axes, value line, centre lines, limits, target, re-base
 * boundaries, marked points, and annotation (A1…) and PDSA (P1…) marks on the time axis. An
 * image to assistive technology (`role="img"`), named by its title and described by the model's
 * summary; the data table beside it carries the same content.
 */

import { chartTitle, describePoint } from '../../../shared/charts/chart-words';
import { ChartMarker } from './ChartMarker';
import type { ChartModel } from './chart-model';

export const CHART_INK = {
  axis: '#425563',
  grid: '#e8edee',
  text: '#4c6272',
  value: '#4c6272',
  centre: '#212b32',
  limit: '#4c6272',
  twoSigma: '#aeb7bd',
  target: '#d5281b',
  mark: '#212b32',
} as const;

export const DASHES = {
  extended: '8 4',
  limit: '6 4',
  twoSigma: '2 4',
  target: '4 3',
  rebase: '2 2',
} as const;

interface ChartSvgProps {
  readonly model: ChartModel;
  readonly titleId: string;
  readonly summaryId: string;
}

function Axes({ model }: { model: ChartModel }) {
  const { plot, yTicks, xLabels } = model.geometry;
  return (
    <g fontSize={12} fill={CHART_INK.text}>
      {yTicks.map((tick) => (
        <g key={tick.label}>
          <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} stroke={CHART_INK.grid} />
          <text x={plot.left - 8} y={tick.y + 4} textAnchor="end">
            {tick.label}
          </text>
        </g>
      ))}
      {xLabels.map((label) => (
        <text key={label.x} x={label.x} y={plot.bottom + 18} textAnchor="middle">
          {label.label}
        </text>
      ))}
      <line
        x1={plot.left}
        x2={plot.right}
        y1={plot.bottom}
        y2={plot.bottom}
        stroke={CHART_INK.axis}
      />
      <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={CHART_INK.axis} />
    </g>
  );
}

function Lines({ model }: { model: ChartModel }) {
  const g = model.geometry;
  const line = { fill: 'none', strokeWidth: 1.5 };
  return (
    <g>
      {g.twoSigma.map((d) => (
        <path
          key={`s${d}`}
          d={d}
          {...line}
          stroke={CHART_INK.twoSigma}
          strokeDasharray={DASHES.twoSigma}
        />
      ))}
      {g.limits.map((d) => (
        <path
          key={`l${d}`}
          data-testid="limit-line"
          d={d}
          {...line}
          stroke={CHART_INK.limit}
          strokeDasharray={DASHES.limit}
        />
      ))}
      {g.centre.map((piece) => (
        <path
          key={`c${piece.d}`}
          d={piece.d}
          {...line}
          strokeWidth={2}
          stroke={CHART_INK.centre}
          strokeDasharray={piece.extended ? DASHES.extended : undefined}
        />
      ))}
      {g.target !== null && (
        <path
          d={`M${g.plot.left},${g.target} L${g.plot.right},${g.target}`}
          {...line}
          stroke={CHART_INK.target}
          strokeDasharray={DASHES.target}
        />
      )}
      {g.rebases.map((x) => (
        <path
          key={`r${x}`}
          d={`M${x},${g.plot.top} L${x},${g.plot.bottom}`}
          {...line}
          stroke={CHART_INK.axis}
          strokeDasharray={DASHES.rebase}
        />
      ))}
      <path d={g.valuePath} {...line} stroke={CHART_INK.value} />
    </g>
  );
}

function Points({ model }: { model: ChartModel }) {
  return (
    <g data-testid="chart-points">
      {model.points.map((point) => {
        const at = model.geometry.points[point.index];
        if (!at) return null;
        return (
          <g
            key={point.index}
            className="measure-chart__point"
            data-index={point.index}
            data-class={point.cls}
            data-signals={point.signals.join(' ')}
          >
            <title>{describePoint(model, point.index)}</title>
            <ChartMarker cls={point.cls} x={at.x} y={at.y} />
          </g>
        );
      })}
    </g>
  );
}

function Marks({ model }: { model: ChartModel }) {
  const { plot, annotations, pdsa } = model.geometry;
  return (
    <g fontSize={11} fill={CHART_INK.mark} textAnchor="middle">
      {annotations.map((mark) => (
        <g key={mark.label}>
          <line x1={mark.x} x2={mark.x} y1={plot.top - 6} y2={plot.top} stroke={CHART_INK.mark} />
          <text x={mark.x} y={plot.top - 10}>
            {mark.label}
          </text>
        </g>
      ))}
      {pdsa.map((mark) => (
        <g key={mark.label}>
          <polygon
            points={`${mark.x},${plot.bottom + 28} ${mark.x + 5},${plot.bottom + 36} ${mark.x - 5},${plot.bottom + 36}`}
            fill={CHART_INK.mark}
          />
          <text x={mark.x} y={plot.bottom + 50}>
            {mark.label}
          </text>
        </g>
      ))}
    </g>
  );
}

export function ChartSvg({ model, titleId, summaryId }: ChartSvgProps) {
  const { width, height } = model.geometry;
  return (
    <svg
      className="measure-chart__svg"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={summaryId}
      viewBox={`0 0 ${width} ${height}`}
      data-testid="measure-chart-svg"
    >
      <title id={titleId}>{chartTitle(model)}</title>
      {model.unit && (
        <text x={4} y={14} fontSize={12} fill={CHART_INK.text}>
          {model.unit}
        </text>
      )}
      <Axes model={model} />
      <Lines model={model} />
      <Points model={model} />
      <Marks model={model} />
    </svg>
  );
}
