/** `/notifications`: my notifications, kept current as the header's count changes. */

import { useEffect } from 'react';
import { Api } from '../../shared/api-routes';
import { NotificationList } from '../features/notifications/NotificationList';
import { useUnreadCount } from '../features/notifications/notification-count';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import type { SignedIn } from './session';

export function NotificationsPage(props: { session: SignedIn }) {
  usePageTitle('Notifications');
  const { api } = props.session;
  const [list, reload] = useApiData('notifications', () => api.call(Api.notifications.list));
  const unread = useUnreadCount();
  // A new notification (or one read in another tab) changes the count: show it.
  useEffect(() => {
    if (unread !== null) reload();
  }, [unread, reload]);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Notifications</h1>
        {list.status === 'loading' && <Loading />}
        {list.status === 'error' && <LoadFailed error={list.error} />}
        {list.status === 'ready' && (
          <NotificationList api={api} notifications={list.data.notifications} onChanged={reload} />
        )}
      </div>
    </div>
  );
}
