/**
 * Accounts and documents for `npm run soak`, made through the HTTP API as people
 * would: the administrator's API token and a lab of notes (`bench/workspace-access.ts`),
 * then people invited to the lab, who sign up and create tokens of their own: the
 * participants whose clients edit (a few documents open each, as tabs would be; one
 * account for all would pass the cap on sockets per account), and an observer, the
 * read-only client that floods.
 */
import * as z from 'zod';
import type { AdminCredentials, DocAccess } from '../bench/workspace-access';
import { CSRF_HEADER } from '../shared/api-contract';
import { ACCESS_TOKEN_PARAM } from '../server/sync/authorize-upgrade';
import type { LabRole } from '../shared/roles';

const SignedIn = z.object({ csrfToken: z.string().min(1) });
const Token = z.object({ token: z.string().min(1) });
const Invite = z.object({ path: z.string().startsWith('/invite/') });
const LabOfItem = z.object({ item: z.object({ labId: z.string().min(1) }) });

async function call<S extends z.ZodType>(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> },
  expect: S,
): Promise<{ body: z.infer<S>; response: Response }> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return { body: expect.parse(JSON.parse(text)), response };
}

/** A session's cookie and CSRF token, from a sign-in or sign-up answer. */
function session(answer: { body: { csrfToken: string }; response: Response }) {
  const cookie = answer.response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, [CSRF_HEADER]: answer.body.csrfToken };
}

/**
 * Invites `count` people to the lab that holds `doc` with `role`; each signs up and
 * creates a token. Returns their tokens, in order.
 */
async function invitePeople(
  httpBase: string,
  admin: AdminCredentials,
  doc: DocAccess,
  role: LabRole,
  count: number,
): Promise<string[]> {
  const adminToken = doc.params[ACCESS_TOKEN_PARAM] ?? '';
  const bearer = { authorization: `Bearer ${adminToken}` };
  const item = await call(
    `${httpBase}/api/items/${doc.docId}`,
    { method: 'GET', headers: bearer },
    LabOfItem,
  );
  const invite = await call(
    `${httpBase}/api/labs/${item.body.item.labId}/invites`,
    { body: { role, maxUses: count }, headers: bearer },
    Invite,
  );
  const inviteToken = invite.body.path.slice('/invite/'.length);
  const tokens: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const signedUp = await call(
      `${httpBase}/api/invites/${inviteToken}/sign-up`,
      {
        body: {
          email: `soak-${role}-${i}@example.org`,
          name: `Soak ${role} ${i}`,
          profession: 'other',
          password: `${admin.password}-${role}-${i}`,
        },
      },
      SignedIn,
    );
    const created = await call(
      `${httpBase}/api/tokens`,
      { body: { name: 'soak' }, headers: session(signedUp) },
      Token,
    );
    tokens.push(created.body.token);
  }
  return tokens;
}

/** Invites an observer to the lab that holds `doc` and returns their way in, read-only. */
export async function observerAccess(
  httpBase: string,
  admin: AdminCredentials,
  doc: DocAccess,
): Promise<DocAccess> {
  const [token] = await invitePeople(httpBase, admin, doc, 'observer', 1);
  return { docId: doc.docId, params: { [ACCESS_TOKEN_PARAM]: token ?? '' } };
}

/**
 * `people` participants of the lab that holds `docs`; the n-th client opens document
 * n mod docs as person n mod people.
 */
export async function participants(
  httpBase: string,
  admin: AdminCredentials,
  docs: readonly DocAccess[],
  people: number,
): Promise<(n: number) => DocAccess> {
  const first = docs[0];
  if (!first) throw new Error('no documents');
  const tokens = await invitePeople(httpBase, admin, first, 'participant', people);
  return (n) => {
    const doc = docs[n % docs.length] as DocAccess;
    const token = tokens[n % tokens.length] ?? '';
    return { docId: doc.docId, params: { [ACCESS_TOKEN_PARAM]: token } };
  };
}
