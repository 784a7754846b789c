/**
 * "Notifications" in the header, with the unread count as a badge; the count is
 * also in the link's name ("Notifications, 3 unread") and said politely when it
 * changes while the page is open.
 */
import { Link } from '../../lib/navigation';
import { useUnreadCount } from './notification-count';

export function NotificationsLink(props: { readonly href: string; readonly className: string }) {
  const unread = useUnreadCount();
  const some = unread !== null && unread > 0;
  return (
    <>
      <Link className={props.className} href={props.href}>
        Notifications
        {some && (
          <span className="app-notification-count" aria-hidden="true">
            {unread}
          </span>
        )}
        <span className="nhsuk-u-visually-hidden" data-testid="unread-count">
          {some ? `, ${unread} unread` : ', none unread'}
        </span>
      </Link>
      <span className="nhsuk-u-visually-hidden" role="status">
        {some
          ? `You have ${unread} unread ${unread === 1 ? 'notification' : 'notifications'}.`
          : ''}
      </span>
    </>
  );
}
