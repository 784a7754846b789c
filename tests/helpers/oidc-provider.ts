/**
 * A real OpenID Connect provider for tests (`oidc-provider`), on a free port of this
 * machine, with one confidential test client and the test people it knows. Its
 * development interactions are the login page (any password; the login names a
 * test person) and the consent page. Email claims reach the client through UserInfo,
 * as with many real providers (the ID token carries only what OpenID Connect requires).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { OidcSettings } from '../../server/auth/sso-settings';
import type { CookieJarClient, FollowResult } from './cookie-client';

export interface TestIdentity {
  /** What is typed into the login field; also the subject. */
  readonly login: string;
  readonly email: string;
  readonly emailVerified: boolean;
  readonly name: string;
}

export interface TestProvider {
  readonly issuer: string;
  /** The settings a server needs to use it (`Config['oidc']`). */
  settings(overrides?: Partial<OidcSettings>): OidcSettings;
  /** Registers the server's callback, once its address is known; the provider answers from then on. */
  allowRedirect(redirectUri: string): void;
  close(): Promise<void>;
}

const CLIENT_ID = 'improvement-lab-test';
const CLIENT_SECRET = 'a-test-client-secret-that-is-long-enough';

export async function startOidcProvider(people: readonly TestIdentity[]): Promise<TestProvider> {
  const byLogin = new Map(people.map((person) => [person.login, person]));
  let handle: http.RequestListener = (_request, response) => {
    response.writeHead(503).end('the test provider has no client yet');
  };
  const server = http.createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    settings: (overrides = {}) => ({
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      allowedDomains: [],
      name: null,
      ...overrides,
    }),
    allowRedirect(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name'],
        },
        cookies: { keys: ['test-provider-cookie-key'] },
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          Grant: 3600,
          IdToken: 600,
          Interaction: 600,
          Session: 3600,
        },
        findAccount(_context, id) {
          const person = byLogin.get(id);
          if (person === undefined) return undefined;
          return {
            accountId: id,
            claims: () => ({
              sub: id,
              email: person.email,
              email_verified: person.emailVerified,
              name: person.name,
            }),
          };
        },
      });
      handle = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Goes through the provider as a person would: follows redirects from `url`, logs in
 * as `login` and consents on the provider's pages when they are shown, and stops at
 * the first address `stopAt` accepts (not fetched) or the first page that is not the
 * provider's.
 */
export async function passProvider(
  client: CookieJarClient,
  url: string,
  login: string,
  stopAt: (url: URL) => boolean,
): Promise<FollowResult> {
  let result = await client.follow(url, { stopAt });
  for (let step = 0; step < 4 && !result.stopped; step += 1) {
    const page = result.body;
    const prompt = /name="prompt" value="(login|consent)"/.exec(page)?.[1];
    if (prompt === undefined) return result;
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'any password');
    }
    result = await client.follow(result.url, { method: 'POST', form, stopAt });
  }
  return result;
}
