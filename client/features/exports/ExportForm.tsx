/**
 * "Export": choose a format (and, for a whole lab, what to include), then
 * download. Progress and errors are announced. Used on the lab overview for
 * facilitators and on an item's page for anyone who can read it.
 */
import { type FormEvent, useId, useState } from 'react';
import { downloadExport, ExportFailedError, formatBytes } from './download';

export const FORMAT_LABELS: Readonly<Record<string, string>> = {
  docx: 'Word (.docx), to edit further',
  pdf: 'PDF, to circulate',
  md: 'Markdown, for the web',
  html: 'Web page (HTML), printable',
  json: 'Full archive (JSON), to import into another Improvement Lab',
  csv: 'Measure data (CSV), for analysts',
};

const INCLUDE_LABELS: Readonly<Record<string, string>> = {
  comments: 'Reviewers’ comments and the team’s responses',
  participants: 'Who took part (names and professions)',
  drafts: 'Items still in draft',
};

export interface ExportFormProps {
  /** `/api/labs/<id>/export` or `/api/items/<id>/export`. */
  readonly endpoint: string;
  readonly formats: readonly string[];
  readonly includeOptions?: readonly string[];
  readonly heading: string;
  readonly fallbackName: string;
  /** More of the query, such as `{ version }` for an earlier version of an item. */
  readonly query?: Readonly<Record<string, string>>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'working'; received: number }
  | { kind: 'done'; name: string }
  | { kind: 'failed'; message: string };

export function ExportForm({
  endpoint,
  formats,
  includeOptions = [],
  heading,
  fallbackName,
  query: extra = {},
}: ExportFormProps) {
  const [format, setFormat] = useState(formats[0] ?? 'docx');
  const [include, setInclude] = useState<ReadonlySet<string>>(new Set(['participants']));
  const [state, setState] = useState<State>({ kind: 'idle' });
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'working', received: 0 });
    const query = new URLSearchParams({ ...extra, format });
    if (includeOptions.length > 0) query.set('include', [...include].join(','));
    try {
      const name = await downloadExport(
        `${endpoint}?${query}`,
        `${fallbackName}.${format}`,
        ({ received }) => setState({ kind: 'working', received }),
      );
      setState({ kind: 'done', name });
    } catch (error) {
      setState({
        kind: 'failed',
        message: error instanceof ExportFailedError ? error.message : 'The export failed.',
      });
    }
  };
  const toggle = (option: string) => {
    const next = new Set(include);
    if (next.has(option)) next.delete(option);
    else next.add(option);
    setInclude(next);
  };
  return (
    <form className="export-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 className="nhsuk-heading-s" id={`${id}-heading`}>
        {heading}
      </h2>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={`${id}-format`}>
          Format
        </label>
        <select
          className="nhsuk-select"
          id={`${id}-format`}
          value={format}
          onChange={(e) => setFormat(e.target.value)}
        >
          {formats.map((option) => (
            <option key={option} value={option}>
              {FORMAT_LABELS[option] ?? option}
            </option>
          ))}
        </select>
      </div>
      {includeOptions.length > 0 && (
        <fieldset className="nhsuk-fieldset nhsuk-form-group">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Include</legend>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {includeOptions.map((option) => (
              <div className="nhsuk-checkboxes__item" key={option}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`${id}-${option}`}
                  type="checkbox"
                  checked={include.has(option)}
                  onChange={() => toggle(option)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${option}`}>
                  {INCLUDE_LABELS[option] ?? option}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="submit"
        disabled={state.kind === 'working'}
      >
        Download
      </button>
      <p className="nhsuk-body-s" role="status" aria-live="polite" data-testid="export-status">
        {state.kind === 'working' &&
          `Preparing your export… ${state.received > 0 ? `${formatBytes(state.received)} received` : ''}`}
        {state.kind === 'done' && `Downloaded ${state.name}.`}
      </p>
      {state.kind === 'failed' && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {state.message}
        </p>
      )}
    </form>
  );
}
