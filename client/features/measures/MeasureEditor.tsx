/**
 * A measure's page body: what it is, its chart, and its data, co-edited live. Every change to
 * the data redraws the chart (for everyone with the item open), and changes to its signals are
 * announced. People who may only read see the same definition, chart and data as text, without
 * a single edit control.
 */
import { type ReactNode, useId, useState } from 'react';
import { suggestChart } from '../../../shared/charts/suggest-chart';
import { fieldsMap, metaMap, readTitle } from '../../../shared/documents/item-doc';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { useYChanges } from '../../lib/y-hooks';
import { CsvExport } from './CsvTransfer';
import { DataEditor } from './DataEditor';
import { MeasureChart } from './MeasureChart';
import { MeasureDefinitionForm } from './MeasureDefinition';
import { MeasureDefinitionSummary } from './MeasureDefinitionSummary';
import { MeasureNotes } from './MeasureNotes';
import { chartOptions, chartPoints, readDefinition, readPointRows } from './measure-data';
import { PointsReadTable } from './PointsReadTable';
import { pointRows } from './point-writes';
import { usePdsaCycles } from './use-pdsa-cycles';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="item-editor__section" aria-labelledby={id}>
      <h2 className="nhsuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function MeasureEditor({ item, doc, provider, user, editable, api }: ItemBodyProps) {
  useYChanges(fieldsMap(doc));
  useYChanges(metaMap(doc));
  useYChanges(pointRows(doc));
  const [twoSigma, setTwoSigma] = useState(false);
  const [status, setStatus] = useState('');
  const cycles = usePdsaCycles(api, item.labId);
  const awareness = provider.awareness;
  const definition = readDefinition(doc);
  const rows = readPointRows(doc);
  const title = readTitle(doc) || item.title;
  const names = new Map(cycles.map((cycle) => [cycle.id, cycle.title]));
  const { points, notes: dataNotes } = chartPoints(rows, definition.recordedAs, names);
  const options = chartOptions(definition, title, twoSigma);
  const suggestion = suggestChart(definition.recordedAs, points);
  return (
    <div className="item-editor measure-editor" data-testid="measure-editor">
      <Section title="About this measure">
        {editable ? (
          <MeasureDefinitionForm
            doc={doc}
            definition={definition}
            awareness={awareness}
            suggestion={suggestion}
          />
        ) : (
          <MeasureDefinitionSummary definition={definition} title={title} />
        )}
      </Section>
      <Section title="Chart">
        {definition.rules === 'mdc' && (
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            aria-pressed={twoSigma}
            onClick={() => setTwoSigma(!twoSigma)}
          >
            Show the two-sigma lines
          </button>
        )}
        <MeasureChart points={points} options={options} announceSignals />
        {dataNotes.length > 0 && (
          <ul className="nhsuk-list nhsuk-body-s" aria-label="Rows not on the chart">
            {dataNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Data">
        {editable ? (
          <DataEditor
            doc={doc}
            rows={rows}
            recordedAs={definition.recordedAs}
            awareness={awareness}
            cycles={cycles}
            onStatus={setStatus}
          />
        ) : rows.length === 0 ? (
          <p className="nhsuk-body">No data yet.</p>
        ) : (
          <PointsReadTable points={rows} recordedAs={definition.recordedAs} cycles={cycles} />
        )}
        <p className="nhsuk-body-s" role="status" data-testid="measure-status">
          {status}
        </p>
        <CsvExport rows={rows} recordedAs={definition.recordedAs} title={title} />
      </Section>
      <Section title="Notes">
        <MeasureNotes doc={doc} provider={provider} user={user} editable={editable} />
      </Section>
    </div>
  );
}
