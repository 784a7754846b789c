/**
 * `/groups/<id>`: a special interest group. Everyone signed in sees what it is about
 * and can join or ask to; members see who is in it, co-edit its shared notes live and
 * follow the labs on its topic; organisers answer requests and may start a lab from it.
 */

import { useCallback, useEffect, useState } from 'react';
import { Api } from '../../shared/api-routes';
import { GROUP_JOIN_POLICY_LABELS, type GroupDetail } from '../../shared/schemas/group';
import { GroupMembers, GroupRequests } from '../features/groups/GroupMembers';
import { MembershipActions } from '../features/groups/MembershipActions';
import { StartLabForm } from '../features/groups/StartLabForm';
import { TopicLabs } from '../features/groups/TopicLabs';
import { Link } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { GroupNotes } from './GroupNotes';
import { paths } from './router';
import type { SignedIn } from './session';

function Group(props: { session: SignedIn; loaded: GroupDetail; reload(): void }) {
  const { session, reload } = props;
  // Answers to actions replace what was loaded until the next load.
  const [detail, setDetail] = useState(props.loaded);
  useEffect(() => setDetail(props.loaded), [props.loaded]);
  const { group } = detail;
  usePageTitle(group.name);
  return (
    <>
      <p className="nhsuk-body">
        <Link href={paths.groups()}>All groups</Link>
      </p>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">Special interest group on {group.topic}</span>{' '}
        {group.name}
      </h1>
      {group.description && <p className="nhsuk-body-l">{group.description}</p>}
      <p className="nhsuk-body" data-testid="group-facts">
        {group.memberCount === 1 ? '1 member' : `${group.memberCount} members`} ·{' '}
        {GROUP_JOIN_POLICY_LABELS[group.joinPolicy]}
      </p>
      <MembershipActions api={session.api} detail={detail} onChanged={setDetail} />
      {detail.may.answerRequests && (
        <GroupRequests api={session.api} detail={detail} onChanged={setDetail} />
      )}
      {detail.notesDocId === null ? (
        <p className="nhsuk-body">
          Members see who is in the group, write its shared notes together and follow the labs on
          its topic.
        </p>
      ) : (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <GroupNotes session={session} docId={detail.notesDocId} onClosed={reload} />
          </div>
          <div className="nhsuk-grid-column-one-third">
            <GroupMembers detail={detail} />
            <TopicLabs topic={group.topic} labs={detail.labs} href={paths.lab} />
          </div>
        </div>
      )}
      {detail.may.startLab && (
        <StartLabForm api={session.api} groupId={group.id} labHref={paths.lab} onStarted={reload} />
      )}
    </>
  );
}

export function GroupPage({ session, groupId }: { session: SignedIn; groupId: string }) {
  const [loaded, reload] = useApiData(`group:${groupId}`, () =>
    session.api.call(Api.groups.get, { params: { groupId } }),
  );
  const stableReload = useCallback(() => reload(), [reload]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <LoadFailed error={loaded.error} />;
  return <Group session={session} loaded={loaded.data} reload={stableReload} />;
}
