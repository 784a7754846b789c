/**
 * `/labs/<labId>/members`: the members (roles changeable by facilitators), and
 * for facilitators, inviting people and the invitations not yet used.
 */

import { Api } from '../../shared/api-routes';
import type { Lab } from '../../shared/schemas/api-responses';
import { InviteForm } from '../features/members/InviteForm';
import { MembersTable } from '../features/members/MembersTable';
import { PendingInvites } from '../features/members/PendingInvites';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import type { SignedIn } from './session';

function Members({ session, lab }: { session: SignedIn; lab: Lab }) {
  const { api } = session;
  const canManage = may(session, lab, 'members.manage');
  const [members, reloadMembers] = useApiData(`members:${lab.id}`, () =>
    api.call(Api.members.list, { params: { labId: lab.id } }),
  );
  const [invites, reloadInvites] = useApiData(`invites:${lab.id}:${canManage}`, () =>
    canManage
      ? api.call(Api.invites.pending, { params: { labId: lab.id } })
      : Promise.resolve({ invites: [] }),
  );
  return (
    <>
      {members.status === 'loading' && <Loading />}
      {members.status === 'error' && <LoadFailed error={members.error} />}
      {members.status === 'ready' && (
        <MembersTable
          api={api}
          labId={lab.id}
          members={members.data.members}
          canManage={canManage}
          onChanged={reloadMembers}
        />
      )}
      {canManage && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <InviteForm api={api} labId={lab.id} onCreated={reloadInvites} />
            {invites.status === 'ready' && (
              <PendingInvites
                api={api}
                labId={lab.id}
                invites={invites.data.invites}
                onChanged={reloadInvites}
              />
            )}
            {invites.status === 'error' && <p>{invites.error.message}</p>}
          </div>
        </div>
      )}
    </>
  );
}

export function MembersPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Members – ${lab.data.title}` : 'Members');
  return (
    <LabSubPage lab={lab} heading="Members and invitations">
      {(current) =>
        may(session, current, 'members.read') ? (
          <Members session={session} lab={current} />
        ) : (
          <p>Only the lab’s members can see who else is in it.</p>
        )
      }
    </LabSubPage>
  );
}
