/**
 * The role matrix: every API route, called by every kind of person, answers the
 * status the policy promises. The list of routes comes from the app itself, so a
 * new route without an entry here fails the suite.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION } from '../../shared/schemas/archive';
import { DEFAULT_SURVEY_QUESTIONS } from '../../shared/schemas/survey';
import {
  apiApp,
  type Expectation,
  type Fixture,
  makeFixture,
  PASSWORD,
  PERSONAS,
  type Persona,
  preparePasswords,
} from '../helpers/role-matrix-fixture';

interface Case {
  /** `METHOD /path` as the app registers it. */
  route: string;
  variant?: string;
  path: (f: Fixture, who: Persona) => string;
  body?: (f: Fixture, who: Persona) => unknown;
  expect: Expectation;
}

const all = (status: number): Expectation =>
  Object.fromEntries(PERSONAS.map((p) => [p, status])) as Expectation;
const signedIn = (status: number): Expectation => ({ ...all(status), anonymous: 401 });
const ADMIN_ONLY = (status: number): Expectation => ({ ...signedIn(403), admin: status });
/** Lab routes: 401 anonymous, 404 for people outside the lab (no probing), then by role. */
const lab = (
  observer: number,
  reviewer: number,
  participant: number,
  facilitator: number,
): Expectation => ({
  anonymous: 401,
  nonMember: 404,
  observer,
  reviewer,
  participant,
  facilitator,
  admin: facilitator,
});

