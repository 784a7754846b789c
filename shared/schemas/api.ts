/**
 * Request bodies and response shapes of the HTTP API, one zod schema per body.
 * Handlers infer their input types from these; the client uses the same ones.
 */
import * as z from 'zod';
import { CalendarDateSchema } from '../calendar-date';
import { Limits } from '../limits';
import { HospitalNumberMasksSchema } from '../personal-data/hospital-number';
import { LAB_PHASES, LAB_ROLES, PROFESSIONS, SHARING_STATES } from '../roles';
import { CommentRetentionSchema, type FlaggedSpan } from './personal-data';
import { TopicSchema } from './profile';
import { ITEM_KINDS } from './records';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .email('enter an email address like name@example.org')
  .max(254);
export const NewPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH);
export const PersonNameSchema = z.string().trim().min(1, 'enter your name').max(100);
const isoDate = CalendarDateSchema.nullable();

export const SignInBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: NewPasswordSchema,
});

export const SetupBodySchema = z.object({
  token: z.string().min(1).max(200),
  email: EmailSchema,
  name: PersonNameSchema,
  profession: z.enum(PROFESSIONS),
  password: NewPasswordSchema,
});

export const SignUpWithInviteBodySchema = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  profession: z.enum(PROFESSIONS),
  password: NewPasswordSchema,
});

export const CreateApiTokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working; without it, it works until revoked. */
  expiresInDays: z.number().int().min(1).max(Limits.maxApiTokenDays).optional(),
});

export const CreateLabBodySchema = z.object({
  title: z.string().trim().min(1, 'enter a title').max(Limits.maxTitleLength),
  challenge: z.string().trim().max(2000).default(''),
  phase: z.enum(LAB_PHASES).default('understand'),
  startDate: isoDate.default(null),
  endDate: isoDate.default(null),
});

export const UpdateLabBodySchema = z
  .object({
    title: z.string().trim().min(1, 'enter a title').max(Limits.maxTitleLength),
    challenge: z.string().trim().max(2000),
    phase: z.enum(LAB_PHASES),
    startDate: isoDate,
    endDate: isoDate,
    hospitalNumberMasks: HospitalNumberMasksSchema,
    commentRetentionDays: CommentRetentionSchema,
    /** What the lab works on (a directory topic); empty or null for none. */
    topic: z
      .union([z.literal(''), TopicSchema])
      .nullable()
      .transform((value) => value || null),
  })
  .partial();

export const CreateInviteBodySchema = z.object({
  role: z.enum(LAB_ROLES),
  /** Days until the link stops working. */
  expiresInDays: z.number().int().min(1).max(90).default(14),
  maxUses: z.number().int().min(1).max(500).default(1),
  /** Reviewers only: the items they are invited to (null: every item open for comment). */
  itemIds: z.array(z.string().min(1).max(64)).min(1).max(200).nullable().default(null),
  /** Who it is for, so the pending list says who is awaited (optional). */
  name: z.string().trim().max(100).default(''),
  /** Where to email it, when email is set up (optional). */
  email: z
    .union([z.literal(''), EmailSchema])
    .default('')
    .transform((value) => value || null),
  /** A note for the invitee, shown with the invitation and in the email. */
  note: z.string().trim().max(1000, 'keep the note under 1000 characters').default(''),
});

export const ChangeRoleBodySchema = z.object({ role: z.enum(LAB_ROLES) });

export const CreateItemBodySchema = z.object({
  kind: z.enum(ITEM_KINDS),
  title: z.string().trim().min(1, 'enter a title').max(Limits.maxTitleLength),
});

export const UpdateItemBodySchema = z
  .object({
    title: z.string().trim().min(1).max(Limits.maxTitleLength),
    sharing: z.enum(SHARING_STATES),
    order: z.number().finite(),
    archived: z.boolean(),
  })
  .partial();

export const UpdateUserAdminBodySchema = z
  .object({ canCreateLabs: z.boolean(), isAdmin: z.boolean() })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'say which right to change');

/** Every API error has a stable code and a sentence a person can act on. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string>;
    /** `personal_data` refusals: what looked like personal data, and where. */
    findings?: FlaggedSpan[];
  };
}

export interface MeResponse {
  user: {
    id: string;
    email: string;
    name: string;
    profession: string;
    isAdmin: boolean;
    canCreateLabs: boolean;
  };
  csrfToken: string | null;
}
