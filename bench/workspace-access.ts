/**
 * Getting documents that our server lets a stock client open. Sync is authorised
 * (a session or a personal API token, and membership of the lab that holds the
 * item), so the benchmark does what a person would do through the HTTP API: signs
 * in as the first administrator (whose email and password it gave the server at
 * start), creates a personal API token, a lab and one item per document, and hands
 * the token to clients as the `access_token` query parameter stock clients can
 * send. The baseline needs none of this: any id opens a document there.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ACCESS_TOKEN_PARAM } from '../server/sync/authorize-upgrade';
import { CSRF_HEADER } from '../shared/api-contract';
import type {
  CreateApiTokenBodySchema,
  CreateItemBodySchema,
  CreateLabBodySchema,
  SignInBodySchema,
} from '../shared/schemas/api';

/** A document id and the query parameters a client needs to open it. */
export interface DocAccess {
  readonly docId: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface AdminCredentials {
  readonly email: string;
  readonly password: string;
}

/** A fresh administrator for one benchmark run (the password never leaves this machine). */
export function newAdminCredentials(): AdminCredentials {
  return { email: 'bench@example.org', password: randomBytes(18).toString('base64url') };
}

/** The variables that make our server create that administrator at its first start. */
export function adminEnv(admin: AdminCredentials): Record<string, string> {
  return { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ADMIN_NAME: 'Benchmark' };
}

const SignedIn = z.object({ csrfToken: z.string().min(1) });
const TokenCreated = z.object({ token: z.string().min(1) });
const LabCreated = z.object({ lab: z.object({ id: z.string().min(1) }) });
const ItemCreated = z.object({ item: z.object({ id: z.string().min(1) }) });

interface Call<S extends z.ZodType> {
  readonly path: string;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  readonly expect: S;
}

async function post<S extends z.ZodType>(httpBase: string, call: Call<S>) {
  const response = await fetch(`${httpBase}${call.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...call.headers },
    body: JSON.stringify(call.body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`POST ${call.path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  const parsed = call.expect.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`POST ${call.path} answered an unexpected body: ${text}`);
  return { body: parsed.data, response };
}

/** Signs in and creates a personal API token; returns the token. */
export async function createApiToken(httpBase: string, admin: AdminCredentials): Promise<string> {
  const signIn: z.input<typeof SignInBodySchema> = admin;
  const session = await post(httpBase, {
    path: '/api/auth/sign-in',
    body: signIn,
    expect: SignedIn,
  });
  // Send the session cookie back as a browser would: its name=value pair only.
  const cookie = session.response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('signing in set no session cookie');
  const tokenBody: z.input<typeof CreateApiTokenBodySchema> = { name: 'benchmark' };
  const created = await post(httpBase, {
    path: '/api/tokens',
    body: tokenBody,
    headers: { cookie, [CSRF_HEADER]: session.body.csrfToken },
    expect: TokenCreated,
  });
  return created.body.token;
}

/** A lab the benchmark's items go in, and the token that may open them. */
export interface BenchLab {
  readonly labId: string;
  readonly token: string;
}

/** Signs in, creates a personal API token and a lab. */
export async function createBenchLab(httpBase: string, admin: AdminCredentials): Promise<BenchLab> {
  const token = await createApiToken(httpBase, admin);
  const labBody: z.input<typeof CreateLabBodySchema> = { title: 'Benchmark lab' };
  const lab = await post(httpBase, {
    path: '/api/labs',
    body: labBody,
    headers: { authorization: `Bearer ${token}` },
    expect: LabCreated,
  });
  return { labId: lab.body.lab.id, token };
}

/** Creates a note in `lab` over the API and returns how to open its document. */
export async function createNote(
  httpBase: string,
  lab: BenchLab,
  title: string,
): Promise<DocAccess> {
  const itemBody: z.input<typeof CreateItemBodySchema> = { kind: 'note', title };
  const item = await post(httpBase, {
    path: `/api/labs/${lab.labId}/items`,
    body: itemBody,
    headers: { authorization: `Bearer ${lab.token}` },
    expect: ItemCreated,
  });
  return { docId: item.body.item.id, params: { [ACCESS_TOKEN_PARAM]: lab.token } };
}

/** Creates a lab with one note per title and returns how to open each note's document. */
export async function provisionDocuments(
  httpBase: string,
  admin: AdminCredentials,
  titles: readonly string[],
): Promise<DocAccess[]> {
  const lab = await createBenchLab(httpBase, admin);
  const accesses: DocAccess[] = [];
  for (const title of titles) accesses.push(await createNote(httpBase, lab, title));
  return accesses;
}

/** A client URL for `access` under `syncBase`, with its query parameters. */
export function docUrl(syncBase: string, access: DocAccess): string {
  const query = new URLSearchParams(access.params).toString();
  return `${syncBase}/${access.docId}${query ? `?${query}` : ''}`;
}
