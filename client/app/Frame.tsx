/**
 * The page frame: skip link, NHS.UK header with the service name and, when
 * signed in, the person's name (linking to their account), "My comments", their
 * notifications with the unread count and "Sign out"; the main landmark and the
 * footer, with the glossary's link.
 */
import { type ReactNode, useState } from 'react';
import { mayCreateLab } from '../../shared/policy';
import type { MeResponse } from '../../shared/schemas/api';
import { NotificationsLink } from '../features/notifications/NotificationsLink';
import { Link } from '../lib/navigation';
import { asApiError } from '../lib/use-api-data';
import { paths } from './router';
import { actorOf } from './session';

export interface FrameProps {
  readonly me: MeResponse | null;
  onSignOut(): Promise<void>;
  readonly children: ReactNode;
}

function AccountNav({ me, onSignOut }: { me: MeResponse; onSignOut(): Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <nav className="nhsuk-header__account" aria-label="Account">
      <ul className="nhsuk-header__account-list">
        <li className="nhsuk-header__account-item">
          <Link className="nhsuk-header__account-link" href={paths.account()}>
            {me.user.name}
            <span className="nhsuk-u-visually-hidden">, your account</span>
          </Link>
        </li>
        <li className="nhsuk-header__account-item">
          <Link className="nhsuk-header__account-link" href={paths.myComments()}>
            My comments
          </Link>
        </li>
        <li className="nhsuk-header__account-item">
          <Link className="nhsuk-header__account-link" href={paths.groups()}>
            Groups
          </Link>
        </li>
        <li className="nhsuk-header__account-item">
          <NotificationsLink className="nhsuk-header__account-link" href={paths.notifications()} />
        </li>
        {mayCreateLab(actorOf(me)) && (
          <li className="nhsuk-header__account-item">
            <Link className="nhsuk-header__account-link" href={paths.portfolio()}>
              Portfolio
            </Link>
          </li>
        )}
        {me.user.isAdmin && (
          <li className="nhsuk-header__account-item">
            <Link className="nhsuk-header__account-link" href={paths.people()}>
              People
            </Link>
          </li>
        )}
        <li className="nhsuk-header__account-item">
          <form
            className="nhsuk-header__account-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              setProblem(null);
              onSignOut().catch((error: unknown) =>
                setProblem(`Could not sign out. ${asApiError(error).message}`),
              );
            }}
          >
            <button className="nhsuk-header__account-button" type="submit">
              Sign out
            </button>
          </form>
        </li>
      </ul>
      <p className="app-header-problem" role="status">
        {problem}
      </p>
    </nav>
  );
}

export function Frame({ me, onSignOut, children }: FrameProps) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <header className="nhsuk-header">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <Link className="nhsuk-header__service-logo app-service-name" href={paths.myLabs()}>
              Improvement Lab
            </Link>
          </div>
          {me && <AccountNav me={me} onSignOut={onSignOut} />}
        </div>
      </header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="nhsuk-footer">
        <div className="nhsuk-width-container">
          <p className="nhsuk-body-s app-footer-text">
            Improvement Lab: open-source workspace for healthcare improvement. Do not enter
            patient-identifiable information.
          </p>
          <p className="nhsuk-body-s app-footer-text">
            <Link className="app-footer-link" href={paths.glossary()}>
              Words we use, explained
            </Link>
          </p>
        </div>
      </footer>
    </>
  );
}
