/**
 * "Export": choose a format (and, for a whole lab, what to include and which chapters in which
 * order, each with how many items it holds), then download. A lab's choice is remembered in
 * this browser; a report with nothing in it is named as such before it is downloaded. Progress
 * and errors are announced. Text that looks like personal data is removed unless unticked.
 * Used on the lab overview for facilitators and on an item's page for anyone who can read it.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Api } from '../../../shared/api-routes';
import type { ExportContents } from '../../../shared/report-sections';
import type { ApiClient } from '../../lib/api';
import { downloadExport, ExportFailedError, formatBytes } from './download';
import {
  type ChoiceCounts,
  countChoice,
  defaultChoice,
  type ExportChoice,
  loadChoice,
  plural,
  saveChoice,
} from './export-choice';
import { ReportSections } from './ReportSections';
import './exports.css';

export const FORMAT_LABELS: Readonly<Record<string, string>> = {
  docx: 'Word (.docx), to edit further',
  pdf: 'PDF, to circulate',
  md: 'Markdown, for the web',
  html: 'Web page (HTML), printable',
  json: 'Full archive (JSON), to import into another Improvement Lab',
  csv: 'Measure data (CSV), for analysts',
  poster: 'QI storyboard poster (A3 PDF), for events',
  pptx: 'Slides (PowerPoint), for meetings and boards',
};

const INCLUDE_LABELS: Readonly<Record<string, string>> = {
  comments: 'Reviewers’ comments and the team’s responses',
  participants: 'Who took part (names and professions)',
  drafts: 'Items still in draft',
};

/** Formats whose report is laid out in chapters (the archive and the data are whole). */
const CHAPTERED = new Set(['docx', 'pdf', 'md', 'html']);

export interface ExportFormProps {
  /** `/api/labs/<id>/export` or `/api/items/<id>/export`. */
  readonly endpoint: string;
  readonly formats: readonly string[];
  readonly includeOptions?: readonly string[];
  readonly heading: string;
  readonly fallbackName: string;
  /** More of the query, such as `{ version }` for an earlier version of an item. */
  readonly query?: Readonly<Record<string, string>>;
  /** A lab export: its id, so the choice is remembered and the contents counted. */
  readonly labId?: string;
  /** With `labId`, to count the lab's contents. */
  readonly api?: ApiClient;
}

type State =
  | { kind: 'idle' }
  | { kind: 'confirm-empty' }
  | { kind: 'working'; received: number }
  | { kind: 'done'; name: string }
  | { kind: 'failed'; message: string };

function includeCount(option: string, counts: ChoiceCounts | null): string {
  if (!counts) return '';
  if (option === 'drafts') return ` (${plural(counts.drafts, 'item')})`;
  if (option === 'comments') return ` (${plural(counts.comments, 'comment')})`;
  if (option === 'participants') return ` (${plural(counts.people, 'person', 'people')})`;
  return '';
}

