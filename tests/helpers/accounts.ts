/**
 * Test fixtures for people, labs and documents, written straight into a
 * MetaStore (the API's own behaviour is tested separately), and HTTP helpers that
 * sign in the way a browser does.
 */

import { API_TOKEN_PREFIX, SESSION_TOKEN_PREFIX } from '../../server/auth/authenticate';
import { MIN_PASSWORD_HASH_COST } from '../../server/auth/password-hash';
import { hashSecret, newId, newSecret } from '../../server/auth/secrets';
import { SESSION_COOKIE } from '../../server/auth/session-cookie';
import type { MetaStore } from '../../server/store/meta-store';
import { CSRF_HEADER } from '../../shared/api-contract';
import type { LabRole, SharingState } from '../../shared/roles';
import type { ItemKind, UserRecord } from '../../shared/schemas/records';

/** A fixed scrypt hash of TEST_PASSWORD, so fixtures need not spend time hashing. */
export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * Test servers hash passwords at the lowest cost `PASSWORD_HASH_COST` allows, so
 * that sign-ins take milliseconds; the production default is proven by its own test.
 */
export const TEST_PASSWORD_HASH_COST = MIN_PASSWORD_HASH_COST;

export interface TestPerson {
  readonly user: UserRecord;
  /** A personal API token carrying the person's rights. */
  readonly token: string;
}

const at = () => new Date().toISOString();

export async function addPerson(
  meta: MetaStore,
  name: string,
  options: { isAdmin?: boolean; passwordHash?: string } = {},
): Promise<TestPerson> {
  const user = await meta.createUser({
    id: newId(),
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
    name,
    profession: 'nurse',
    passwordHash: options.passwordHash ?? 'scrypt$1$1$1$AA$AA',
    isAdmin: options.isAdmin ?? false,
    canCreateLabs: options.isAdmin ?? false,
    createdAt: at(),
  });
  const token = newSecret(API_TOKEN_PREFIX);
  await meta.createApiToken({
    id: newId(),
    userId: user.id,
    name: 'test',
    tokenHash: hashSecret(token),
    createdAt: at(),
    lastUsedAt: null,
    revokedAt: null,
    expiresAt: null,
  });
  return { user, token };
}

export async function addLab(
  meta: MetaStore,
  facilitator: UserRecord,
  id = newId(),
): Promise<string> {
  await meta.createLab(
    {
      id,
      title: `Lab ${id}`,
      challenge: 'How might we reduce falls?',
      phase: 'understand',
      startDate: null,
      endDate: null,
      createdAt: at(),
      createdBy: facilitator.id,
      archivedAt: null,
    },
    { labId: id, userId: facilitator.id, role: 'facilitator', joinedAt: at() },
  );
  return id;
}

export async function addMember(
  meta: MetaStore,
  labId: string,
  user: UserRecord,
  role: LabRole,
): Promise<void> {
  await meta.addMember({ labId, userId: user.id, role, joinedAt: at() });
}

export async function addItem(
  meta: MetaStore,
  labId: string,
  id: string,
  options: { kind?: ItemKind; sharing?: SharingState } = {},
): Promise<string> {
  await meta.createItem({
    id,
    labId,
    kind: options.kind ?? 'note',
    title: `Item ${id}`,
    status: 'draft',
    sharing: options.sharing ?? 'draft',
    order: 1,
    createdAt: at(),
    updatedAt: at(),
    updatedBy: null,
    archivedAt: null,
  });
  return id;
}

/** Opens a session straight in the store (as sign-in would) and returns its cookie. */
export async function openSession(
  meta: MetaStore,
  user: UserRecord,
  expiresAt: Date,
): Promise<string> {
  const token = newSecret(SESSION_TOKEN_PREFIX);
  await meta.createSession({
    tokenHash: hashSecret(token),
    userId: user.id,
    csrfToken: newSecret('csrf'),
    createdAt: new Date().toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return `${SESSION_COOKIE}=${token}`;
}

export interface HttpSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

/** Signs in over HTTP as a browser would, returning the cookie and the CSRF token. */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<HttpSession> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

/** Calls the API with a signed-in session, as the client does (cookie + CSRF header). */
export async function apiAs<T>(
  baseUrl: string,
  session: HttpSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrfToken,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const CHILD_ADMIN = { email: 'admin@example.org', password: TEST_PASSWORD } as const;

/** Environment for a server child process with a known administrator and the demo lab. */
export function childAdminEnv(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DEMO: 'true',
    ADMIN_EMAIL: CHILD_ADMIN.email,
    ADMIN_PASSWORD: CHILD_ADMIN.password,
  };
}

/** Signs in as the child's administrator and creates a note in the demo lab and an API token. */
export async function prepareChildDoc(
  baseUrl: string,
  labId: string,
): Promise<{ docId: string; token: string }> {
  const session = await signIn(baseUrl, CHILD_ADMIN.email, CHILD_ADMIN.password);
  const { item } = await apiAs<{ item: { id: string } }>(
    baseUrl,
    session,
    'POST',
    `/api/labs/${labId}/items`,
    {
      kind: 'note',
      title: 'Crash test',
    },
  );
  const { token } = await apiAs<{ token: string }>(baseUrl, session, 'POST', '/api/tokens', {
    name: 'test',
  });
  return { docId: item.id, token };
}
