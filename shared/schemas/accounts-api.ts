/**
 * Request bodies and answers of people's administration and self-service: the
 * people page, password-reset links, the account's details, sessions and data.
 */
import * as z from 'zod';
import type { LabRole } from '../roles';
import { PROFESSIONS } from '../roles';
import { EmailSchema, MAX_PASSWORD_LENGTH, NewPasswordSchema, PersonNameSchema } from './api';

/** An administrator's one-time link for someone: emailed to them, or shown to pass on. */
export const PasswordResetLinkBodySchema = z.object({ send: z.boolean().default(false) });

export const ForgotPasswordBodySchema = z.object({ email: EmailSchema });

export const ResetPasswordBodySchema = z.object({ password: NewPasswordSchema });

/** Changing the email address (where reset links go) needs the current password. */
export const UpdateAccountBodySchema = z
  .object({
    name: PersonNameSchema,
    profession: z.enum(PROFESSIONS),
    email: EmailSchema,
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  })
  .partial();

/** Deleting an account is confirmed by typing its email address. */
export const DeleteAccountBodySchema = z.object({ email: EmailSchema });

export interface AdminPerson {
  id: string;
  email: string;
  name: string;
  profession: string;
  isAdmin: boolean;
  canCreateLabs: boolean;
  createdAt: string;
  deactivated: boolean;
  /** Seconds until sign-in is allowed again after wrong passwords (0: not held back). */
  lockedForSeconds: number;
  /** Signs in with an organisation account. */
  organisationAccount: boolean;
  labs: Array<{ id: string; title: string; role: LabRole }>;
}

export interface PasswordResetLink {
  /** The path of the link (`/reset-password/<token>`), shown this once. */
  path: string;
  expiresAt: string;
  /** Whether it was emailed to the person. */
  emailed: boolean;
}

export interface AccountSession {
  /** Stands for the session; not its secret. */
  id: string;
  createdAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}
