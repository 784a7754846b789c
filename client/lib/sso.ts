/**
 * Single sign-on in the pages: whether it is offered (and the button's words), going
 * to the organisation's provider, and the refusal the server sent a page back with.
 */

import type * as z from 'zod';
import { Api } from '../../shared/api-routes';
import type { SsoStartBodySchema } from '../../shared/schemas/sso';
import { SSO_ERROR_PARAM, type SsoInfo, ssoErrorMessage } from '../../shared/schemas/sso';
import type { ApiClient } from './api';
import type { FormErrors } from './form-errors';
import { type Loaded, useApiData } from './use-api-data';

/** `who` keys the answer to the person, since it says whether their account is linked. */
export function useSsoInfo(api: ApiClient, who: string): Loaded<SsoInfo> {
  return useApiData(`sso:${who}`, () => api.call(Api.auth.sso))[0];
}

/**
 * Asks the server to start, then leaves for the provider. The page navigates itself,
 * because the CSP's `form-action 'self'` stops a form from being redirected off the site.
 */
export async function goToProvider(
  api: ApiClient,
  body: z.input<typeof SsoStartBodySchema>,
): Promise<void> {
  const { url } = await api.call(Api.auth.ssoStart, { body });
  window.location.assign(url);
}

/** The refusal in this page's address, as form errors for the error summary, or null. */
export function ssoRefusal(): FormErrors | null {
  const text = ssoErrorMessage(new URLSearchParams(window.location.search).get(SSO_ERROR_PARAM));
  return text === null ? null : { summary: [{ text }], fields: {} };
}
