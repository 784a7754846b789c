/**
 * The chart's key, in HTML beside the picture: each marker shape drawn small with its class in
 * words, each kind of line with what it means, and the annotation, PDSA and re-base marks with
 * their text.
 */
import type { ReactElement } from 'react';
import { classLegend, limitsLabel } from '../../../shared/charts/chart-labels';
import { chartMarks } from '../../../shared/charts/chart-words';
import { ChartMarker } from './ChartMarker';
import { CHART_INK, DASHES } from './ChartSvg';
import type { ChartModel } from './chart-model';

function LineSwatch({ colour, dash }: { colour: string; dash?: string }) {
  return (
    <svg className="measure-legend__swatch" viewBox="0 0 28 12" aria-hidden="true">
      <path d="M1,6 L27,6" stroke={colour} strokeWidth={2} strokeDasharray={dash} fill="none" />
    </svg>
  );
}

function lineKeys(model: ChartModel): Array<{ key: string; swatch: ReactElement; text: string }> {
  const name = model.centreName.toLowerCase();
  const keys = [
    {
      key: 'centre',
      swatch: <LineSwatch colour={CHART_INK.centre} />,
      text: `Solid line: ${name}`,
    },
  ];
  if (model.geometry.centre.some((piece) => piece.extended)) {
    keys.push({
      key: 'extended',
      swatch: <LineSwatch colour={CHART_INK.centre} dash={DASHES.extended} />,
      text: `Long dashes: ${name} frozen on the baseline and extended`,
    });
  }
  if (model.geometry.limits.length > 0) {
    keys.push({
      key: 'limits',
      swatch: <LineSwatch colour={CHART_INK.limit} dash={DASHES.limit} />,
      text: `Dashed lines: ${limitsLabel(model.trial).toLowerCase()}`,
    });
  }
  if (model.geometry.twoSigma.length > 0) {
    keys.push({
      key: 'two-sigma',
      swatch: <LineSwatch colour={CHART_INK.twoSigma} dash={DASHES.twoSigma} />,
      text: 'Dotted lines: two sigma from the mean',
    });
  }
  if (model.target !== null) {
    keys.push({
      key: 'target',
      swatch: <LineSwatch colour={CHART_INK.target} dash={DASHES.target} />,
      text: 'Red short dashes: target',
    });
  }
  return keys;
}

export function ChartLegend({ model }: { model: ChartModel }) {
  return (
    <ul className="measure-legend" aria-label="Key to the chart">
      {model.classes.map((cls) => (
        <li key={cls} className="measure-legend__item">
          <svg className="measure-legend__swatch" viewBox="0 0 28 16" aria-hidden="true">
            <ChartMarker cls={cls} x={14} y={8} />
          </svg>
          {classLegend(cls)}
        </li>
      ))}
      {lineKeys(model).map((key) => (
        <li key={key.key} className="measure-legend__item">
          {key.swatch}
          {key.text}
        </li>
      ))}
    </ul>
  );
}

/** The annotations, PDSA cycles and re-bases the chart marks, in time order. */
export function ChartMarksList({ model }: { model: ChartModel }) {
  const items = chartMarks(model);
  if (items.length === 0) return null;
  return (
    <ul
      className="nhsuk-list nhsuk-body-s measure-chart__marks"
      aria-label="Marks on the time axis"
    >
      {items.map((item) => (
        <li key={item.key}>{item.text}</li>
      ))}
    </ul>
  );
}
