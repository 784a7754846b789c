/**
 * The lab's evaluation survey as a report chapter: who answered each round, each scale
 * question's answers before and after, the paired comparison in the words of the results page
 * (`shared/evaluation/survey-words.ts`), and the free text. A report leaves the room, so it is
 * always anonymous, whatever the lab chose on screen: no names, and nothing from fewer than
 * `ANONYMITY_THRESHOLD` people (the results are worked out that way in `build-report.ts`).
 */
import type { ScaleSummary, SurveyResults } from '../../shared/evaluation/survey-results';
import { describeChange, describeTest } from '../../shared/evaluation/survey-words';
import { REPORT_SECTION_LABELS } from '../../shared/report-sections';
import {
  ANONYMITY_THRESHOLD,
  SURVEY_ROUND_LABELS,
  SURVEY_ROUNDS,
} from '../../shared/schemas/survey';
import type { Block } from './blocks';

const WITHHELD = 'Not shown';

const rate = (count: number, eligible: number) =>
  eligible === 0 ? '' : ` (${Math.round((100 * count) / eligible)}%)`;

const figures = (summary: ScaleSummary | null): string[] =>
  summary === null
    ? [WITHHELD, WITHHELD, WITHHELD]
    : [
        String(summary.n),
        String(Number(summary.mean.toFixed(2))),
        String(Number(summary.median.toFixed(2))),
      ];

function responseLines(results: SurveyResults): Block {
  return {
    kind: 'list',
    items: [
      ...SURVEY_ROUNDS.map((round) => ({
        text: `${SURVEY_ROUND_LABELS[round]}: ${results.responses[round]} of ${results.eligible} members answered${rate(results.responses[round], results.eligible)}${results.withheld[round] ? `; its figures are shown from ${ANONYMITY_THRESHOLD} answers, to keep them anonymous` : ''}.`,
        children: [],
      })),
      { text: `Answered both: ${results.paired}.`, children: [] },
    ],
  };
}

function scaleBlocks(results: SurveyResults): Block[] {
  const scales = results.questions.flatMap((q) => (q.kind === 'scale' ? [q] : []));
  if (scales.length === 0) return [];
  return [
    {
      kind: 'table',
      caption: 'Answers before and after the lab, each on a scale of 1 to 5',
      head: [
        'Question',
        'Before: people',
        'Before: mean',
        'Before: median',
        'After: people',
        'After: mean',
        'After: median',
      ],
      rows: scales.map((q) => [q.text, ...figures(q.before), ...figures(q.after)]),
    },
    ...scales.flatMap((q): Block[] => [
      { kind: 'heading', level: 4, text: q.text },
      ...(q.paired
        ? [
            { kind: 'paragraph', text: describeChange(q.paired) } as const,
            { kind: 'paragraph', text: describeTest(q.paired) } as const,
          ]
        : [
            {
              kind: 'paragraph',
              text:
                q.pairs < ANONYMITY_THRESHOLD
                  ? `The before and after comparison is shown from ${ANONYMITY_THRESHOLD} people who answered both, to keep answers anonymous.`
                  : 'There is no comparison to show.',
            } as const,
          ]),
    ]),
  ];
}

function textBlocks(results: SurveyResults): Block[] {
  return results.questions.flatMap((q): Block[] => {
    if (q.kind !== 'text') return [];
    const answers = q.answers;
    return [
      { kind: 'heading', level: 4, text: q.text },
      answers === null
        ? {
            kind: 'paragraph',
            text: `Not shown until at least ${ANONYMITY_THRESHOLD} people answer.`,
          }
        : answers.length === 0
          ? { kind: 'paragraph', text: 'No answers.' }
          : {
              kind: 'list',
              items: answers.map((a) => ({
                text: `${a.text} (${SURVEY_ROUND_LABELS[a.round].toLowerCase()})`,
                children: [],
              })),
            },
    ];
  });
}

/** The chapter; empty when nobody has answered the survey. */
export function surveyBlocks(results: SurveyResults | null | undefined): Block[] {
  if (!results || results.responses.before + results.responses.after === 0) return [];
  return [
    { kind: 'heading', level: 2, text: REPORT_SECTION_LABELS.evaluation },
    {
      kind: 'paragraph',
      text: 'Members answered the same questions before and after the lab. The answers are anonymous in this report: no names, and no figures from fewer than 5 people.',
    },
    responseLines(results),
    ...scaleBlocks(results),
    ...textBlocks(results),
  ];
}