/** What the lab holds, counted by the server; null until it answers (or if it cannot). */
function useContents(api: ApiClient | undefined, labId: string | undefined): ExportContents | null {
  const [contents, setContents] = useState<ExportContents | null>(null);
  useEffect(() => {
    if (!labId || !api) return;
    let live = true;
    api
      .call(Api.labs.exportContents, { params: { labId } })
      .then((body) => {
        if (live && Array.isArray(body.items)) setContents(body);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, labId]);
  return contents;
}

export function ExportForm({
  endpoint,
  formats,
  includeOptions = [],
  heading,
  fallbackName,
  query: extra = {},
  labId,
  api,
}: ExportFormProps) {
  const [choice, setChoiceState] = useState<ExportChoice>(() =>
    labId ? loadChoice(labId, formats, includeOptions) : defaultChoice(formats[0] ?? 'docx'),
  );
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  // On for every export unless unticked for this one: not remembered, so it is never off by surprise.
  const [redact, setRedact] = useState(true);
  const contents = useContents(api, labId);
  const counts = contents ? countChoice(contents, choice) : null;
  const chaptered = labId !== undefined && CHAPTERED.has(choice.format);
  const empty = chaptered && counts !== null && counts.chosenItems === 0;
  const id = useId();
  const setChoice = (next: ExportChoice) => {
    setChoiceState(next);
    if (labId) saveChoice(labId, next);
    if (state.kind === 'confirm-empty') setState({ kind: 'idle' });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (empty && state.kind !== 'confirm-empty') {
      setState({ kind: 'confirm-empty' });
      return;
    }
    setState({ kind: 'working', received: 0 });
    const query = new URLSearchParams({ ...extra, format: choice.format });
    if (!redact) query.set('redact', '0');
    if (includeOptions.length > 0) query.set('include', choice.include.join(','));
    if (chaptered) {
      const chosen = choice.sections.filter((s) => s.on).map((s) => s.id);
      if (chosen.length > 0) query.set('sections', chosen.join(','));
    }
    try {
      const name = await downloadExport(
        `${endpoint}?${query}`,
        `${fallbackName}.${choice.format}`,
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
    const on = choice.include.includes(option);
    setChoice({
      ...choice,
      include: on ? choice.include.filter((o) => o !== option) : [...choice.include, option],
    });
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
          value={choice.format}
          onChange={(e) => setChoice({ ...choice, format: e.target.value })}
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
          {counts && (
            <p className="nhsuk-hint nhsuk-body-s">
              Items shared for comment or final are included;{' '}
              {plural(counts.drafts, 'item is', 'items are')} still in draft.
            </p>
          )}
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {includeOptions.map((option) => (
              <div className="nhsuk-checkboxes__item" key={option}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`${id}-${option}`}
                  type="checkbox"
                  checked={choice.include.includes(option)}
                  onChange={() => toggle(option)}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${option}`}>
                  {INCLUDE_LABELS[option] ?? option}
                  {includeCount(option, counts)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={`${id}-redact`}
              type="checkbox"
              checked={redact}
              aria-describedby={`${id}-redact-hint`}
              onChange={() => setRedact(!redact)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-redact`}>
              Remove text that looks like personal data
            </label>
            <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-redact-hint`}>
              NHS and hospital numbers, dates of birth, postcodes, phone numbers and email addresses
              are replaced by “[removed]”.
            </div>
          </div>
        </div>
      </div>
      {chaptered && (
        <ReportSections
          id={id}
          sections={choice.sections}
          counts={counts}
          onChange={(sections, said) => {
            setChoice({ ...choice, sections });
            if (said) setAnnouncement(said);
          }}
        />
      )}
      {empty && (
        <div className="nhsuk-warning-callout" data-testid="export-empty-warning">
          <h3 className="nhsuk-warning-callout__label">
            <span>
              <span className="nhsuk-u-visually-hidden">Important: </span>
              This report would be empty
            </span>
          </h3>
          <p className="nhsuk-body-s">
            None of the chosen chapters has an item to report
            {counts && counts.drafts > 0
              ? `: ${plural(counts.drafts, 'item is', 'items are')} still in draft. Share them for comment, include drafts, or choose other chapters.`
              : '. Choose other chapters, or add items to the lab first.'}
          </p>
        </div>
      )}
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="submit"
        disabled={state.kind === 'working'}
      >
        {state.kind === 'confirm-empty' ? 'Download the empty report' : 'Download'}
      </button>
      <p className="nhsuk-body-s" role="status" aria-live="polite" data-testid="export-status">
        {state.kind === 'confirm-empty' &&
          'This report has nothing in it. Select the button again to download it anyway.'}
        {state.kind === 'working' &&
          `Preparing your export… ${state.received > 0 ? `${formatBytes(state.received)} received` : ''}`}
        {state.kind === 'done' && `Downloaded ${state.name}.`}
        {state.kind === 'idle' && announcement}
      </p>
      {state.kind === 'failed' && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {state.message}
        </p>
      )}
    </form>
  );
}
