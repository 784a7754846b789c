/** `/`: the labs I belong to, and "Create a lab" for people who may create labs. */
import { Api } from '../../shared/api-routes';
import { DEMO_LAB } from '../../shared/demo';
import { mayCreateLab } from '../../shared/policy';
import { ImportArchiveForm } from '../features/exports/ImportArchiveForm';
import { CreateLabForm } from '../features/labs/CreateLabForm';
import { LabList } from '../features/labs/LabList';
import { StartHere } from '../features/labs/StartHere';
import { Link, navigate } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { SignedIn } from './session';

export function MyLabsPage({ session }: { session: SignedIn }) {
  usePageTitle('Your labs');
  const { api, actor, me } = session;
  const [labs] = useApiData('labs', () => api.call(Api.labs.list));
  return (
    <>
      <h1 className="nhsuk-heading-l">Your labs</h1>
      <p className="nhsuk-body-l">
        Work on a challenge with everyone in your lab: problem, aims, driver diagrams, tests of
        change and measures, edited together in real time.
      </p>
      {me.user.isAdmin && labs.status === 'ready' && (
        <StartHere
          userId={me.user.id}
          demoLabHref={
            labs.data.labs.some((lab) => lab.id === DEMO_LAB.id) ? paths.lab(DEMO_LAB.id) : null
          }
        />
      )}
      {labs.status === 'loading' && <Loading />}
      {labs.status === 'error' && <LoadFailed error={labs.error} />}
      {labs.status === 'ready' && <LabList labs={labs.data.labs} labHref={paths.lab} />}
      <p className="nhsuk-body">
        <Link href={paths.directory()}>Member directory</Link>: find people across the network who
        work on what you work on.
      </p>
      {mayCreateLab(actor) && (
        <>
          <CreateLabForm api={api} onCreated={(lab) => navigate(paths.lab(lab.id))} />
          <ImportArchiveForm api={api} onImported={(labId) => navigate(paths.lab(labId))} />
        </>
      )}
    </>
  );
}
