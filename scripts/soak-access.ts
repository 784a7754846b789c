/**
 * Accounts and documents for `npm run soak`, made through the HTTP API as people
 * would: the administrator's API token and a lab of notes (`bench/workspace-access.ts`),
 * then an observer invited to the lab, who signs up and creates a token of their own:
 * the read-only client that floods.
 */
import { z } from 'zod';
import { CSRF_HEADER } from '../server/api/auth/csrf';
import { ACCESS_TOKEN_PARAM } from '../server/sync/authorize-upgrade';
import type { AdminCredentials, DocAccess } from '../bench/workspace-access';

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
    signal: AbortSignal.timeout(10_000),
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

/** Invites an observer to the lab that holds `doc` and returns their way in, read-only. */
export async function observerAccess(
  httpBase: string,
  admin: AdminCredentials,
  doc: DocAccess,
): Promise<DocAccess> {
  const adminToken = doc.params[ACCESS_TOKEN_PARAM] ?? '';
  const bearer = { authorization: `Bearer ${adminToken}` };
  const item = await call(
    `${httpBase}/api/items/${doc.docId}`,
    { method: 'GET', headers: bearer },
    LabOfItem,
  );
  const invite = await call(
    `${httpBase}/api/labs/${item.body.item.labId}/invites`,
    { body: { role: 'observer' }, headers: bearer },
    Invite,
  );
  const token = invite.body.path.slice('/invite/'.length);
  const signedUp = await call(
    `${httpBase}/api/invites/${token}/sign-up`,
    {
      body: {
        email: 'soak-observer@example.org',
        name: 'Soak Observer',
        profession: 'other',
        password: `${admin.password}-observer`,
      },
    },
    SignedIn,
  );
  const created = await call(
    `${httpBase}/api/tokens`,
    { body: { name: 'soak' }, headers: session(signedUp) },
    Token,
  );
  return { docId: doc.docId, params: { [ACCESS_TOKEN_PARAM]: created.body.token } };
}
