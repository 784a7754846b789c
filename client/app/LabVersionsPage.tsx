/**
 * `/labs/<labId>/versions`: the versions of all the lab's items together, by day,
 * each opening its item's version view; for facilitators, deleting versions older
 * than a date.
 */
import { Api } from '../../shared/api-routes';
import type { Lab } from '../../shared/schemas/api-responses';
import { LabVersionList } from '../features/history/LabVersionList';
import { countBefore } from '../features/history/lab-versions';
import { RetentionForm } from '../features/history/RetentionForm';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { LabSubPage, may, useLab } from './lab-context';
import { paths } from './router';
import type { SignedIn } from './session';

function Versions({ session, lab }: { session: SignedIn; lab: Lab }) {
  const [loaded, reload] = useApiData(`lab-versions:${lab.id}`, () =>
    session.api.call(Api.labs.versions, { params: { labId: lab.id } }),
  );
  const list = loaded.status === 'ready' ? loaded.data.versions : [];
  return (
    <>
      <p className="nhsuk-body-l">
        Every item’s versions, newest first: open one to see the item as it was then.
      </p>
      {may(session, lab, 'history.retention') && (
        <RetentionForm
          api={session.api}
          labId={lab.id}
          countBefore={(day) => countBefore(list, day)}
          onDeleted={reload}
        />
      )}
      <h2 className="nhsuk-heading-m">Versions</h2>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <LoadFailed error={loaded.error} />}
      {loaded.status === 'ready' && (
        <LabVersionList
          versions={loaded.data.versions}
          names={loaded.data.names}
          href={(version) => paths.itemVersion(version.itemId, version.id)}
        />
      )}
    </>
  );
}

export function LabVersionsPage({ session, labId }: { session: SignedIn; labId: string }) {
  const [lab] = useLab(session.api, labId);
  usePageTitle(lab.status === 'ready' ? `Versions – ${lab.data.title}` : 'Versions');
  return (
    <LabSubPage lab={lab} heading="Versions of the lab’s items">
      {(current) =>
        may(session, current, 'history.read') ? (
          <Versions session={session} lab={current} />
        ) : (
          <p>Only the lab’s team can see earlier versions of its items.</p>
        )
      }
    </LabSubPage>
  );
}
