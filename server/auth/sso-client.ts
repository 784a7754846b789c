/**
 * The OpenID Connect relying party, with `openid-client`: the authorisation code
 * flow with PKCE, state and nonce. Loaded by `app.ts` only when `OIDC_ISSUER` is set.
 * The provider's metadata is discovered on first use (and again after a failure), so
 * the server starts while the provider is unreachable.
 */
import * as oidc from 'openid-client';
import type { Logger } from '../logger';
import { isLoopbackUrl, type OidcSettings, type SsoClaims } from './sso-settings';

/** What one sign-in needs kept until the person returns. */
export interface SsoChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface SsoClient {
  readonly settings: OidcSettings;
  /** New random state, nonce and PKCE verifier for one sign-in. */
  newChecks(): SsoChecks;
  /** Where to send the person: the provider's authorisation endpoint with the request. */
  authorizationUrl(checks: SsoChecks, redirectUri: string): Promise<URL>;
  /**
   * Redeems the code in `callbackUrl` (the redirect URI with the provider's query),
   * checking state, PKCE, nonce, issuer, audience and signature; answers the ID
   * token's claims with UserInfo's where the token lacks the email.
   */
  redeem(callbackUrl: URL, checks: SsoChecks): Promise<SsoClaims>;
}

/** How long a call to the provider may take. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export function createSsoClient(settings: OidcSettings, logger: Logger): SsoClient {
  let discovered: Promise<oidc.Configuration> | null = null;
  const configuration = () => {
    discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        { client_secret: settings.clientSecret },
        oidc.ClientSecretBasic(settings.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          // Plain HTTP is refused for any provider but one on this machine (`config.ts`).
          ...(isLoopbackUrl(settings.issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        discovered = null;
        logger.warn('single sign-on: the provider could not be discovered', {
          issuer: settings.issuer,
          error,
        });
        throw error;
      });
    return discovered;
  };
  return {
    settings,
    newChecks: () => ({
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    }),
    async authorizationUrl(checks, redirectUri) {
      const config = await configuration();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async redeem(callbackUrl, checks) {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (claims === undefined) throw new Error('the provider returned no ID token');
      if (typeof claims.email === 'string' && claims.email_verified !== undefined) {
        return { ...claims };
      }
      // Many providers put the email only in UserInfo; its subject must be the token's.
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      return { ...info, ...claims, email: info.email, email_verified: info.email_verified };
    },
  };
}
