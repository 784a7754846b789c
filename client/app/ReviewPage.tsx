/**
 * `/labs/<labId>/review`: the review round, for the lab's facilitators: comments
 * and resolved threads per item, and who commented with their profession.
 */

import { Api } from '../../shared/api-routes';
import type { Lab } from '../../shared/schemas/api-responses';
import { ReviewSummary } from '../features/comments/ReviewSummary';
import { Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import { paths } from './router';
import type { SignedIn } from './session';

function Round({ session, lab }: { session: SignedIn; lab: Lab }) {
  const [loaded] = useApiData(`review:${lab.id}`, () =>
    session.api.call(Api.labs.review, { params: { labId: lab.id } }),
  );
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <p className="nhsuk-body">{loaded.error.message}</p>;
  return <ReviewSummary review={loaded.data} itemHref={paths.item} />;
}

export function ReviewPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Review round – ${lab.data.title}` : 'Review round');
  return (
    <LabSubPage lab={lab} heading="Review round">
      {(current) =>
        may(session, current, 'lab.update') ? (
          <Round session={session} lab={current} />
        ) : (
          <p className="nhsuk-body">Only the lab’s facilitators can see the review round.</p>
        )
      }
    </LabSubPage>
  );
}
