/** The page frame (NHS.UK header and footer) and the route switch. */
import { type ReactNode, useState } from 'react';
import { type Identity, loadIdentity, saveIdentity } from '../features/identity/identity';
import { NameForm } from '../features/identity/NameForm';
import { DocumentPage } from './DocumentPage';
import { HomePage } from './HomePage';
import { useRoute } from './router';

function Frame({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="nhsuk-skip-link" href="#maincontent">
        Skip to main content
      </a>
      <header className="nhsuk-header">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <a className="nhsuk-header__service-logo app-service-name" href="/">
              Improvement Lab
            </a>
          </div>
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
        </div>
      </footer>
    </>
  );
}

export function App() {
  const route = useRoute();
  const [identity, setIdentity] = useState<Identity | null>(() =>
    loadIdentity(window.localStorage),
  );
  let content: ReactNode;
  if (route.page === 'not-found') {
    content = (
      <>
        <h1 className="nhsuk-heading-l">Page not found</h1>
        <p>
          Check the address, or <a href="/">go to your improvement work</a>.
        </p>
      </>
    );
  } else if (!identity) {
    content = (
      <NameForm onSubmit={(name) => setIdentity(saveIdentity(window.localStorage, name))} />
    );
  } else if (route.page === 'document') {
    content = <DocumentPage key={route.docId} docId={route.docId} identity={identity} />;
  } else {
    content = <HomePage />;
  }
  return <Frame>{content}</Frame>;
}
