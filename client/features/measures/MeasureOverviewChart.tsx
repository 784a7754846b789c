/**
 * A measure's chart for the lab overview: the same chart and data model as the
 * measure's own page, read from its document (opened read-only by the page) and
 * redrawn whenever anyone changes the data.
 */
import { useEffect, useReducer } from 'react';
import type * as Y from 'yjs';
import { readTitle } from '../../../shared/documents/item-doc';
import { MeasureChart } from './MeasureChart';
import { chartOptions, chartPoints, readDefinition, readPointRows } from './measure-data';

function useDocVersion(doc: Y.Doc): number {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const listener = () => bump();
    doc.on('update', listener);
    return () => doc.off('update', listener);
  }, [doc]);
  return version;
}

export interface MeasureOverviewChartProps {
  readonly doc: Y.Doc;
  readonly fallbackTitle: string;
  readonly href: string;
}

export function MeasureOverviewChart({ doc, fallbackTitle, href }: MeasureOverviewChartProps) {
  useDocVersion(doc);
  const title = readTitle(doc) || fallbackTitle;
  const definition = readDefinition(doc);
  const { points } = chartPoints(readPointRows(doc), definition.recordedAs, new Map());
  return (
    <section className="measure-overview" aria-label={`Measure: ${title}`}>
      <h3 className="nhsuk-heading-s">
        <a href={href}>{title}</a>
      </h3>
      {points.length === 0 ? (
        <p className="nhsuk-body-s">No data yet.</p>
      ) : (
        <MeasureChart points={points} options={chartOptions(definition, title, false)} />
      )}
    </section>
  );
}
