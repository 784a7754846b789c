/**
 * My notifications, newest first: what happened, as a link to the thread (or the
 * item shared), the lab, the start of the comment and when; unread ones marked "New"
 * with their own "Mark as read", and "Mark all as read". Following a link marks it read.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { notificationPath, notificationSentence } from '../../../shared/notification-words';
import type { NotificationView } from '../../../shared/schemas/notification';
import type { ApiClient } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';
import { Link } from '../../lib/navigation';

export function NotificationList(props: {
  readonly api: ApiClient;
  readonly notifications: readonly NotificationView[];
  onChanged(): void;
}) {
  const { api, notifications, onChanged } = props;
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [said, setSaid] = useState('');
  const act = async (call: () => Promise<unknown>, done: string) => {
    setErrors(null);
    try {
      await call();
      setSaid(done);
      onChanged();
    } catch (error) {
      setErrors(apiFormErrors(error, {}));
    }
  };
  const unread = notifications.filter((each) => !each.read).length;
  return (
    <>
      <ErrorSummary errors={errors} />
      <p className="nhsuk-u-visually-hidden" role="status">
        {said}
      </p>
      {notifications.length === 0 ? (
        <p>
          You have no notifications yet. You will be told here when someone replies to your
          comments, responds to what you said, mentions you or shares an item with you.
        </p>
      ) : (
        <>
          <p>
            {unread === 0
              ? 'You have read all your notifications.'
              : `${unread} unread ${unread === 1 ? 'notification' : 'notifications'}.`}
          </p>
          {unread > 0 && (
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() =>
                void act(
                  () => api.call(Api.notifications.readAll),
                  'All notifications marked as read.',
                )
              }
            >
              Mark all as read
            </button>
          )}
          <ul className="nhsuk-list app-notifications" data-testid="notification-list">
            {notifications.map((each, index) => (
              <li
                key={each.id}
                className={`app-notification${each.read ? '' : ' app-notification--unread'}`}
              >
                {!each.read && <strong className="nhsuk-tag nhsuk-tag--blue">New</strong>}{' '}
                <Link
                  href={notificationPath(each)}
                  onClick={() => {
                    if (!each.read)
                      api
                        .call(Api.notifications.read, { params: { id: each.id } })
                        .catch(() => undefined);
                  }}
                >
                  {notificationSentence(each)}
                </Link>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                  {each.labTitle},{' '}
                  <time dateTime={each.createdAt}>{formatDateTime(each.createdAt)}</time>
                </p>
                {each.excerpt && (
                  <blockquote className="app-notification__excerpt">{each.excerpt}</blockquote>
                )}
                {!each.read && (
                  <button
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    type="button"
                    onClick={() =>
                      void act(
                        () => api.call(Api.notifications.read, { params: { id: each.id } }),
                        'Notification marked as read.',
                      )
                    }
                  >
                    Mark as read
                    <span className="nhsuk-u-visually-hidden"> notification {index + 1}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
