/**
 * `/glossary`: every word of quality improvement the screens use, explained in
 * plain words (`shared/glossary.ts`), A to Z. Open to anyone, signed in or not.
 * `/glossary#<id>` brings that word into view and moves focus to it.
 */
import { useEffect } from 'react';
import { GLOSSARY } from '../../shared/glossary';
import { usePageTitle } from '../lib/use-page-title';

export function GlossaryPage() {
  usePageTitle('Words we use');
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    const term = document.getElementById(id);
    term?.scrollIntoView();
    term?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <h1 className="nhsuk-heading-l">Words we use</h1>
      <p className="nhsuk-body-l">
        Teams who improve care use some special words. This page says what they mean.
      </p>
      <p className="nhsuk-body">
        Next to these words in the lab you will see a button with a question mark. Choose it to read
        what the word means.
      </p>
      <dl className="app-glossary-list" data-testid="glossary-list">
        {GLOSSARY.map((entry) => (
          <div key={entry.id} className="app-glossary-list__entry">
            <dt id={entry.id} tabIndex={-1} className="nhsuk-heading-s app-glossary-list__term">
              {entry.term}
            </dt>
            <dd className="nhsuk-body app-glossary-list__definition">{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
