/**
 * `/labs/<labId>/personal-data`: for facilitators, every time someone kept text
 * that looked like personal data, with where it is, what it looked like, who kept
 * it, why, and whether it is still there (`GET /api/labs/<id>/personal-data`).
 */
import { Api } from '../../shared/api-routes';
import { formatDateTime } from '../lib/dates';
import { Link } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import { paths } from './router';
import type { SignedIn } from './session';

function FlagList({ session, labId }: { session: SignedIn; labId: string }) {
  const [flags] = useApiData(`personal-data:${labId}`, async () => {
    const answer = await session.api.call(Api.personalData.flags, { params: { labId } });
    return answer.flags;
  });
  if (flags.status === 'loading') return <Loading />;
  if (flags.status === 'error') return <LoadFailed error={flags.error} />;
  const open = flags.data.filter((flag) => !flag.resolved).length;
  return (
    <>
      <p className="nhsuk-body">
        When text looks like it could identify a patient, people are asked to remove it. These are
        the times someone kept it and said why. Check each one, and remove what should not be there.
        A flag is resolved once the text no longer holds it.
      </p>
      <p className="nhsuk-body" data-testid="flag-count">
        {flags.data.length === 0
          ? 'Nothing has been kept yet.'
          : `${open} of ${flags.data.length} still in the text.`}
      </p>
      <ul className="nhsuk-list personal-data-flags">
        {flags.data.map((flag) => (
          <li
            key={flag.id}
            className="nhsuk-card personal-data-flag"
            data-testid="personal-data-flag"
          >
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-s">
                <Link href={paths.item(flag.itemId)}>{flag.itemTitle}</Link>
              </h2>
              <dl className="nhsuk-summary-list personal-data-flag__facts">
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Where</dt>
                  <dd className="nhsuk-summary-list__value">{flag.where}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Looked like</dt>
                  <dd className="nhsuk-summary-list__value">{flag.kinds.join(', ')}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Kept by</dt>
                  <dd className="nhsuk-summary-list__value">
                    {flag.by}, <time dateTime={flag.at}>{formatDateTime(flag.at)}</time>
                  </dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Their reason</dt>
                  <dd className="nhsuk-summary-list__value">{flag.reason}</dd>
                </div>
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">Now</dt>
                  <dd className="nhsuk-summary-list__value">
                    {flag.resolved ? 'Resolved: no longer in the text' : 'Still in the text'}
                  </dd>
                </div>
              </dl>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PersonalDataPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Personal data – ${lab.data.title}` : 'Personal data');
  return (
    <LabSubPage lab={lab} heading="Personal data kept in the lab">
      {(current) =>
        may(session, current, 'lab.update') ? (
          <FlagList session={session} labId={current.id} />
        ) : (
          <p className="nhsuk-body">Only the lab’s facilitators can see this list.</p>
        )
      }
    </LabSubPage>
  );
}
