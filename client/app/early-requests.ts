/**
 * What every visit asks the server first, sent while the page's script is still
 * being evaluated instead of once React has drawn the first frame: the session, on
 * an item's page the item's summary (`early-item.ts`), and on a lab's page the lab
 * (`early-lab.ts`). The server names the same requests in the page's response
 * (`server/page-data-preloads.ts`), so the browser has usually fetched them before
 * this script arrived; it hands a preloaded answer only to a request made before the
 * page's load event, which a request sent from a React effect can miss when the
 * page's code comes from the browser's cache.
 */
import { parseRoute } from '../../shared/page-routes';
import type { MeResponse } from '../../shared/schemas/api';
import { createApiClient } from '../lib/api';
import { askForItemEarly } from './early-item';
import { askForLabEarly } from './early-lab';

let session: Promise<MeResponse | null> | null = null;

/** Asks for the session and for what the page at `pathname` shows first. */
export function sendEarlyRequests(pathname: string): void {
  // Reads only: this client never needs the session's CSRF token.
  const api = createApiClient();
  session = api.me();
  // Whoever takes the answer reports a failure; one never taken is not an error.
  session.catch(() => undefined);
  const route = parseRoute(pathname);
  if (route.page === 'item') askForItemEarly(api, route.itemId);
  // The overview and the ideas view (the lab's other pages are not ways in).
  if (route.page === 'lab') askForLabEarly(api, route.labId);
}

/** The session's early answer (null: none, or already taken), handed over once. */
export function takeEarlySession(): Promise<MeResponse | null> | null {
  const taken = session;
  session = null;
  return taken;
}
