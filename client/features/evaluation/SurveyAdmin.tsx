/**
 * For the lab's facilitators: open and close each round of the evaluation survey,
 * choose whether it is anonymous, and add questions of their own to the defaults.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import {
  isRoundOpen,
  type SurveyQuestion,
  SURVEY_ROUND_LABELS,
  SURVEY_ROUNDS,
  type SurveyRound,
  type SurveySettingsBody,
  type SurveyView,
} from '../../../shared/schemas/survey';
import type { ApiClient } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { Form } from '../../lib/Form';
import { RadiosField, TextField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';

type Survey = SurveyView['survey'];

function roundState(round: Survey['rounds'][SurveyRound]): string {
  if (isRoundOpen(round)) return `Open since ${formatDateTime(round.openedAt ?? '')}`;
  if (round.closedAt !== null) return `Closed ${formatDateTime(round.closedAt)}`;
  return 'Not opened yet';
}

function Rounds(props: { api: ApiClient; labId: string; survey: Survey; onChanged(): void }) {
  const { api, labId, survey, onChanged } = props;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const change = async (round: SurveyRound, open: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.call(Api.survey.setRoundState, { params: { labId, round }, body: { open } });
      onChanged();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The survey could not be changed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="survey-rounds-heading">
      <h2 className="nhsuk-heading-m" id="survey-rounds-heading">
        Rounds
      </h2>
      <p className="nhsuk-body">
        Ask the same questions at the start of the lab and again at the end, so each person’s
        answers can be compared.
      </p>
      {problem && (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      )}
      <dl className="nhsuk-summary-list">
        {SURVEY_ROUNDS.map((round) => {
          const open = isRoundOpen(survey.rounds[round]);
          return (
            <div className="nhsuk-summary-list__row" key={round}>
              <dt className="nhsuk-summary-list__key">{SURVEY_ROUND_LABELS[round]}</dt>
              <dd className="nhsuk-summary-list__value" data-testid={`survey-round-${round}`}>
                {roundState(survey.rounds[round])}
              </dd>
              <dd className="nhsuk-summary-list__actions">
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                  disabled={busy}
                  onClick={() => void change(round, !open)}
                >
                  {open ? 'Close' : survey.rounds[round].closedAt ? 'Open again' : 'Open'}
                  <span className="nhsuk-u-visually-hidden"> {SURVEY_ROUND_LABELS[round]}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

const QUESTION_FIELDS = { text: 'survey-new-question', questions: 'survey-new-question' };

/** A short id from the question's words, unique among the survey's questions. */
function questionId(text: string, taken: readonly SurveyQuestion[]): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30) || 'question';
  let id = base;
  for (let n = 2; taken.some((q) => q.id === id); n += 1) id = `${base}-${n}`;
  return id;
}

function Settings(props: { api: ApiClient; labId: string; survey: Survey; onChanged(): void }) {
  const { api, labId, survey, onChanged } = props;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'scale' | 'text'>('scale');
  const save = (body: SurveySettingsBody) => api.call(Api.survey.save, { params: { labId }, body });
  const form = useFormSubmit(QUESTION_FIELDS);
  const add = form.handle(
    () => required([['text', text, 'Write the question to add']]),
    async () => {
      const question: SurveyQuestion = {
        id: questionId(text, survey.questions),
        kind,
        text: text.trim(),
        lowLabel: kind === 'scale' ? 'Not at all' : '',
        highLabel: kind === 'scale' ? 'Very much' : '',
      };
      await save({ anonymous: survey.anonymous, questions: [...survey.questions, question] });
      setText('');
      onChanged();
    },
  );
  const anonymity = useFormSubmit({});
  const toggle = anonymity.handle(
    () => ({}),
    async () => {
      await save({ anonymous: !survey.anonymous, questions: [...survey.questions] });
      onChanged();
    },
  );
  return (
    <section aria-labelledby="survey-settings-heading">
      <h2 className="nhsuk-heading-m" id="survey-settings-heading">
        Questions and anonymity
      </h2>
      <ErrorSummary errors={anonymity.errors} />
      <form onSubmit={toggle} className="nhsuk-u-margin-bottom-4">
        <p className="nhsuk-body" data-testid="survey-anonymity">
          {survey.anonymous
            ? 'Anonymous: you see totals from at least 5 people and free text without names.'
            : 'Named: you see each answer with the name of the person who gave it.'}
        </p>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="submit"
          disabled={anonymity.busy}
        >
          {survey.anonymous ? 'Show names with answers' : 'Make answers anonymous'}
        </button>
      </form>
      <ol className="nhsuk-list nhsuk-list--number">
        {survey.questions.map((question) => (
          <li key={question.id}>
            {question.text}{' '}
            <span className="nhsuk-u-secondary-text-color">
              ({question.kind === 'scale' ? 'scale of 1 to 5' : 'free text'})
            </span>
          </li>
        ))}
      </ol>
      <Form form={form} onSubmit={add} submit="Add question" aria-label="Add a question">
        <TextField
          id={QUESTION_FIELDS.text}
          label="Add a question"
          hint="Asked in both rounds. Questions people have answered cannot be removed."
          value={text}
          maxLength={300}
          error={form.errors?.fields.text ?? form.errors?.fields.questions}
          onChange={setText}
        />
        <RadiosField
          id="survey-new-question-kind"
          legend="Kind of answer"
          value={kind}
          choices={[
            { value: 'scale', label: 'A number from 1 to 5' },
            { value: 'text', label: 'Free text' },
          ]}
          onChange={setKind}
        />
      </Form>
    </section>
  );
}

export function SurveyAdmin(props: {
  api: ApiClient;
  labId: string;
  survey: Survey;
  onChanged(): void;
}) {
  return (
    <>
      <Rounds {...props} />
      <Settings {...props} />
    </>
  );
}
