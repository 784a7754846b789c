/**
 * Role-matrix entries for signing in, labs, items and their documents, boards,
 * personal data, mentions, notifications and history.
 */
import { all, type Case, lab, signedIn } from './role-matrix-case';
import { PASSWORD } from './role-matrix-fixture';

export const WORK_CASES: Case[] = [
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
  // Adding to a diagram needs edit rights on it: observers read it (403).
  {
    route: 'GET /items/:itemId/workshop/targets',
    path: (f) => `/items/${f.boardId}/workshop/targets`,
    expect: lab(200, 404, 200, 200),
  },
  {
    route: 'POST /items/:itemId/workshop/drivers',
    path: (f) => `/items/${f.boardId}/workshop/drivers`,
    body: (f, who) => ({ from: `c-${who}`, diagramId: f.diagramId, under: 'p1' }),
    expect: lab(403, 404, 201, 201),
  },
  {
    route: 'POST /items/:itemId/workshop/causes',
    path: (f) => `/items/${f.boardId}/workshop/causes`,
    body: (f, who) => ({ from: `c-${who}`, fishboneId: f.fishboneId, categoryId: 'k1' }),
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
];
