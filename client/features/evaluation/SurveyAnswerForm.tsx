/**
 * A member's answers to one round of the lab's evaluation survey: each scale question
 * as a row of radios from 1 to 5 with what the ends mean, each free-text question as
 * a text box. Answers can be changed while the round is open.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import {
  SCALE_POINTS,
  SURVEY_ROUND_LABELS,
  type SurveyQuestion,
  type SurveyRound,
} from '../../../shared/schemas/survey';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { RadiosField, TextareaField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { useFormSubmit } from '../../lib/use-form-submit';

type Answers = Record<string, number | string>;

const SCALE = Array.from({ length: SCALE_POINTS }, (_, index) => String(index + 1));

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function scaleChoices(question: SurveyQuestion) {
  return SCALE.map((value, index) => ({
    value,
    label:
      index === 0 && question.lowLabel
        ? `${value} – ${question.lowLabel}`
        : index === SCALE.length - 1 && question.highLabel
          ? `${value} – ${question.highLabel}`
          : value,
  }));
}

export function SurveyAnswerForm(props: {
  api: ApiClient;
  labId: string;
  round: SurveyRound;
  questions: readonly SurveyQuestion[];
  anonymous: boolean;
  saved: Readonly<Answers> | null;
  onSaved(): void;
}) {
  const { api, labId, round, questions, anonymous, saved, onSaved } = props;
  const prefix = `survey-${round}`;
  const fieldIds = Object.fromEntries(questions.map((q) => [q.id, `${prefix}-${q.id}`]));
  const [answers, setAnswers] = useState<Answers>(() => ({ ...(saved ?? {}) }));
  const [done, setDone] = useState(false);
  const form = useFormSubmit(fieldIds);
  const set = (id: string, value: number | string) => {
    setDone(false);
    setAnswers((current) => ({ ...current, [id]: value }));
  };
  const submit = form.handle(
    () => {
      // Numbered, so that the error summary's links say which question each is about.
      const problems: Record<string, string> = {};
      questions.forEach((q, index) => {
        if (q.kind === 'scale' && typeof answers[q.id] !== 'number') {
          problems[q.id] = `Question ${index + 1}: choose a number from 1 to ${SCALE_POINTS}`;
        }
      });
      return problems;
    },
    async () => {
      await api.call(Api.survey.answer, { params: { labId, round }, body: { answers } });
      setDone(true);
      onSaved();
    },
  );
  const heading = SURVEY_ROUND_LABELS[round];
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <h2 className="nhsuk-heading-m" id={`${prefix}-heading`}>
        {heading}: your answers
      </h2>
      {done && <SuccessBanner title="Thank you: your answers have been saved" />}
      <p className="nhsuk-body">
        {anonymous
          ? 'Your answers are anonymous: the lab’s facilitators see only totals from at least five people, never who said what.'
          : 'The lab’s facilitators can see your answers with your name.'}{' '}
        You can change your answers until this part of the survey closes.
      </p>
      <Form
        form={form}
        onSubmit={submit}
        submit="{saved ? 'Save changed answers' : 'Send answers'}"
        aria-label={`${heading}: survey`}
      >
        {questions.map((question) =>
          question.kind === 'scale' ? (
            <RadiosField
              key={question.id}
              id={fieldIds[question.id] ?? question.id}
              legend={question.text}
              hint={`1 is ${lowerFirst(question.lowLabel) || 'the lowest'}, ${SCALE_POINTS} is ${lowerFirst(question.highLabel) || 'the highest'}.`}
              error={form.errors?.fields[question.id]}
              value={typeof answers[question.id] === 'number' ? String(answers[question.id]) : ''}
              choices={scaleChoices(question)}
              onChange={(value) => set(question.id, Number(value))}
            />
          ) : (
            <TextareaField
              key={question.id}
              id={fieldIds[question.id] ?? question.id}
              label={question.text}
              hint="Optional."
              maxLength={2000}
              error={form.errors?.fields[question.id]}
              value={typeof answers[question.id] === 'string' ? String(answers[question.id]) : ''}
              onChange={(value) => set(question.id, value)}
            />
          ),
        )}
      </Form>
    </section>
  );
}
