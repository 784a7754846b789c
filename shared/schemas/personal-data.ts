/**
 * The personal-data guardrail's records and request bodies. A flag records that
 * someone kept text the rules took for patient-identifiable data, with their
 * reason: who, when, where, which kinds at which offsets. The flagged text itself
 * is never copied into the flag, so the metadata holds no more personal data than
 * the comment or field already does.
 */
import * as z from 'zod';
import { PERSONAL_DATA_KINDS } from '../personal-data/rules';

const id = z.string().min(1).max(64);

export const MAX_FLAG_REASON_LENGTH = 500;
const MAX_FINDINGS = 50;

export const FlagReasonSchema = z
  .string()
  .trim()
  .min(1, 'say why it needs to stay')
  .max(MAX_FLAG_REASON_LENGTH);

/** "Post anyway": sent with a comment, a reply or a response that has findings. */
export const PersonalDataAcknowledgementSchema = z.object({ reason: FlagReasonSchema });

export const FlaggedSpanSchema = z.object({
  kind: z.enum(PERSONAL_DATA_KINDS),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type FlaggedSpan = z.infer<typeof FlaggedSpanSchema>;

/** An item's text: `fields.<name>` (a Y.Text field) or `text.<section>` (rich text). */
export const FieldTargetSchema = z
  .string()
  .regex(/^(text|fields)\.[A-Za-z0-9_]{1,40}$/, 'not a section or field');

/**
 * Where flagged text is: a comment (its words or, for `response`, its "we did"), an item's
 * text, or a workshop board's note.
 */
export const FlagPlaceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('comment'), commentId: id, part: z.enum(['body', 'response']) }),
  z.object({ type: z.literal('field'), target: FieldTargetSchema }),
  /** A workshop board's note (`POST …/workshop/notes`, posted anyway). */
  z.object({ type: z.literal('workshop_note'), noteId: id }),
]);
export type FlagPlace = z.infer<typeof FlagPlaceSchema>;

export const PersonalDataFlagRecordSchema = z.object({
  id,
  labId: id,
  itemId: id,
  place: FlagPlaceSchema,
  userId: id,
  at: z.string().min(1),
  findings: z.array(FlaggedSpanSchema).min(1).max(MAX_FINDINGS),
  reason: FlagReasonSchema,
});
export type PersonalDataFlagRecord = z.infer<typeof PersonalDataFlagRecordSchema>;

/** "Keep it, with a reason" beside an item's text field: the server finds the spans itself. */
export const FieldFlagBodySchema = z.object({
  target: FieldTargetSchema,
  reason: FlagReasonSchema,
});

/** A flag as the facilitators' list shows it. */
export interface PersonalDataFlagView {
  readonly id: string;
  readonly itemId: string;
  readonly itemTitle: string;
  /** Where in the item, in words ("A comment", "Its field “description”"). */
  readonly where: string;
  readonly place: FlagPlace;
  readonly kinds: readonly string[];
  readonly by: string;
  readonly at: string;
  readonly reason: string;
  /** The text no longer holds anything of the flagged kinds (or the comment is gone). */
  readonly resolved: boolean;
}

/** How long reviewers' comments are kept after a lab closes; null: never erased. */
export const RETENTION_CHOICES = [null, 30, 90, 365] as const;
export const CommentRetentionSchema = z
  .number()
  .int()
  .refine((days) => (RETENTION_CHOICES as readonly (number | null)[]).includes(days), {
    message: 'choose 30, 90 or 365 days, or never',
  })
  .nullable();