const CASES: Case[] = [
  { route: 'GET /health', path: () => '/health', expect: all(200) },
  {
    route: 'POST /auth/sign-in',
    path: () => '/auth/sign-in',
    body: (f, who) => ({
      email: who === 'anonymous' ? 'nobody@example.org' : f.people[who].email,
      password: PASSWORD,
    }),
    expect: { ...all(200), anonymous: 401 },
  },
  { route: 'POST /auth/sign-out', path: () => '/auth/sign-out', expect: all(200) },
  { route: 'GET /auth/me', path: () => '/auth/me', expect: signedIn(200) },
  {
    route: 'POST /auth/password',
    path: () => '/auth/password',
    body: () => ({ currentPassword: PASSWORD, newPassword: 'another long password' }),
    expect: signedIn(200),
  },
  { route: 'GET /auth/setup', path: () => '/auth/setup', expect: all(200) },
  // Single sign-on, where (as here) it is not configured: whether it is, for anyone;
  // starting or finishing it is not found.
  { route: 'GET /auth/sso', path: () => '/auth/sso', expect: all(200) },
  {
    route: 'POST /auth/sso/start',
    path: () => '/auth/sso/start',
    body: () => ({ intent: 'sign_in', returnTo: '/' }),
    expect: all(404),
  },
  { route: 'GET /auth/sso/callback', path: () => '/auth/sso/callback', expect: all(303) },
  {
    route: 'POST /auth/setup',
    path: () => '/auth/setup',
    body: () => ({
      token: 'x',
      email: 'new@example.org',
      name: 'New',
      profession: 'nurse',
      password: 'a long enough password',
    }),
    expect: all(409),
  },
  { route: 'GET /tokens', path: () => '/tokens', expect: signedIn(200) },
  {
    route: 'POST /tokens',
    path: () => '/tokens',
    body: () => ({ name: 'script' }),
    expect: signedIn(201),
  },
  {
    route: 'DELETE /tokens/:tokenId',
    path: (f, who) => `/tokens/${who === 'anonymous' ? 'none' : f.people[who].tokenId}`,
    expect: signedIn(200),
  },
  { route: 'GET /labs', path: () => '/labs', expect: signedIn(200) },
  {
    route: 'POST /labs',
    path: () => '/labs',
    body: () => ({ title: 'New lab' }),
    expect: { ...signedIn(403), admin: 201 },
  },
  { route: 'GET /labs/:labId', path: (f) => `/labs/${f.labId}`, expect: lab(200, 200, 200, 200) },
  {
    route: 'PATCH /labs/:labId',
    path: (f) => `/labs/${f.labId}`,
    body: () => ({ phase: 'develop' }),
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'POST /labs/:labId/archive',
    path: (f) => `/labs/${f.labId}/archive`,
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'GET /labs/:labId/members',
    path: (f) => `/labs/${f.labId}/members`,
    expect: lab(200, 403, 200, 200),
  },
  {
    route: 'PATCH /labs/:labId/members/:userId',
    path: (f) => `/labs/${f.labId}/members/${f.targetUserId}`,
    body: () => ({ role: 'observer' }),
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'DELETE /labs/:labId/members/:userId',
    path: (f) => `/labs/${f.labId}/members/${f.targetUserId}`,
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'GET /labs/:labId/invites',
    path: (f) => `/labs/${f.labId}/invites`,
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'POST /labs/:labId/invites',
    path: (f) => `/labs/${f.labId}/invites`,
    body: () => ({ role: 'reviewer' }),
    expect: lab(403, 403, 403, 201),
  },
  {
    route: 'DELETE /labs/:labId/invites/:inviteId',
    path: (f) => `/labs/${f.labId}/invites/${f.inviteId}`,
    expect: lab(403, 403, 403, 200),
  },
  {
    route: 'GET /labs/:labId/items',
    path: (f) => `/labs/${f.labId}/items`,
    expect: lab(200, 200, 200, 200),
  },
  {
    route: 'POST /labs/:labId/items',
    path: (f) => `/labs/${f.labId}/items`,
    body: () => ({ kind: 'idea', title: 'Call bells' }),
    expect: lab(403, 403, 201, 201),
  },
  {
    route: 'GET /labs/:labId/audit',
    path: (f) => `/labs/${f.labId}/audit`,
    expect: lab(403, 403, 403, 200),
  },
  // A reviewer cannot see a draft at all, so the item is "not found" for them.
  {
    route: 'GET /items/:itemId',
    path: (f) => `/items/${f.itemId}`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'PATCH /items/:itemId',
    variant: 'rename',
    path: (f) => `/items/${f.itemId}`,
    body: () => ({ title: 'Renamed' }),
    expect: lab(403, 404, 200, 200),
  },
  {
    route: 'PATCH /items/:itemId',
    variant: 'share',
    path: (f) => `/items/${f.itemId}`,
    body: () => ({ sharing: 'open_for_comment' }),
    expect: lab(403, 404, 403, 200),
  },
  // A draft workshop board: observers read it, reviewers are not invited to it.
  {
    route: 'GET /items/:itemId/workshop',
    path: (f) => `/items/${f.boardId}/workshop`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'PATCH /items/:itemId/workshop',
    path: (f) => `/items/${f.boardId}/workshop`,
    body: () => ({ votesPerPerson: 5 }),
    expect: lab(403, 404, 403, 200),
  },
  {
    route: 'POST /items/:itemId/workshop/notes',
    path: (f) => `/items/${f.boardId}/workshop/notes`,
    body: () => ({ text: 'Buzzers' }),
    expect: lab(403, 404, 201, 201),
  },
  {
    route: 'POST /items/:itemId/workshop/votes',
    path: (f) => `/items/${f.boardId}/workshop/votes`,
    body: () => ({ target: 'n1' }),
    expect: lab(403, 404, 201, 201),
  },
  {
    route: 'DELETE /items/:itemId/workshop/votes/:target',
    path: (f) => `/items/${f.boardId}/workshop/votes/n1`,
    // Each case starts from a fresh fixture: those who may vote have no vote to take back.
    expect: lab(403, 404, 404, 404),
  },
  {
    route: 'POST /items/:itemId/workshop/ideas',
    path: (f) => `/items/${f.boardId}/workshop/ideas`,
    body: (_f, who) => ({ from: `c-${who}`, impact: 'high', effort: 'easy' }),
    expect: lab(403, 404, 201, 201),
  },
  {
    route: 'GET /items/:itemId/comments',
    path: (f) => `/items/${f.itemId}/comments`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'POST /items/:itemId/comments',
    path: (f) => `/items/${f.itemId}/comments`,
    body: () => ({ body: 'A comment' }),
    expect: lab(403, 404, 201, 201),
  },
  // Keeping an item's text with a reason: those who may edit it (the fixture's item
  // holds nothing to flag, so they are answered 422 after the check of rights).
  {
    route: 'POST /items/:itemId/personal-data-flags',
    path: (f) => `/items/${f.itemId}/personal-data-flags`,
    body: () => ({ target: 'fields.what', reason: 'Needed' }),
    expect: lab(403, 404, 422, 422),
  },
  {
    route: 'GET /labs/:labId/personal-data',
    path: (f) => `/labs/${f.labId}/personal-data`,
    expect: lab(403, 403, 403, 200),
  },
  // Whom a comment may @mention: lab members who may see the item (asked by staff).
  {
    route: 'GET /items/:itemId/mentionable',
    path: (f) => `/items/${f.itemId}/mentionable`,
    expect: lab(200, 404, 200, 200),
  },
  // Everyone's own comments across their labs.
  { route: 'GET /me/comments', path: () => '/me/comments', expect: signedIn(200) },
  // Everyone's own notifications; someone else's id answers as no notification.
  { route: 'GET /notifications', path: () => '/notifications', expect: signedIn(200) },
  {
    route: 'GET /notifications/stream',
    path: () => '/notifications/stream',
    expect: signedIn(200),
  },
  {
    route: 'POST /notifications/read-all',
    path: () => '/notifications/read-all',
    expect: signedIn(200),
  },
  {
    route: 'POST /notifications/:id/read',
    path: () => '/notifications/unknown/read',
    expect: signedIn(404),
  },
  {
    route: 'GET /notifications/settings',
    path: () => '/notifications/settings',
    expect: signedIn(200),
  },
  {
    route: 'PUT /notifications/settings',
    path: () => '/notifications/settings',
    body: () => ({ email: 'daily' }),
    expect: signedIn(200),
  },
  // History: members who may read items see it (reviewers never: it holds drafts and
  // deleted passages); those who may edit name and restore; facilitators delete.
  {
    route: 'GET /items/:itemId/versions',
    path: (f) => `/items/${f.itemId}/versions`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'POST /items/:itemId/versions',
    path: (f) => `/items/${f.itemId}/versions`,
    body: () => ({ name: 'Agreed at lab meeting 3' }),
    expect: lab(403, 404, 201, 201),
  },
  {
    route: 'GET /items/:itemId/versions/:versionId',
    path: (f) => `/items/${f.itemId}/versions/${f.versionId}`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'GET /items/:itemId/compare',
    path: (f) => `/items/${f.itemId}/compare?from=${f.versionId}`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'POST /items/:itemId/versions/:versionId/restore',
    path: (f) => `/items/${f.itemId}/versions/${f.versionId}/restore`,
    expect: lab(403, 404, 201, 201),
  },
  {
    route: 'GET /items/:itemId/authorship',
    path: (f) => `/items/${f.itemId}/authorship`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'GET /items/:itemId/changes',
    path: (f) => `/items/${f.itemId}/changes`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'POST /items/:itemId/seen',
    path: (f) => `/items/${f.itemId}/seen`,
    expect: lab(204, 404, 204, 204),
  },
  {
    route: 'GET /labs/:labId/versions',
    path: (f) => `/labs/${f.labId}/versions`,
    expect: lab(200, 403, 200, 200),
  },
  {
    route: 'GET /labs/:labId/changes',
    path: (f) => `/labs/${f.labId}/changes`,
    expect: lab(200, 403, 200, 200),
  },
  {
    route: 'POST /labs/:labId/versions/delete-before',
    path: (f) => `/labs/${f.labId}/versions/delete-before`,
    body: () => ({ before: '2020-01-01' }),
    expect: lab(403, 403, 403, 200),
  },
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

describe('role matrix: every API route for every kind of person', () => {
  beforeAll(async () => {
    await preparePasswords();
  });

  it('has an entry for every route the API registers', async () => {
    const f = await makeFixture();
    const registered = new Set(
      apiApp(f)
        .routes.filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/^\/api/, '')}`),
    );
    const covered = new Set(CASES.map((c) => c.route));
    expect([...registered].filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !registered.has(route))).toEqual([]);
  });

  for (const testCase of CASES) {
    const name = `${testCase.route}${testCase.variant ? ` (${testCase.variant})` : ''}`;
    it(name, async () => {
      const seen: Partial<Record<Persona, number>> = {};
      for (const who of PERSONAS) {
        const f = await makeFixture();
        const app = apiApp(f);
        const [method] = testCase.route.split(' ');
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (who !== 'anonymous') headers.authorization = `Bearer ${f.people[who].token}`;
        const response = await app.request(testCase.path(f, who), {
          method,
          headers,
          ...(testCase.body ? { body: JSON.stringify(testCase.body(f, who)) } : {}),
        });
        seen[who] = response.status;
        // A stream (the notifications' events) ends when its reader goes.
        await response.body?.cancel();
      }
      expect(seen).toEqual(testCase.expect);
    });
  }
});
