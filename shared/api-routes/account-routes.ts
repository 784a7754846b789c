/**
 * Contracts of signing in and out, first start, password resets, the account's
 * own details, sessions and data, and personal API tokens.
 */
import * as z from 'zod';
import { OkAnswer, route, shape } from '../api-contract';
import {
  type AccountSession,
  DeleteAccountBodySchema,
  ForgotPasswordBodySchema,
  ResetPasswordBodySchema,
  UpdateAccountBodySchema,
} from '../schemas/accounts-api';
import {
  ChangePasswordBodySchema,
  CreateApiTokenBodySchema,
  type MeResponse,
  SetupBodySchema,
  SignInBodySchema,
} from '../schemas/api';
import { type SsoInfo, SsoStartBodySchema } from '../schemas/sso';
import type { ApiToken } from '../schemas/api-responses';

export const authRoutes = {
  signIn: route.post('/auth/sign-in', { body: SignInBodySchema, answer: shape<MeResponse>() }),
  signOut: route.post('/auth/sign-out', { answer: OkAnswer }),
  me: route.get('/auth/me', { answer: shape<MeResponse>() }),
  changePassword: route.post('/auth/password', {
    body: ChangePasswordBodySchema,
    answer: OkAnswer,
  }),
  setupNeeded: route.get('/auth/setup', { answer: z.object({ needed: z.boolean() }) }),
  setUp: route.post('/auth/setup', { body: SetupBodySchema, answer: shape<MeResponse>() }),
  /** Whether reset links can be emailed (email is set up). */
  passwordResetEmail: route.get('/auth/password-reset', {
    answer: z.object({ emailAvailable: z.boolean() }),
  }),
  forgotPassword: route.post('/auth/forgot-password', {
    body: ForgotPasswordBodySchema,
    answer: OkAnswer,
  }),
  passwordReset: route.get('/auth/password-reset/:token', {
    answer: z.object({ email: z.string(), expiresAt: z.string() }),
  }),
  resetPassword: route.post('/auth/password-reset/:token', {
    body: ResetPasswordBodySchema,
    answer: shape<MeResponse>(),
  }),
  /** Whether sign-in with an organisation account is offered, and its button's words. */
  sso: route.get('/auth/sso', { answer: shape<SsoInfo>() }),
  /** Where to send the browser to sign in at the organisation's provider. */
  ssoStart: route.post('/auth/sso/start', {
    body: SsoStartBodySchema,
    answer: z.object({ url: z.string() }),
  }),
};

export const accountRoutes = {
  update: route.patch('/account', {
    body: UpdateAccountBodySchema,
    answer: shape<{ user: MeResponse['user'] }>(),
  }),
  sessions: route.get('/account/sessions', {
    answer: shape<{ sessions: AccountSession[] }>(),
  }),
  endSession: route.delete('/account/sessions/:sessionId', { answer: OkAnswer }),
  /** Everything the workspace holds about the person (downloaded as a file). */
  data: route.get('/account/data', { answer: shape<Record<string, unknown>>() }),
  delete: route.delete('/account', { body: DeleteAccountBodySchema, answer: OkAnswer }),
};

export const tokenRoutes = {
  list: route.get('/tokens', { answer: shape<{ tokens: ApiToken[] }>() }),
  /** The secret is in the answer this once. */
  create: route.post('/tokens', {
    body: CreateApiTokenBodySchema,
    answer: shape<{ token: string; record: ApiToken }>(),
  }),
  revoke: route.delete('/tokens/:tokenId', { answer: OkAnswer }),
};
