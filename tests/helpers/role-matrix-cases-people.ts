/**
 * Role-matrix entries for comments, the directory, the portfolio, groups, the lab's
 * network and survey, administration, password resets, one's own account and exports.
 */
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from '../../shared/schemas/archive';
import { DEFAULT_SURVEY_QUESTIONS } from '../../shared/schemas/survey';
import { ADMIN_ONLY, all, type Case, lab, signedIn } from './role-matrix-case';
import type { Fixture } from './role-matrix-fixture';

export const PEOPLE_CASES: Case[] = [
  // Only the author may change or delete a comment, facilitators included.
  {
    route: 'PATCH /items/:itemId/comments/:commentId',
    path: (f) => `/items/${f.itemId}/comments/c1`,
    body: () => ({ body: 'Changed' }),
    expect: { ...lab(403, 404, 200, 403) },
  },
  {
    route: 'DELETE /items/:itemId/comments/:commentId',
    path: (f) => `/items/${f.itemId}/comments/c1`,
    expect: { ...lab(403, 404, 200, 403) },
  },
  {
    route: 'POST /items/:itemId/comments/:commentId/resolve',
    path: (f) => `/items/${f.itemId}/comments/c1/resolve`,
    body: () => ({ response: 'We added it to the plan.' }),
    expect: lab(403, 404, 200, 200),
  },
  {
    route: 'POST /items/:itemId/comments/:commentId/reopen',
    path: (f) => `/items/${f.itemId}/comments/c1/reopen`,
    expect: lab(403, 404, 200, 200),
  },
  {
    route: 'POST /items/:itemId/comments/:commentId/hide',
    path: (f) => `/items/${f.itemId}/comments/c1/hide`,
    expect: lab(403, 404, 403, 200),
  },
  // Everyone signed in has a profile of their own and sees the directory as its people chose.
  { route: 'GET /profile', path: () => '/profile', expect: signedIn(200) },
  {
    route: 'PUT /profile',
    path: () => '/profile',
    body: () => ({
      audience: 'everyone',
      organisation: '',
      region: null,
      topics: [],
      openToConnect: false,
      hideFromNetwork: false,
      shown: { profession: true, organisation: true, region: true, topics: true, labs: false },
    }),
    expect: signedIn(200),
  },
  { route: 'GET /directory', path: () => '/directory', expect: signedIn(200) },
  // The portfolio: site administrators and people who may create labs (here only the admin).
  { route: 'GET /portfolio', path: () => '/portfolio', expect: ADMIN_ONLY(200) },
  { route: 'GET /portfolio.csv', path: () => '/portfolio.csv', expect: ADMIN_ONLY(200) },
  // Special interest groups: anyone signed in sees and joins them; staff start them
  // (not someone who is only a reviewer, nor someone in no lab); organisers answer
  // requests (administrators too) and, if they may create labs, start labs.
  { route: 'GET /groups', path: () => '/groups', expect: signedIn(200) },
  {
    route: 'POST /groups',
    path: () => '/groups',
    body: () => ({ name: 'Frailty', topic: 'frailty', joinPolicy: 'open' }),
    expect: { ...signedIn(201), nonMember: 403, reviewer: 403 },
  },
  { route: 'GET /groups/:groupId', path: (f) => `/groups/${f.groupId}`, expect: signedIn(200) },
  {
    route: 'POST /groups/:groupId/join',
    path: (f) => `/groups/${f.groupId}/join`,
    expect: signedIn(200),
  },
  // Leaving needs a place; the only organiser may not leave members behind.
  {
    route: 'POST /groups/:groupId/leave',
    path: (f) => `/groups/${f.groupId}/leave`,
    expect: {
      anonymous: 401,
      nonMember: 404,
      observer: 200,
      reviewer: 404,
      participant: 200,
      facilitator: 200,
      admin: 409,
    },
  },
  {
    route: 'POST /groups/:groupId/requests/:userId',
    path: (f) => `/groups/${f.groupId}/requests/${f.people.observer.id}`,
    body: () => ({ approve: true }),
    expect: { ...signedIn(403), admin: 200 },
  },
  {
    route: 'POST /groups/:groupId/labs',
    path: (f) => `/groups/${f.groupId}/labs`,
    body: () => ({ title: 'A lab from the group' }),
    expect: { ...signedIn(403), admin: 201 },
  },
  // The lab's network is member-level information, as the member list is.
  {
    route: 'GET /labs/:labId/network',
    path: (f) => `/labs/${f.labId}/network`,
    expect: lab(200, 403, 200, 200),
  },
  // Every member answers the lab's evaluation survey; only facilitators run it and read it.
  {
    route: 'GET /labs/:labId/survey',
    path: (f) => `/labs/${f.labId}/survey`,
    expect: lab(200, 200, 200, 200),
  },
  {
    route: 'PUT /labs/:labId/survey',
    path: (f) => `/labs/${f.labId}/survey`,
    body: () => ({ anonymous: false, questions: DEFAULT_SURVEY_QUESTIONS }),
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'POST /labs/:labId/survey/:round/state',
    path: (f) => `/labs/${f.labId}/survey/before/state`,
    body: () => ({ open: true }),
    expect: lab(403, 403, 403, 200),
  },
  // No round is open in the fixture: members are refused for that (409), others before it.
  {
    route: 'POST /labs/:labId/survey/:round/responses',
    path: (f) => `/labs/${f.labId}/survey/before/responses`,
    body: () => ({ answers: { access: 3 } }),
    expect: lab(409, 409, 409, 409),
  },
  {
    route: 'GET /labs/:labId/survey/results',
    path: (f) => `/labs/${f.labId}/survey/results`,
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'GET /labs/:labId/survey/results.csv',
    path: (f) => `/labs/${f.labId}/survey/results.csv`,
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'GET /labs/:labId/presence',
    path: (f) => `/labs/${f.labId}/presence`,
    expect: lab(200, 403, 200, 200),
  },
  {
    route: 'GET /labs/:labId/review',
    path: (f) => `/labs/${f.labId}/review`,
    expect: lab(403, 403, 403, 200),
  },
  { route: 'GET /invites/:token', path: (f) => `/invites/${f.inviteToken}`, expect: all(200) },
  {
    route: 'POST /invites/:token/accept',
    path: (f) => `/invites/${f.inviteToken}/accept`,
    expect: signedIn(200),
  },
  {
    route: 'POST /invites/:token/sign-up',
    path: (f) => `/invites/${f.inviteToken}/sign-up`,
    body: (_f, who) => ({
      email: `${who}.new@example.org`,
      name: 'Newcomer',
      profession: 'patient',
      password: 'a long enough password',
    }),
    expect: all(201),
  },
  {
    route: 'PATCH /admin/users/:userId',
    path: (f) => `/admin/users/${f.targetUserId}`,
    body: () => ({ canCreateLabs: true }),
    expect: ADMIN_ONLY(200),
  },
  {
    route: 'POST /labs/:labId/invites/:inviteId/resend',
    path: (f) => `/labs/${f.labId}/invites/${f.inviteId}/resend`,
    expect: lab(403, 403, 403, 200),
  },
  // Administration of people: site administrators only.
  { route: 'GET /admin/users', path: () => '/admin/users?q=a', expect: ADMIN_ONLY(200) },
  ...(['deactivate', 'reactivate', 'unlock'] as const).map((action) => ({
    route: `POST /admin/users/:userId/${action}`,
    path: (f: Fixture) => `/admin/users/${f.targetUserId}/${action}`,
    expect: ADMIN_ONLY(200),
  })),
  {
    route: 'POST /admin/users/:userId/password-reset',
    path: (f) => `/admin/users/${f.targetUserId}/password-reset`,
    body: () => ({}),
    expect: ADMIN_ONLY(201),
  },
  // Password resets: anyone may ask; the link decides (here an unknown one).
  { route: 'GET /auth/password-reset', path: () => '/auth/password-reset', expect: all(200) },
  {
    route: 'POST /auth/forgot-password',
    variant: 'email not configured',
    path: () => '/auth/forgot-password',
    body: () => ({ email: 'someone@example.org' }),
    expect: all(409),
  },
  {
    route: 'GET /auth/password-reset/:token',
    path: () => '/auth/password-reset/il_pwr_unknown',
    expect: all(410),
  },
  {
    route: 'POST /auth/password-reset/:token',
    path: () => '/auth/password-reset/il_pwr_unknown',
    body: () => ({ password: 'a long new passphrase' }),
    expect: all(410),
  },
  // One's own account: anyone signed in.
  {
    route: 'PATCH /account',
    path: () => '/account',
    body: () => ({ name: 'A new name' }),
    expect: signedIn(200),
  },
  { route: 'GET /account/sessions', path: () => '/account/sessions', expect: signedIn(200) },
  {
    route: 'DELETE /account/sessions/:sessionId',
    path: () => '/account/sessions/unknown',
    expect: signedIn(404),
  },
  { route: 'GET /account/data', path: () => '/account/data', expect: signedIn(200) },
  {
    route: 'DELETE /account',
    path: () => '/account',
    body: (f, who) => ({ email: who === 'anonymous' ? 'x@example.org' : f.people[who].email }),
    // The only administrator cannot leave the instance without one.
    expect: { ...signedIn(200), admin: 409 },
  },
  // Exports are for the people who run the lab.
  {
    route: 'GET /labs/:labId/export',
    path: (f) => `/labs/${f.labId}/export?format=md&include=drafts,participants`,
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'GET /labs/:labId/export/contents',
    path: (f) => `/labs/${f.labId}/export/contents`,
    expect: lab(403, 403, 403, 200),
  },
  // Anyone who may read or edit the item; a reviewer cannot see a draft at all.
  {
    route: 'GET /items/:itemId/export',
    path: (f) => `/items/${f.itemId}/export?format=html`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'POST /labs/import',
    path: () => '/labs/import',
    body: () => ({
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      exportedAt: new Date().toISOString(),
      lab: {
        id: 'old-lab',
        title: 'Imported lab',
        challenge: '',
        phase: 'understand',
        startDate: null,
        endDate: null,
        createdAt: new Date().toISOString(),
      },
      items: [],
      members: [],
    }),
    expect: { ...signedIn(403), admin: 201 },
  },
];
