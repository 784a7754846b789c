/** What a page shows while its data loads, or when it could not be loaded. */
import type { ReactNode } from 'react';
import type { ApiRequestError } from './api';
import { Link } from './navigation';

export function Loading() {
  return (
    <p className="nhsuk-body" role="status">
      Loading…
    </p>
  );
}

const HEADINGS: Readonly<Record<number, string>> = {
  403: 'You cannot see this page',
  404: 'Page not found',
  410: 'This link no longer works',
};

export function LoadFailed({ error }: { error: ApiRequestError }) {
  return (
    <>
      <h1 className="nhsuk-heading-l">{HEADINGS[error.status] ?? 'Sorry, there is a problem'}</h1>
      <p className="nhsuk-body" data-testid="load-error">
        {error.message}
      </p>
      <p className="nhsuk-body">
        <Link href="/">Go to your labs</Link>
      </p>
    </>
  );
}

export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby="success-banner-title"
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}
