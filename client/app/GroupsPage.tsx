/**
 * `/groups`: the special interest groups, and a form to start one for those who may
 * (staff and administrators; someone who is only a reviewer joins groups instead).
 */
import { Api } from '../../shared/api-routes';
import { GroupList } from '../features/groups/GroupList';
import { StartGroupForm } from '../features/groups/StartGroupForm';
import { navigate } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { SignedIn } from './session';

export function GroupsPage({ session }: { session: SignedIn }) {
  usePageTitle('Special interest groups');
  const [loaded] = useApiData('groups', () => session.api.call(Api.groups.list));
  return (
    <>
      <h1 className="nhsuk-heading-l">Special interest groups</h1>
      <p className="nhsuk-body-l">
        People across labs who share a topic: they keep shared notes together, see the labs working
        on it, and can start a lab of their own.
      </p>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <LoadFailed error={loaded.error} />}
      {loaded.status === 'ready' && (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h2 className="nhsuk-heading-m">Groups</h2>
            <GroupList groups={loaded.data.groups} href={paths.group} />
          </div>
          <div className="nhsuk-grid-column-one-third">
            {loaded.data.mayStart ? (
              <StartGroupForm
                api={session.api}
                topics={loaded.data.topics}
                onStarted={(group) => navigate(paths.group(group.id))}
              />
            ) : (
              <p className="nhsuk-body">
                Groups are started by staff working in a lab. You can join any group.
              </p>
            )}
          </div>
        </div>
      )}
    </>
  );
}
