/**
 * A lab's evaluation survey: the same questions asked before the lab and after it,
 * so each person's answers can be paired. The stored records, the request bodies and
 * the default questions (what the programme's evaluation measured), named once.
 */
import * as z from 'zod';

export const SURVEY_ROUNDS = ['before', 'after'] as const;
export type SurveyRound = (typeof SURVEY_ROUNDS)[number];

export const SURVEY_ROUND_LABELS: Readonly<Record<SurveyRound, string>> = {
  before: 'Before the lab',
  after: 'After the lab',
};

export const QUESTION_KINDS = ['scale', 'text'] as const;

/** Answers on a scale run from 1 to this. */
export const SCALE_POINTS = 5;
/** Results (and free text) are shown for an anonymous survey only from this many people. */
export const ANONYMITY_THRESHOLD = 5;
export const MAX_QUESTIONS = 20;
export const MAX_ANSWER_LENGTH = 2000;

const id = z.string().min(1).max(64);
const isoTime = z.string().min(1);

export const SurveyQuestionSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'use lower-case letters, digits and hyphens (at most 40)'),
  kind: z.enum(QUESTION_KINDS),
  text: z.string().trim().min(1, 'write the question').max(300),
  /** For a scale: what 1 and the top of the scale mean. */
  lowLabel: z.string().trim().max(60).default(''),
  highLabel: z.string().trim().max(60).default(''),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

const RoundStateSchema = z.object({
  openedAt: isoTime.nullable(),
  closedAt: isoTime.nullable(),
});
export type RoundState = z.infer<typeof RoundStateSchema>;

const uniqueIds = (questions: readonly SurveyQuestion[]) =>
  new Set(questions.map((question) => question.id)).size === questions.length;

export const SurveyRecordSchema = z.object({
  labId: id,
  /** Facilitators see only aggregates of at least `ANONYMITY_THRESHOLD` people. */
  anonymous: z.boolean(),
  questions: z
    .array(SurveyQuestionSchema)
    .min(1)
    .max(MAX_QUESTIONS)
    .refine(uniqueIds, 'each question needs its own id'),
  rounds: z.object({ before: RoundStateSchema, after: RoundStateSchema }),
  updatedAt: isoTime,
  updatedBy: id,
});
export type SurveyRecord = z.infer<typeof SurveyRecordSchema>;

export const SurveyAnswerSchema = z.union([
  z.number().int().min(1).max(SCALE_POINTS),
  z.string().trim().max(MAX_ANSWER_LENGTH),
]);

export const SurveyResponseRecordSchema = z.object({
  labId: id,
  round: z.enum(SURVEY_ROUNDS),
  /** Kept to pair a person's answers; never shown when the survey is anonymous. */
  userId: id,
  answers: z.record(z.string().min(1).max(40), SurveyAnswerSchema),
  submittedAt: isoTime,
});
export type SurveyResponseRecord = z.infer<typeof SurveyResponseRecordSchema>;

/** PUT /api/labs/:labId/survey: the facilitator's questions and anonymity choice. */
export const SurveySettingsBodySchema = z.object({
  anonymous: z.boolean(),
  questions: z
    .array(SurveyQuestionSchema)
    .min(1, 'ask at least one question')
    .max(MAX_QUESTIONS)
    .refine(uniqueIds, 'each question needs its own id'),
});
export type SurveySettingsBody = z.infer<typeof SurveySettingsBodySchema>;

/** POST /api/labs/:labId/survey/:round/responses */
export const SurveyAnswersBodySchema = z.object({
  answers: z.record(z.string().min(1).max(40), SurveyAnswerSchema),
});
export type SurveyAnswersBody = z.infer<typeof SurveyAnswersBodySchema>;

/** POST /api/labs/:labId/survey/:round/state */
export const SurveyRoundStateBodySchema = z.object({ open: z.boolean() });

/**
 * The default questions: the two the programme's independent evaluation found members
 * gained in (ease of access to information and resources; skills and knowledge for
 * quality improvement), confidence and support, and room to say more.
 */
export const DEFAULT_SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  {
    id: 'access',
    kind: 'scale',
    text: 'How easy is it for you to get the information and resources you need for improvement work?',
    lowLabel: 'Very hard',
    highLabel: 'Very easy',
  },
  {
    id: 'skills',
    kind: 'scale',
    text: 'How would you rate your skills and knowledge for quality improvement?',
    lowLabel: 'Very low',
    highLabel: 'Very high',
  },
  {
    id: 'confidence',
    kind: 'scale',
    text: 'How confident do you feel taking part in or leading an improvement project?',
    lowLabel: 'Not at all confident',
    highLabel: 'Very confident',
  },
  {
    id: 'support',
    kind: 'scale',
    text: 'How supported do you feel in your improvement work?',
    lowLabel: 'Not at all supported',
    highLabel: 'Very well supported',
  },
  {
    id: 'comments',
    kind: 'text',
    text: 'Is there anything else you would like to tell us?',
    lowLabel: '',
    highLabel: '',
  },
];

export function defaultSurvey(labId: string, by: string, at: string): SurveyRecord {
  return {
    labId,
    anonymous: true,
    questions: DEFAULT_SURVEY_QUESTIONS.map((question) => ({ ...question })),
    rounds: {
      before: { openedAt: null, closedAt: null },
      after: { openedAt: null, closedAt: null },
    },
    updatedAt: at,
    updatedBy: by,
  };
}

export function isRoundOpen(round: RoundState): boolean {
  return round.openedAt !== null && round.closedAt === null;
}

/** GET /api/labs/:labId/survey: the survey as a member sees it, with their own answers. */
export interface SurveyView {
  readonly survey: Pick<SurveyRecord, 'anonymous' | 'questions' | 'rounds'>;
  readonly mine: Readonly<Record<SurveyRound, Readonly<Record<string, number | string>> | null>>;
  readonly canManage: boolean;
}
