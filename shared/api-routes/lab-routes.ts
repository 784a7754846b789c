/**
 * Contracts of labs and what hangs off a lab: members, invitations, items'
 * lists, activity, the evaluation survey, the network, the review round, the
 * export form's counts, the archive import and the lab's versions.
 */
import * as z from 'zod';
import { OkAnswer, route, shape } from '../api-contract';
import type { SurveyResults } from '../evaluation/survey-results';
import type { LabNetwork } from '../network/connections';
import type { ExportContents } from '../report-sections';
import {
  ChangeRoleBodySchema,
  CreateInviteBodySchema,
  CreateItemBodySchema,
  CreateLabBodySchema,
  type MeResponse,
  SignUpWithInviteBodySchema,
  UpdateLabBodySchema,
} from '../schemas/api';
import type {
  AuditEvent,
  InvitationDetails,
  Invite,
  Item,
  Lab,
  Member,
  PresentPerson,
  ReviewRound,
} from '../schemas/api-responses';
import {
  type LabChangesResponse,
  type LabVersionsResponse,
  RetentionBodySchema,
} from '../schemas/history';
import {
  SurveyAnswersBodySchema,
  type SurveyRecord,
  SurveyRoundStateBodySchema,
  SurveySettingsBodySchema,
  type SurveyView,
} from '../schemas/survey';

const LabAnswer = shape<{ lab: Lab }>();
const InviteAnswer = shape<{ invite: Invite; path: string; emailed: boolean }>();
const SurveyAnswer = shape<{ survey: SurveyRecord }>();

export const labRoutes = {
  list: route.get('/labs', { answer: shape<{ labs: Lab[] }>() }),
  create: route.post('/labs', { body: CreateLabBodySchema, answer: LabAnswer }),
  get: route.get('/labs/:labId', { answer: LabAnswer }),
  update: route.patch('/labs/:labId', { body: UpdateLabBodySchema, answer: LabAnswer }),
  archive: route.post('/labs/:labId/archive', { answer: LabAnswer }),
  /** A lab archive (JSON) as a new lab; the server reads the archive itself. */
  import: route.post('/labs/import', {
    body: z.unknown(),
    answer: shape<{ lab: Lab; items: number }>(),
  }),
  items: route.get('/labs/:labId/items', { answer: shape<{ items: Item[] }>() }),
  createItem: route.post('/labs/:labId/items', {
    body: CreateItemBodySchema,
    answer: shape<{ item: Item }>(),
  }),
  audit: route.get('/labs/:labId/audit', { answer: shape<{ events: AuditEvent[] }>() }),
  presence: route.get('/labs/:labId/presence', {
    answer: shape<{ people: PresentPerson[] }>(),
  }),
  review: route.get('/labs/:labId/review', { answer: shape<ReviewRound>() }),
  network: route.get('/labs/:labId/network', { answer: shape<{ network: LabNetwork }>() }),
  exportContents: route.get('/labs/:labId/export/contents', { answer: shape<ExportContents>() }),
  versions: route.get('/labs/:labId/versions', { answer: shape<LabVersionsResponse>() }),
  changes: route.get('/labs/:labId/changes', { answer: shape<LabChangesResponse>() }),
  deleteVersionsBefore: route.post('/labs/:labId/versions/delete-before', {
    body: RetentionBodySchema,
    answer: z.object({ deleted: z.number() }),
  }),
};

export const memberRoutes = {
  list: route.get('/labs/:labId/members', { answer: shape<{ members: Member[] }>() }),
  changeRole: route.patch('/labs/:labId/members/:userId', {
    body: ChangeRoleBodySchema,
    answer: shape<{ member: Member }>(),
  }),
  remove: route.delete('/labs/:labId/members/:userId', { answer: OkAnswer }),
};

export const inviteRoutes = {
  pending: route.get('/labs/:labId/invites', { answer: shape<{ invites: Invite[] }>() }),
  create: route.post('/labs/:labId/invites', {
    body: CreateInviteBodySchema,
    answer: InviteAnswer,
  }),
  /** A new link for the same invitation; the old one stops working. */
  resend: route.post('/labs/:labId/invites/:inviteId/resend', { answer: InviteAnswer }),
  withdraw: route.delete('/labs/:labId/invites/:inviteId', { answer: OkAnswer }),
  details: route.get('/invites/:token', { answer: shape<InvitationDetails>() }),
  accept: route.post('/invites/:token/accept', { answer: LabAnswer }),
  signUp: route.post('/invites/:token/sign-up', {
    body: SignUpWithInviteBodySchema,
    answer: shape<MeResponse & { lab: Lab | null }>(),
  }),
};

export const surveyRoutes = {
  view: route.get('/labs/:labId/survey', { answer: shape<SurveyView>() }),
  save: route.put('/labs/:labId/survey', { body: SurveySettingsBodySchema, answer: SurveyAnswer }),
  setRoundState: route.post('/labs/:labId/survey/:round/state', {
    body: SurveyRoundStateBodySchema,
    answer: SurveyAnswer,
  }),
  answer: route.post('/labs/:labId/survey/:round/responses', {
    body: SurveyAnswersBodySchema,
    answer: shape<{ answers: Record<string, number | string> }>(),
  }),
  results: route.get('/labs/:labId/survey/results', {
    answer: shape<{ results: SurveyResults }>(),
  }),
};
