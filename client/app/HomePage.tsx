/** The start page: the demo, documents opened on this device, and a new document. */
import type { MouseEvent } from 'react';
import { DEMO_DOC_ID, DEMO_TITLE } from '../../shared/demo';
import { loadRecent, newDocumentId } from '../features/documents/recent-documents';
import { documentPath, navigate } from './router';

function follow(event: MouseEvent<HTMLAnchorElement>, path: string) {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(path);
}

export function HomePage() {
  const recent = loadRecent(window.localStorage).filter((entry) => entry.id !== DEMO_DOC_ID);
  return (
    <>
      <h1 className="nhsuk-heading-l">Your improvement work</h1>
      <p className="nhsuk-body-l">
        Co-edit problem statements, aims and plans with everyone in your lab, in real time.
      </p>
      <ul className="nhsuk-list document-list">
        <li>
          <a href={documentPath(DEMO_DOC_ID)} onClick={(e) => follow(e, documentPath(DEMO_DOC_ID))}>
            {DEMO_TITLE}
          </a>{' '}
          <strong className="nhsuk-tag nhsuk-tag--blue">Demo</strong>
        </li>
        {recent.map((entry) => (
          <li key={entry.id}>
            <a href={documentPath(entry.id)} onClick={(e) => follow(e, documentPath(entry.id))}>
              {entry.title}
            </a>
          </li>
        ))}
      </ul>
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        onClick={() => navigate(documentPath(newDocumentId()))}
      >
        New document
      </button>
    </>
  );
}
