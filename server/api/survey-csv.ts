/**
 * A lab's evaluation results as CSV (RFC 4180, a byte order mark for Excel, text
 * cells neutralised against formulas as every CSV of the project is): one row per
 * scale question with its before/after figures and the paired test, then one row per
 * free-text answer. Withheld figures (an anonymous round with too few answers) are
 * empty cells, never zeros.
 */
import type { ScaleSummary, SurveyResults } from '../../shared/evaluation/survey-results';
import { csvField, neutralise } from '../export/render-csv';

export const SURVEY_CSV_HEADER = [
  'question',
  'kind',
  'before_n',
  'before_mean',
  'before_median',
  'after_n',
  'after_mean',
  'after_median',
  'pairs',
  'improved',
  'same',
  'worse',
  'median_change',
  't_plus',
  't_minus',
  'p_value',
  'test',
  'effect_size',
  'round',
  'answer',
  'name',
] as const;

const number = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '' : String(Number(value.toFixed(digits)));

const summary = (found: ScaleSummary | null) =>
  found === null ? ['', '', ''] : [String(found.n), number(found.mean), number(found.median)];

export function renderSurveyCsv(results: SurveyResults): string {
  const rows: string[][] = [];
  const empty = (count: number) => new Array<string>(count).fill('');
  for (const question of results.questions) {
    if (question.kind === 'scale') {
      const paired = question.paired;
      rows.push([
        neutralise(question.text),
        'scale',
        ...summary(question.before),
        ...summary(question.after),
        String(question.pairs),
        ...(paired === null
          ? empty(9)
          : [
              String(paired.improved),
              String(paired.same),
              String(paired.worse),
              number(paired.medianChange),
              number(paired.test.tPlus),
              number(paired.test.tMinus),
              paired.test.p === null ? '' : String(Number(paired.test.p.toPrecision(4))),
              `Wilcoxon signed-rank (${paired.test.method})`,
              number(paired.test.effectSize),
            ]),
        ...empty(3),
      ]);
      continue;
    }
    for (const answer of question.answers ?? []) {
      rows.push([
        neutralise(question.text),
        'text',
        ...empty(16),
        answer.round,
        neutralise(answer.text),
        answer.name === null ? '' : neutralise(answer.name),
      ]);
    }
  }
  const lines = [SURVEY_CSV_HEADER, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
