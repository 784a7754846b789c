/**
 * Every route contract in shared/api-routes.ts names a route the real server
 * has: each is requested on a running server, signed in as an administrator who
 * facilitates a lab with an item. Reads of that lab and item must answer 2xx with
 * an answer the contract's schema accepts; writes are sent to ids that do not
 * exist (or with an empty body), so they change nothing, and must be answered by
 * their route (a refusal of the body or "that lab was not found"), never by
 * "there is no such API endpoint".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password-hash';
import { API_PREFIX, type ApiRoute, CSRF_HEADER, routePath } from '../../shared/api-contract';
import { Api } from '../../shared/api-routes';
import {
  addItem,
  addMember,
  addPerson,
  type HttpSession,
  signIn,
  TEST_PASSWORD,
  TEST_PASSWORD_HASH_COST,
} from '../helpers/accounts';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

let workspace: TestWorkspace;
let session: HttpSession;
const itemId = 'contract-item';
/** A workshop board: its routes answer only for a board. */
const boardId = 'contract-board';

beforeAll(async () => {
  workspace = await startTestWorkspace();
  const { meta } = workspace.server;
  const admin = await addPerson(meta, 'Ada Admin', {
    isAdmin: true,
    passwordHash: await hashPassword(TEST_PASSWORD, TEST_PASSWORD_HASH_COST),
  });
  await addMember(meta, workspace.labId, admin.user, 'facilitator');
  await addItem(meta, workspace.labId, itemId, { sharing: 'open_for_comment' });
  await addItem(meta, workspace.labId, boardId, { kind: 'workshop', sharing: 'open_for_comment' });
  session = await signIn(workspace.url, admin.user.email, TEST_PASSWORD);
});

afterAll(() => workspace.stop());

const routes = Object.entries(Api).flatMap(([group, table]) =>
  Object.entries(table as Record<string, ApiRoute>).map(([name, route]) => ({
    name: `${group}.${name}`,
    route,
  })),
);

/** Parameters the test has real values for: a read naming only these must succeed. */
const KNOWN = new Set(['labId', 'itemId', 'round']);

/** A read of the lab and item the test made (a comparison needs versions it has not). */
function readsKnown(route: ApiRoute): boolean {
  const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map(([, name]) => name ?? '');
  return (
    route.method === 'GET' &&
    !route.path.endsWith('/compare') &&
    params.every((name) => KNOWN.has(name))
  );
}

function paramsFor(route: ApiRoute, real: boolean): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of route.path.matchAll(/:([A-Za-z]+)/g)) {
    if (!name) continue;
    if (real && name === 'labId') params[name] = workspace.labId;
    else if (real && name === 'itemId')
      params[name] = route.path.includes('/workshop') ? boardId : itemId;
    else if (name === 'round') params[name] = 'before';
    else params[name] = 'no-such-id';
  }
  return params;
}

async function request(route: ApiRoute, real: boolean): Promise<Response> {
  const query = route.path.endsWith('/compare') ? { from: 'no-such-id' } : {};
  const path = routePath(route.path, paramsFor(route, real), query);
  return fetch(`${workspace.url}${API_PREFIX}${path}`, {
    method: route.method,
    headers: {
      accept: 'application/json',
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrfToken,
      ...(route.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(route.body ? { body: '{"no such field": true}' } : {}),
  });
}

describe('API contracts', () => {
  it('lists routes', () => {
    expect(routes.length).toBeGreaterThan(70);
  });

  // Signing out last, as it ends the session the others use.
  const ordered = [
    ...routes.filter(({ name }) => name !== 'auth.signOut'),
    ...routes.filter(({ name }) => name === 'auth.signOut'),
  ];

  it.each(ordered)(
    '$name ($route.method $route.path) is a route of the server',
    async ({ route }) => {
      const read = readsKnown(route);
      const response = await request(route, read);
      const text = await response.text();
      const answer: unknown = text === '' ? null : JSON.parse(text);
      expect(
        { status: response.status, answer },
        `${route.method} ${route.path} is not a route`,
      ).not.toMatchObject({
        status: 404,
        answer: { error: { message: 'There is no such API endpoint.' } },
      });
      expect(response.status, `${route.method} ${route.path}: ${text}`).not.toBe(405);
      if (read) {
        expect(response.status, `${route.method} ${route.path}: ${text}`).toBeLessThan(300);
        const parsed = route.answer.safeParse(answer);
        expect(parsed.success, `${route.method} ${route.path}: ${text}`).toBe(true);
      }
    },
  );
});
