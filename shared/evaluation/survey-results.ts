/**
 * What a lab's evaluation survey found: response rates, each scale question's answers
 * before and after, the paired comparison (the same person before and after, by the
 * Wilcoxon signed-rank test) and the free text. The screen, the CSV and the report all
 * read this one result.
 *
 * Anonymity: when the lab chose an anonymous survey, a round's figures and free text
 * are shown only once at least `ANONYMITY_THRESHOLD` people answered it, the paired
 * comparison only from that many pairs, and no answer ever carries a name.
 */
import {
  ANONYMITY_THRESHOLD,
  SCALE_POINTS,
  SURVEY_ROUNDS,
  type SurveyRecord,
  type SurveyResponseRecord,
  type SurveyRound,
} from '../schemas/survey';
import { type WilcoxonResult, wilcoxonSignedRank } from './wilcoxon';

export interface ScaleSummary {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  /** How many chose 1, 2, … `SCALE_POINTS`. */
  readonly counts: readonly number[];
}

export interface PairedComparison {
  readonly test: WilcoxonResult;
  /** Median of after − before over the pairs. */
  readonly medianChange: number;
  readonly improved: number;
  readonly same: number;
  readonly worse: number;
}

export interface ScaleQuestionResult {
  readonly kind: 'scale';
  readonly id: string;
  readonly text: string;
  readonly lowLabel: string;
  readonly highLabel: string;
  /** Null when nobody answered, or too few for an anonymous survey. */
  readonly before: ScaleSummary | null;
  readonly after: ScaleSummary | null;
  readonly paired: PairedComparison | null;
  /** Pairs answered, shown even when the comparison is withheld. */
  readonly pairs: number;
}

export interface TextAnswer {
  readonly round: SurveyRound;
  readonly text: string;
  /** Null in an anonymous survey. */
  readonly name: string | null;
}

export interface TextQuestionResult {
  readonly kind: 'text';
  readonly id: string;
  readonly text: string;
  /** Null when withheld (an anonymous round with fewer than the threshold). */
  readonly answers: readonly TextAnswer[] | null;
}

export type QuestionResult = ScaleQuestionResult | TextQuestionResult;

export interface SurveyResults {
  readonly anonymous: boolean;
  /** Members who could answer. */
  readonly eligible: number;
  readonly responses: Readonly<Record<SurveyRound, number>>;
  /** People who answered both rounds. */
  readonly paired: number;
  /** Whether a round's answers are withheld to keep people anonymous. */
  readonly withheld: Readonly<Record<SurveyRound, boolean>>;
  readonly questions: readonly QuestionResult[];
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

function summarise(values: readonly number[]): ScaleSummary | null {
  if (values.length === 0) return null;
  const counts = new Array<number>(SCALE_POINTS).fill(0);
  for (const value of values) counts[value - 1] = (counts[value - 1] ?? 0) + 1;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { n: values.length, mean, median: median(sorted), counts };
}

function scaleAnswer(response: SurveyResponseRecord | undefined, id: string): number | null {
  const answer = response?.answers[id];
  return typeof answer === 'number' ? answer : null;
}

export function surveyResults(
  survey: SurveyRecord,
  responses: readonly SurveyResponseRecord[],
  eligible: number,
  nameOf: (userId: string) => string,
): SurveyResults {
  const byRound: Record<SurveyRound, Map<string, SurveyResponseRecord>> = {
    before: new Map(),
    after: new Map(),
  };
  for (const response of responses) byRound[response.round].set(response.userId, response);
  const pairedPeople = [...byRound.before.keys()].filter((userId) => byRound.after.has(userId));
  const tooFew = (count: number) => survey.anonymous && count < ANONYMITY_THRESHOLD;
  const withheld = {
    before: tooFew(byRound.before.size),
    after: tooFew(byRound.after.size),
  };

  const questions = survey.questions.map((question): QuestionResult => {
    if (question.kind === 'text') {
      const rounds = SURVEY_ROUNDS.filter((round) => !withheld[round]);
      const answers: TextAnswer[] = [];
      for (const round of rounds) {
        for (const response of byRound[round].values()) {
          const text = response.answers[question.id];
          if (typeof text !== 'string' || text === '') continue;
          answers.push({
            round,
            text,
            name: survey.anonymous ? null : nameOf(response.userId),
          });
        }
      }
      // Anonymous answers are sorted by their text, so their order says nothing about who.
      if (survey.anonymous) answers.sort((a, b) => a.text.localeCompare(b.text));
      const allWithheld = rounds.length === 0;
      return {
        kind: 'text',
        id: question.id,
        text: question.text,
        answers: allWithheld ? null : answers,
      };
    }
    const values = (round: SurveyRound) =>
      [...byRound[round].values()]
        .map((response) => scaleAnswer(response, question.id))
        .filter((value): value is number => value !== null);
    const pairs = pairedPeople.flatMap((userId) => {
      const before = scaleAnswer(byRound.before.get(userId), question.id);
      const after = scaleAnswer(byRound.after.get(userId), question.id);
      return before === null || after === null ? [] : [{ before, after }];
    });
    const changes = pairs.map((pair) => pair.after - pair.before).sort((a, b) => a - b);
    const paired =
      pairs.length === 0 || tooFew(pairs.length)
        ? null
        : {
            test: wilcoxonSignedRank(pairs),
            medianChange: median(changes),
            improved: changes.filter((change) => change > 0).length,
            same: changes.filter((change) => change === 0).length,
            worse: changes.filter((change) => change < 0).length,
          };
    return {
      kind: 'scale',
      id: question.id,
      text: question.text,
      lowLabel: question.lowLabel,
      highLabel: question.highLabel,
      before: withheld.before ? null : summarise(values('before')),
      after: withheld.after ? null : summarise(values('after')),
      paired,
      pairs: pairs.length,
    };
  });

  return {
    anonymous: survey.anonymous,
    eligible,
    responses: { before: byRound.before.size, after: byRound.after.size },
    paired: pairedPeople.length,
    withheld,
    questions,
  };
}
