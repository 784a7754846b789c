/**
 * CSV in and out. Import reads a file with the chart engine's reader: any problem is listed with
 * its line and nothing changes. Export downloads the rows in the same format, with formula-like
 * cells neutralised (`csv-export.ts`).
 */
import { type ChangeEvent, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { CsvIssue } from '../../../shared/charts/csv';
import { setFieldValue } from '../../../shared/documents/item-doc';
import { csvFileName, measureCsv } from './csv-export';
import { MAX_CSV_BYTES, readMeasureCsvFile } from './csv-import';
import { IssueList } from './IssueList';
import type { PointRow, RecordedAs } from './measure-data';
import { importPoints } from './point-writes';

const KIND_WORDS: Readonly<Record<RecordedAs, string>> = {
  values: 'one value per period',
  proportions: 'numerators and denominators',
};

export interface CsvImportProps {
  readonly doc: Y.Doc;
  readonly rowCount: number;
  readonly recordedAs: RecordedAs;
  onStatus(message: string): void;
}

/** Checks a file and imports it in one change, or says why not; returns the problems. */
async function importFile(
  file: File,
  props: CsvImportProps,
  replace: boolean,
): Promise<CsvIssue[]> {
  if (file.size > MAX_CSV_BYTES) {
    return [{ line: 1, message: `the file is larger than ${MAX_CSV_BYTES / 1_000_000} MB` }];
  }
  const read = readMeasureCsvFile(await file.text());
  if (!read.ok) return read.issues;
  const keeps = replace || props.rowCount === 0;
  if (read.recordedAs !== props.recordedAs && !keeps) {
    const message = `the file has ${KIND_WORDS[read.recordedAs]} but this measure records ${KIND_WORDS[props.recordedAs]}; choose to replace the rows, or change “Data recorded as” first`;
    return [{ line: 1, message }];
  }
  props.doc.transact(() => {
    if (read.recordedAs !== props.recordedAs) {
      setFieldValue(props.doc, 'measure', 'recordedAs', read.recordedAs);
    }
    importPoints(props.doc, read.points, replace);
  });
  const count = read.points.length;
  props.onStatus(`Imported ${count} row${count === 1 ? '' : 's'} from ${file.name}.`);
  return [];
}

export function CsvImport(props: CsvImportProps) {
  const [issues, setIssues] = useState<CsvIssue[]>([]);
  const [replace, setReplace] = useState(false);
  const id = useId();
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setIssues(await importFile(file, props, replace));
    input.value = '';
  };
  return (
    <div className={`nhsuk-form-group${issues.length > 0 ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        Import a CSV file
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        A header row, “period,value” or “period,numerator,denominator”, then one row per period in
        time order.
      </div>
      {issues.length > 0 && (
        <IssueList title="Nothing was imported. Fix these lines in the file:" issues={issues} />
      )}
      {props.rowCount > 0 && (
        <div className="nhsuk-checkboxes__item nhsuk-u-margin-bottom-2">
          <input
            className="nhsuk-checkboxes__input"
            id={`${id}-replace`}
            type="checkbox"
            checked={replace}
            onChange={(event) => setReplace(event.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-replace`}>
            Replace the {props.rowCount} existing rows (otherwise the file’s rows are added after
            them)
          </label>
        </div>
      )}
      <input
        className="nhsuk-file-upload"
        id={id}
        type="file"
        accept=".csv,text/csv"
        aria-describedby={`${id}-hint`}
        onChange={onChange}
      />
    </div>
  );
}

export function CsvExport({
  rows,
  recordedAs,
  title,
}: {
  readonly rows: readonly PointRow[];
  readonly recordedAs: RecordedAs;
  readonly title: string;
}) {
  const download = () => {
    const blob = new Blob([measureCsv(rows, recordedAs)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = csvFileName(title);
    link.click();
    // The download has started from the click; the address is not needed after this turn.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={download}>
      Download the data (CSV)
    </button>
  );
}
