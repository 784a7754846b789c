/** `/labs/<labId>/audit`: the lab's audit trail, for facilitators and administrators. */

import { Api } from '../../shared/api-routes';
import type { Lab } from '../../shared/schemas/api-responses';
import { AuditTable } from '../features/audit/AuditTable';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import type { SignedIn } from './session';

function Events({ session, lab }: { session: SignedIn; lab: Lab }) {
  const { api } = session;
  const [loaded] = useApiData(`audit:${lab.id}`, async () => {
    // Events name people by id; the members list gives names for those still in the lab.
    const [{ events }, { members }] = await Promise.all([
      api.call(Api.labs.audit, { params: { labId: lab.id } }),
      api.call(Api.members.list, { params: { labId: lab.id } }),
    ]);
    const names = new Map<string, string>(members.map((m) => [m.userId, m.name]));
    for (const event of events)
      if (event.actorId && event.actorName) names.set(event.actorId, event.actorName);
    return { events, names };
  });
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <LoadFailed error={loaded.error} />;
  return <AuditTable events={loaded.data.events} names={loaded.data.names} />;
}

export function AuditPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Audit trail – ${lab.data.title}` : 'Audit trail');
  return (
    <LabSubPage lab={lab} heading="Audit trail">
      {(current) =>
        may(session, current, 'audit.read') ? (
          <Events session={session} lab={current} />
        ) : (
          <p>Only the lab’s facilitators can see its audit trail.</p>
        )
      }
    </LabSubPage>
  );
}
