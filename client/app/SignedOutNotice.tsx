/**
 * Shown above the page that was open when the server stopped accepting the
 * session. The page stays (so the text being written is not lost: it is kept on
 * this device and syncs after signing in), and "Sign in again" comes back here.
 * Announced as an alert, without taking focus from what the person is typing.
 */
import { Link } from '../lib/navigation';
import { paths } from './router';

export function SignedOutNotice({ here }: { here: string }) {
  return (
    <div
      className="nhsuk-notification-banner"
      role="alert"
      aria-labelledby="signed-out-title"
      data-testid="signed-out"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="signed-out-title">
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">
          You have been signed out. Sign in again; your changes are kept on this device.
        </p>
        <p className="nhsuk-body">
          <Link className="nhsuk-notification-banner__link" href={paths.signIn(here)}>
            Sign in again
          </Link>
        </p>
      </div>
    </div>
  );
}
