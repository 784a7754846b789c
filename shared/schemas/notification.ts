/**
 * Notifications: what happened that concerns a person (a reply to their comment, a
 * response to what they said, an @mention, an item shared with them), kept per
 * recipient, and how each person wants them emailed. Stored records, API bodies and
 * the shapes the API answers with.
 */
import * as z from 'zod';

const id = z.string().min(1).max(64);
const isoTime = z.string().min(1);

export const NOTIFICATION_KINDS = ['reply', 'response', 'mention', 'shared'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a person's notifications are emailed, when email is set up. */
export const EMAIL_DIGEST_MODES = ['immediately', 'daily', 'never'] as const;
export type EmailDigestMode = (typeof EMAIL_DIGEST_MODES)[number];
export const DEFAULT_EMAIL_DIGEST: EmailDigestMode = 'immediately';

/** The most notifications kept per person; beyond it the oldest go first. */
export const MAX_NOTIFICATIONS_PER_PERSON = 200;

export const NotificationRecordSchema = z.object({
  id,
  /** Who it is for. */
  userId: id,
  kind: z.enum(NOTIFICATION_KINDS),
  labId: id,
  itemId: id,
  /** The comment it is about (the reply, the resolved thread, the mentioning comment); null for `shared`. */
  commentId: id.nullable(),
  /** Who did it; their name is looked up when shown, so a reviewer's is shown only to whom it may be. */
  actorId: id,
  createdAt: isoTime,
  readAt: isoTime.nullable(),
  /** When it went out by email (alone or in a digest); null while it has not. */
  emailedAt: isoTime.nullable(),
});
export type NotificationRecord = z.infer<typeof NotificationRecordSchema>;

export const NotificationSettingsRecordSchema = z.object({
  userId: id,
  email: z.enum(EMAIL_DIGEST_MODES),
  /** The day (YYYY-MM-DD, UTC) of the last daily digest sent. */
  lastDigestDay: z.string().max(10).nullable(),
});
export type NotificationSettingsRecord = z.infer<typeof NotificationSettingsRecordSchema>;

export const NotificationIdParamSchema = z.object({ id });

export const NotificationSettingsBodySchema = z.object({
  email: z.enum(EMAIL_DIGEST_MODES),
});

/** One notification as its recipient sees it. */
export interface NotificationView {
  readonly id: string;
  readonly kind: NotificationKind;
  /** Who did it, as the recipient may see them ("Another reviewer" between reviewers). */
  readonly actorName: string;
  readonly labId: string;
  readonly labTitle: string;
  readonly itemId: string;
  readonly itemTitle: string;
  readonly commentId: string | null;
  /** The start of the comment it is about, when there is one to show. */
  readonly excerpt: string | null;
  readonly createdAt: string;
  readonly read: boolean;
}

export interface NotificationsResponse {
  readonly notifications: NotificationView[];
  readonly unread: number;
}

export interface NotificationSettingsResponse {
  readonly email: EmailDigestMode;
  /** Whether this server sends email at all. */
  readonly emailAvailable: boolean;
}
