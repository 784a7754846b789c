/**
 * What the lab's evaluation survey found, for its facilitators: who answered, each
 * scale question before and after with the paired test in words, and the free text.
 * Withheld rounds (anonymous, fewer than five answers) say so instead of showing
 * figures.
 */
import type {
  ScaleQuestionResult,
  ScaleSummary,
  SurveyResults,
} from '../../../shared/evaluation/survey-results';
import { describeChange, describeTest } from '../../../shared/evaluation/survey-words';
import {
  ANONYMITY_THRESHOLD,
  SCALE_POINTS,
  SURVEY_ROUND_LABELS,
  SURVEY_ROUNDS,
} from '../../../shared/schemas/survey';
import { DataTable } from '../../lib/DataTable';
import { AnswerBars } from './AnswerBars';

const rate = (count: number, eligible: number) =>
  eligible === 0 ? '' : ` (${Math.round((100 * count) / eligible)}%)`;

const figure = (summary: ScaleSummary | null, pick: (s: ScaleSummary) => number) =>
  summary === null ? 'Not shown' : String(Number(pick(summary).toFixed(2)));

function ScaleQuestion({ question }: { question: ScaleQuestionResult }) {
  const headingId = `survey-result-${question.id}`;
  return (
    <section aria-labelledby={headingId} className="nhsuk-u-margin-bottom-6">
      <h3 className="nhsuk-heading-s" id={headingId}>
        {question.text}
      </h3>
      <div className="app-survey-result">
        <AnswerBars
          before={question.before}
          after={question.after}
          label={`Answers from 1 (${question.lowLabel || 'lowest'}) to ${SCALE_POINTS} (${question.highLabel || 'highest'}), before (outlined) and after (solid) the lab; the table gives the counts.`}
        />
        <DataTable
          caption={`Answers to “${question.text}”`}
          captionHidden
          headings={[
            '',
            'People',
            'Mean',
            'Median',
            ...Array.from({ length: SCALE_POINTS }, (_, i) => `${i + 1}`),
          ]}
          rows={SURVEY_ROUNDS.map((round) => {
            const summary = question[round];
            return {
              key: round,
              cells: [
                SURVEY_ROUND_LABELS[round],
                summary === null ? 'Not shown' : String(summary.n),
                figure(summary, (s) => s.mean),
                figure(summary, (s) => s.median),
                ...Array.from({ length: SCALE_POINTS }, (_, i) =>
                  summary === null ? '' : String(summary.counts[i] ?? 0),
                ),
              ],
            };
          })}
        />
      </div>
      {question.paired ? (
        <div data-testid={`survey-paired-${question.id}`}>
          <p className="nhsuk-body">{describeChange(question.paired)}</p>
          <p className="nhsuk-body">{describeTest(question.paired)}</p>
        </div>
      ) : (
        <p className="nhsuk-body">
          {question.pairs === 0
            ? 'Nobody has answered this both before and after the lab yet.'
            : `${question.pairs} ${question.pairs === 1 ? 'person has' : 'people have'} answered before and after; the comparison is shown from ${ANONYMITY_THRESHOLD}, to keep answers anonymous.`}
        </p>
      )}
    </section>
  );
}

export function SurveyResultsView(props: { results: SurveyResults; csvHref: string }) {
  const { results, csvHref } = props;
  return (
    <section aria-labelledby="survey-results-heading">
      <h2 className="nhsuk-heading-m" id="survey-results-heading">
        Results
      </h2>
      <ul className="nhsuk-list" data-testid="survey-response-rates">
        {SURVEY_ROUNDS.map((round) => (
          <li key={round}>
            {SURVEY_ROUND_LABELS[round]}: {results.responses[round]} of {results.eligible} members
            answered{rate(results.responses[round], results.eligible)}
            {results.withheld[round] &&
              ` – figures are shown from ${ANONYMITY_THRESHOLD} answers, to keep them anonymous`}
          </li>
        ))}
        <li>Answered both: {results.paired}</li>
      </ul>
      <p className="nhsuk-body">
        <a href={csvHref} download>
          Download the results (CSV)
        </a>
      </p>
      {results.questions.map((question) =>
        question.kind === 'scale' ? (
          <ScaleQuestion key={question.id} question={question} />
        ) : (
          <section
            key={question.id}
            aria-labelledby={`survey-result-${question.id}`}
            className="nhsuk-u-margin-bottom-6"
          >
            <h3 className="nhsuk-heading-s" id={`survey-result-${question.id}`}>
              {question.text}
            </h3>
            {question.answers === null ? (
              <p className="nhsuk-body">
                Not shown until at least {ANONYMITY_THRESHOLD} people answer.
              </p>
            ) : question.answers.length === 0 ? (
              <p className="nhsuk-body">No answers yet.</p>
            ) : (
              <ul
                className="nhsuk-list nhsuk-list--bullet"
                data-testid={`survey-text-${question.id}`}
              >
                {question.answers.map((answer, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: answers have no id and never reorder while shown.
                  <li key={index}>
                    {answer.text}{' '}
                    <span className="nhsuk-u-secondary-text-color">
                      ({SURVEY_ROUND_LABELS[answer.round].toLowerCase()}
                      {answer.name ? `, ${answer.name}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ),
      )}
    </section>
  );
}
