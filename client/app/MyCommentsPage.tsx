/**
 * `/my-comments`: everything I have commented on across my labs, where each
 * thread stands and what the team said back, kept live (`MyComments`). Reached
 * from the header on every page.
 */

import { useCallback, useEffect, useRef } from 'react';
import { Api } from '../../shared/api-routes';
import type { MyCommentsResponse } from '../../shared/schemas/my-comments';
import { MyComments } from '../features/comments/MyComments';
import { syncServerUrl } from '../features/sync/collab-session';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { SignedIn } from './session';

/** Changes often come in bursts (a reply, then a resolution): one fetch for a burst. */
const REFETCH_DELAY_MS = 250;

export function MyCommentsPage({ session }: { session: SignedIn }) {
  usePageTitle('My comments');
  const [loaded, reload] = useApiData<MyCommentsResponse>('my-comments', async () =>
    session.api.call(Api.myComments.list),
  );
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onChange = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(reload, REFETCH_DELAY_MS);
  }, [reload]);
  return (
    <>
      <h1 className="nhsuk-heading-l">My comments</h1>
      <p className="nhsuk-body-l">
        Everything you have said in your labs, and what the team said back.
      </p>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <LoadFailed error={loaded.error} />}
      {loaded.status === 'ready' && (
        <MyComments
          mine={loaded.data}
          meId={session.me.user.id}
          serverUrl={syncServerUrl(window.location)}
          itemHref={paths.item}
          onChange={onChange}
        />
      )}
    </>
  );
}
