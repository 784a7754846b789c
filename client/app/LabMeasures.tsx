/**
 * The overview's measures: each measure's chart, drawn from its own document
 * (the registry does not keep a measure's data), so those documents open here.
 * A chunk of its own, loaded only for a lab that has measures: the overview of
 * one without them loads neither Yjs nor the chart code.
 */

import { useLabDocs } from '../features/ideas/lab-docs';
import { MeasureOverviewChart } from '../features/measures/MeasureOverviewChart';
import type { OverviewItem } from '../features/overview/overview-items';
import { paths } from './router';

export function LabMeasures({ measures }: { measures: readonly OverviewItem[] }) {
  const docs = useLabDocs(measures.map((item) => item.id));
  return (
    <>
      {measures.map((measure) => {
        const doc = docs.get(measure.id);
        return doc ? (
          <MeasureOverviewChart
            key={measure.id}
            doc={doc}
            fallbackTitle={measure.title}
            href={paths.item(measure.id)}
          />
        ) : null;
      })}
    </>
  );
}
