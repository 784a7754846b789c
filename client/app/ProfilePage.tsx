/** `/profile`: my profile in the member directory, listed nowhere until I choose. */
import { Api } from '../../shared/api-routes';
import { ProfileForm } from '../features/network/ProfileForm';
import { Link } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { SignedIn } from './session';

export function ProfilePage({ session }: { session: SignedIn }) {
  usePageTitle('Your directory profile');
  const [loaded, reload] = useApiData('profile', () => session.api.call(Api.directory.profile));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Link className="nhsuk-back-link" href={paths.directory()}>
          Member directory
        </Link>
        <h1 className="nhsuk-heading-l">Your directory profile</h1>
        {loaded.status === 'loading' && <Loading />}
        {loaded.status === 'error' && <LoadFailed error={loaded.error} />}
        {loaded.status === 'ready' && (
          <ProfileForm api={session.api} profile={loaded.data.profile} onSaved={reload} />
        )}
      </div>
    </div>
  );
}
