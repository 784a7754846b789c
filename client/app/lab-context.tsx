/**
 * What the pages of one lab share: loading the lab, and the back link and
 * caption that tie a sub-page to its lab.
 */

import type { ReactNode } from 'react';
import { Api } from '../../shared/api-routes';
import { type LabAction, mayInLab } from '../../shared/policy';
import type { Lab } from '../../shared/schemas/api-responses';
import type { ApiClient } from '../lib/api';
import { Link } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { type Loaded, useApiData } from '../lib/use-api-data';
import { takeEarlyLab } from './early-lab';
import { paths } from './router';
import type { SignedIn } from './session';

/**
 * Requests for a lab still awaiting their answer: the parts of one page that each
 * need the lab (an item page's back link, its header and its personal-data notice)
 * share one request instead of asking three times. A settled one is forgotten, so
 * a reload always asks the server again. The first to ask takes the answer asked
 * for as the page opened, if any (`early-lab.ts`).
 */
const asking = new WeakMap<ApiClient, Map<string, Promise<Lab>>>();

function askForLab(api: ApiClient, labId: string): Promise<Lab> {
  let pending = asking.get(api);
  if (!pending) {
    pending = new Map();
    asking.set(api, pending);
  }
  let answer = pending.get(labId);
  if (!answer) {
    const ask = () => api.call(Api.labs.get, { params: { labId } }).then((data) => data.lab);
    answer = takeEarlyLab(labId)?.catch(ask) ?? ask();
    pending.set(labId, answer);
    const forget = () => pending.delete(labId);
    answer.then(forget, forget);
  }
  return answer;
}

export function useLab(api: ApiClient, labId: string): [Loaded<Lab>, () => void] {
  return useApiData(`lab:${labId}`, () => askForLab(api, labId));
}

export function may(session: SignedIn, lab: Lab, action: LabAction): boolean {
  return mayInLab(session.actor, lab.myRole, action);
}

/**
 * A lab sub-page: while the lab loads, a loading line; if it fails, the
 * server's sentence; otherwise a back link to the lab and the page.
 */
export function LabSubPage(props: {
  lab: Loaded<Lab>;
  heading: string;
  children: (lab: Lab) => ReactNode;
}) {
  const { lab, heading, children } = props;
  if (lab.status === 'loading') return <Loading />;
  if (lab.status === 'error') return <LoadFailed error={lab.error} />;
  return (
    <>
      <Link className="nhsuk-back-link" href={paths.lab(lab.data.id)}>
        Back to {lab.data.title}
      </Link>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{lab.data.title}</span> {heading}
      </h1>
      {children(lab.data)}
    </>
  );
}
