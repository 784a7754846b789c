/**
 * `/labs/<labId>`: the lab overview. Its title, challenge, phase and my role;
 * the aim, from the lab's problem statement; the items I can see grouped
 * by kind, with their management for those who may; what changed recently;
 * "Add an item" for roles that may; links to settings, members and the audit
 * trail for those who run the lab. `/labs/<labId>/ideas` shows the lab's change
 * ideas (list, board and PICK chart) instead. Both render from the lab's items
 * as the registry keeps them, live from the lab feed (`lib/lab-items.tsx`).
 */

import { Suspense, useEffect } from 'react';
import { Api } from '../../shared/api-routes';
import { CHART_TERMS } from '../../shared/glossary';
import { ROLE_LABELS } from '../../shared/roles';
import type { Lab } from '../../shared/schemas/api-responses';
import { SurveyPrompt } from '../features/evaluation/SurveyPrompt';
import { ExportForm } from '../features/exports/ExportForm';
import { AddItemForm } from '../features/items/AddItemForm';
import { AimSummary } from '../features/overview/AimSummary';
import { LabItems } from '../features/overview/LabItems';
import type { OverviewItem } from '../features/overview/overview-items';
import { RecentChanges } from '../features/overview/RecentChanges';
import { WhoIsHere } from '../features/overview/WhoIsHere';
import { formatDate } from '../lib/dates';
import { HeadingWithTip, TermsKey } from '../lib/GlossaryTip';
import { useLabItems } from '../lib/lab-items';
import { PHASE_DESCRIPTIONS, PHASE_LABELS } from '../lib/labels';
import { lazyComponent } from '../lib/lazy-component';
import { Link, navigate } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { type Loaded, useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { may, useLab } from './lab-context';
import { paths, useRoute } from './router';
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

/**
 * Whether the person sees only what the team shares with them (reviewers:
 * patients and the public). For them an empty list means "nothing shared yet",
 * not "nothing there"; everyone else sees every item.
 */
function sharedOnly(lab: Lab): boolean {
  return lab.myRole === 'reviewer';
}

/** The lab's items, live: a change anyone makes arrives by itself, so nothing reloads them. */
function useItems(lab: Lab): Loaded<{ items: readonly OverviewItem[] }> {
  const items = useLabItems(lab.id);
  return items.status === 'ready' ? { status: 'ready', data: { items: items.data } } : items;
}

/** Members' names by id, for "changed by"; empty for people who may not list members. */
function useMemberNames(session: SignedIn, lab: Lab): ReadonlyMap<string, string> {
  const allowed = may(session, lab, 'members.read');
  const [members] = useApiData(`members:${lab.id}:${allowed}`, async () =>
    allowed
      ? (await session.api.call(Api.members.list, { params: { labId: lab.id } })).members
      : [],
  );
  const list = members.status === 'ready' ? members.data : [];
  return new Map(list.map((member) => [member.userId, member.name]));
}

const LabMeasures = lazyComponent(
  async () => (await import('./LabMeasures')).LabMeasures,
).Component;
// The ideas view edits ideas' documents (a status moved on the board), so it brings Yjs:
// its own chunk keeps the overview without it.
const ideasScreen = lazyComponent(
  async () => (await import('../features/ideas/IdeasScreen')).IdeasScreen,
);
const IdeasScreen = ideasScreen.Component;

function Overview({ session, lab }: { session: SignedIn; lab: Lab }) {
  const items = useItems(lab);
  const names = useMemberNames(session, lab);
  const list = items.status === 'ready' ? items.data.items : [];
  const problem = list.find((item) => item.kind === 'problem' && !item.archived) ?? null;
  const measures = list.filter((item) => item.kind === 'measure' && !item.archived);
  const canCreate = may(session, lab, 'items.create');
  return (
    <>
      <SurveyPrompt api={session.api} labId={lab.id} href={paths.labSurvey(lab.id)} />
      {items.status === 'ready' && (
        <AimSummary
          problem={problem}
          itemHref={paths.item}
          canCreate={canCreate}
          sharedOnly={sharedOnly(lab)}
        />
      )}
      <p className="nhsuk-body">
        <Link href={paths.labIdeas(lab.id)}>Change ideas: list, board and PICK chart</Link>
      </p>
      {may(session, lab, 'members.read') && (
        <p className="nhsuk-body">
          <Link href={paths.labNetwork(lab.id)}>Connections made in this lab</Link>
        </p>
      )}
      {may(session, lab, 'history.read') && (
        <p className="nhsuk-body">
          <Link href={paths.labVersions(lab.id)}>Versions of the lab’s items, by date</Link>
        </p>
      )}
      {measures.length > 0 && (
        <section aria-labelledby="measures-heading">
          <HeadingWithTip
            level={2}
            className="nhsuk-heading-m"
            textId="measures-heading"
            term="measure"
          >
            Measures
          </HeadingWithTip>
          <Suspense fallback={<Loading />}>
            <LabMeasures measures={measures} />
          </Suspense>
          {sharedOnly(lab) && <TermsKey ids={CHART_TERMS} heading="Words in these charts" />}
        </section>
      )}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {items.status === 'loading' && <Loading />}
          {items.status === 'error' && <p className="nhsuk-body">{items.error.message}</p>}
          {items.status === 'ready' && (
            <LabItems
              api={session.api}
              items={list}
              canShare={may(session, lab, 'lab.update')}
              itemHref={paths.item}
              sharedOnly={sharedOnly(lab)}
            />
          )}
          {canCreate && (
            <AddItemForm
              api={session.api}
              labId={lab.id}
              onAdded={(item) => navigate(paths.item(item.id))}
            />
          )}
        </div>
        <div className="nhsuk-grid-column-one-third">
          <RunTheLab session={session} lab={lab} />
          {may(session, lab, 'lab.update') && (
            <ExportForm
              endpoint={`/api/labs/${lab.id}/export`}
              formats={['docx', 'pdf', 'poster', 'pptx', 'md', 'html', 'json', 'csv']}
              includeOptions={['comments', 'participants', 'drafts']}
              heading="Export this lab"
              fallbackName={lab.title}
              labId={lab.id}
              api={session.api}
            />
          )}
          <RecentChanges items={list} names={names} meId={session.me.user.id} />
          {may(session, lab, 'members.read') && (
            <WhoIsHere
              api={session.api}
              labId={lab.id}
              meId={session.me.user.id}
              titles={new Map(list.map((item) => [item.id, item.title]))}
              itemHref={paths.item}
            />
          )}
        </div>
      </div>
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
    may(session, lab, 'survey.manage') && {
      href: paths.labSurvey(lab.id),
      text: 'Evaluation survey and results',
    },
    may(session, lab, 'lab.update') && {
      href: paths.labReview(lab.id),
      text: 'Review round: comments',
    },
    may(session, lab, 'lab.update') && {
      href: paths.labPersonalData(lab.id),
      text: 'Personal data kept in the lab',
    },
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

function Ideas({ session, lab }: { session: SignedIn; lab: Lab }) {
  const items = useItems(lab);
  return (
    <>
      <Link className="nhsuk-back-link" href={paths.lab(lab.id)}>
        Back to {lab.title}
      </Link>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">{lab.title}</span> Change ideas
      </h1>
      {items.status === 'loading' && <Loading />}
      {items.status === 'error' && <p className="nhsuk-body">{items.error.message}</p>}
      {items.status === 'ready' && (
        <Suspense fallback={<Loading />}>
          <IdeasScreen
            api={session.api}
            labId={lab.id}
            items={items.data.items}
            canCreate={may(session, lab, 'items.create')}
            sharedOnly={sharedOnly(lab)}
            itemHref={paths.item}
          />
        </Suspense>
      )}
    </>
  );
}

export function LabPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  const { route } = useRoute();
  const showIdeas = route.page === 'lab' && route.view === 'ideas';
  useEffect(() => {
    // Its code loads while the lab and its items are asked for, not after.
    if (showIdeas) ideasScreen.prefetch().catch(() => undefined);
  }, [showIdeas]);
  const title = lab.status === 'ready' ? lab.data.title : 'Lab';
  usePageTitle(showIdeas ? `Change ideas – ${title}` : title);
  if (lab.status === 'loading') return <Loading />;
  if (lab.status === 'error') return <LoadFailed error={lab.error} />;
  if (showIdeas) return <Ideas session={session} lab={lab.data} />;
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
      <Overview session={session} lab={lab.data} />
    </>
  );
}
