/**
 * The JSON archive of a whole lab: what a facilitator downloads and what an
 * import accepts. Every byte of an imported archive is checked against this
 * schema before anything is created; the Yjs states are checked separately (they
 * must decode and apply completely). Member entries carry no ids, emails or
 * password hashes: only what a report would show.
 */
import * as z from 'zod';
import { CalendarDateSchema } from '../calendar-date';
import { Limits } from '../limits';
import { LAB_ROLES, PROFESSIONS } from '../roles';
import { ItemRecordSchema, LabRecordSchema } from './records';

export const ARCHIVE_FORMAT = 'improvement-lab-archive';
export const ARCHIVE_VERSION = 1;
/** Largest archive an import reads (bytes of the request body); named in `Limits`. */
export const MAX_ARCHIVE_BYTES = Limits.maxArchiveBytes;

/** Standard base64 with padding, as `Buffer.toString('base64')` writes it. */
const base64 = z
  .string()
  .refine(
    (value) => value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value),
    'is not valid base64',
  );

export const ArchiveLabSchema = LabRecordSchema.pick({
  id: true,
  title: true,
  challenge: true,
  phase: true,
  createdAt: true,
}).extend({
  // An import is a boundary: a lab's dates must be days that exist.
  startDate: CalendarDateSchema.nullable(),
  endDate: CalendarDateSchema.nullable(),
});

/** An item's registry entry, without what only makes sense on the instance it came from. */
export const ArchiveItemRecordSchema = ItemRecordSchema.pick({
  id: true,
  kind: true,
  title: true,
  status: true,
  sharing: true,
  order: true,
  createdAt: true,
  updatedAt: true,
  archivedAt: true,
});
export type ArchiveItemRecord = z.infer<typeof ArchiveItemRecordSchema>;

export const ArchiveItemSchema = z.object({
  record: ArchiveItemRecordSchema,
  /** `Y.encodeStateAsUpdate` of the item's document, base64. */
  state: base64,
});

export const ArchiveMemberSchema = z.object({
  name: z.string().max(100),
  profession: z.enum(PROFESSIONS),
  role: z.enum(LAB_ROLES),
});
export type ArchiveMember = z.infer<typeof ArchiveMemberSchema>;

/** A reviewer's comment as reports show it (and as archives carry it when asked to). */
export const ReportCommentSchema = z.object({
  itemId: z.string().max(64),
  author: z.string().max(100),
  profession: z.string().max(100),
  body: z.string().max(20_000),
  quote: z.string().max(5000).nullable(),
  status: z.enum(['open', 'resolved']),
  response: z.string().max(20_000).nullable(),
  /** The comment's id and the thread it answers (absent in archives written before threads). */
  id: z.string().max(64).optional(),
  replyTo: z.string().max(64).nullable().optional(),
});
export type ReportComment = z.infer<typeof ReportCommentSchema>;

export const ArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT, `format must be "${ARCHIVE_FORMAT}"`),
  version: z.literal(ARCHIVE_VERSION, `version must be ${ARCHIVE_VERSION}`),
  exportedAt: z.string().min(1),
  lab: ArchiveLabSchema,
  items: z.array(ArchiveItemSchema).max(10_000),
  members: z.array(ArchiveMemberSchema).max(10_000),
  comments: z.array(ReportCommentSchema).max(100_000).optional(),
});
export type Archive = z.infer<typeof ArchiveSchema>;
