/**
 * A lab's page opened from its address asks for the lab as the page's script runs
 * (`early-requests.ts`), not once the session has answered and the page's code has
 * come: the server names the same request in the page's response, so the answer is
 * usually there already. The first part of the page to ask for that lab takes the
 * early answer, once (`lab-context.tsx`); one that failed (asked before the person
 * signed in, say) is asked again, so the page shows the same errors as before.
 * Its own module, so that the entry chunk does not carry the lab pages' code.
 */
import { Api } from '../../shared/api-routes';
import type { Lab } from '../../shared/schemas/api-responses';
import type { ApiClient } from '../lib/api';

let early: { labId: string; answer: Promise<Lab> } | null = null;

export function askForLabEarly(api: ApiClient, labId: string): void {
  const answer = api.call(Api.labs.get, { params: { labId } }).then((data) => data.lab);
  // The page asks again and shows whatever goes wrong then.
  answer.catch(() => undefined);
  early = { labId, answer };
}

/** The early answer for `labId`, handed over once; null if there is none to take. */
export function takeEarlyLab(labId: string): Promise<Lab> | null {
  if (early?.labId !== labId) return null;
  const { answer } = early;
  early = null;
  return answer;
}
