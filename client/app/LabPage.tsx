/**
 * `/labs/<labId>`: the lab's title, challenge, phase and my role; the items I can
 * see; "Add an item" for roles that may; links to settings, members and the
 * audit trail for those who run the lab.
 */
import { ROLE_LABELS } from '../../shared/roles';
import { AddItemForm } from '../features/items/AddItemForm';
import { ItemList } from '../features/items/ItemList';
import type { ItemWithRights, Lab } from '../lib/api-types';
import { formatDate } from '../lib/dates';
import { PHASE_DESCRIPTIONS, PHASE_LABELS } from '../lib/labels';
import { Link, navigate } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { may, useLab } from './lab-context';
import { paths } from './router';
import type { SignedIn } from './session';

function LabFacts({ lab }: { lab: Lab }) {
  return (
    <dl className="nhsuk-summary-list" data-testid="lab-facts">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Phase</dt>
        <dd className="nhsuk-summary-list__value">
          {PHASE_LABELS[lab.phase]}: {PHASE_DESCRIPTIONS[lab.phase].toLowerCase()}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Your role</dt>
        <dd className="nhsuk-summary-list__value">
          {lab.myRole ? ROLE_LABELS[lab.myRole] : 'Administrator (not a member)'}
        </dd>
      </div>
      {(lab.startDate || lab.endDate) && (
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Dates</dt>
          <dd className="nhsuk-summary-list__value">
            {lab.startDate ? formatDate(lab.startDate) : 'Not set'} to{' '}
            {lab.endDate ? formatDate(lab.endDate) : 'not set'}
          </dd>
        </div>
      )}
    </dl>
  );
}

function Items({ session, lab }: { session: SignedIn; lab: Lab }) {
  const [items] = useApiData(`items:${lab.id}`, () =>
    session.api.request<{ items: ItemWithRights[] }>('GET', `/labs/${lab.id}/items`),
  );
  return (
    <>
      {items.status === 'loading' && <Loading />}
      {items.status === 'error' && <p className="nhsuk-body">{items.error.message}</p>}
      {items.status === 'ready' && <ItemList items={items.data.items} itemHref={paths.item} />}
      {may(session, lab, 'items.create') && (
        <AddItemForm
          api={session.api}
          labId={lab.id}
          onAdded={(item) => navigate(paths.item(item.id))}
        />
      )}
    </>
  );
}

function RunTheLab({ session, lab }: { session: SignedIn; lab: Lab }) {
  const links = [
    may(session, lab, 'lab.update') && { href: paths.labSettings(lab.id), text: 'Settings' },
    may(session, lab, 'members.manage') && {
      href: paths.labMembers(lab.id),
      text: 'Members and invitations',
    },
    may(session, lab, 'audit.read') && { href: paths.labAudit(lab.id), text: 'Audit trail' },
  ].filter((link) => link !== false);
  if (links.length === 0) return null;
  return (
    <nav aria-labelledby="run-lab-heading" data-testid="run-the-lab">
      <h2 className="nhsuk-heading-m" id="run-lab-heading">
        Run this lab
      </h2>
      <ul className="nhsuk-list">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href}>{link.text}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function LabPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? lab.data.title : 'Lab');
  if (lab.status === 'loading') return <Loading />;
  if (lab.status === 'error') return <LoadFailed error={lab.error} />;
  return (
    <>
      <h1 className="nhsuk-heading-l">
        {lab.data.title}{' '}
        {lab.data.archived && <strong className="nhsuk-tag nhsuk-tag--grey">Archived</strong>}
      </h1>
      {lab.data.challenge && (
        <div className="nhsuk-inset-text" data-testid="lab-challenge">
          <span className="nhsuk-u-visually-hidden">Challenge: </span>
          <p>{lab.data.challenge}</p>
        </div>
      )}
      <LabFacts lab={lab.data} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <Items session={session} lab={lab.data} />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <RunTheLab session={session} lab={lab.data} />
        </div>
      </div>
    </>
  );
}
