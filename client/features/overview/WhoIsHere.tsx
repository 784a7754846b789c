/**
 * "Who is here now": people with any of the lab's items open, and which ones.
 * The server knows this from its open connections; the list refreshes every few
 * seconds and when the page comes back into view.
 */
import { Api } from '../../../shared/api-routes';
import { useEffect, useState } from 'react';
import type { PresentPerson } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';

const REFRESH_MS = 5_000;

export interface WhoIsHereProps {
  readonly api: ApiClient;
  readonly labId: string;
  readonly meId: string;
  readonly titles: ReadonlyMap<string, string>;
  readonly itemHref: (itemId: string) => string;
}

export function WhoIsHere({ api, labId, meId, titles, itemHref }: WhoIsHereProps) {
  const [people, setPeople] = useState<readonly PresentPerson[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      api
        .call(Api.labs.presence, { params: { labId } })
        .then((result) => !cancelled && setPeople(result.people))
        .catch(() => undefined); // Presence is a courtesy: a failed refresh keeps the last list.
    };
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && load();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api, labId]);
  const others = (people ?? []).filter((person) => person.userId !== meId);
  return (
    <section aria-labelledby="who-is-here-heading" data-testid="who-is-here">
      <h2 className="nhsuk-heading-s" id="who-is-here-heading">
        Who is here now
      </h2>
      {people !== null && others.length === 0 && (
        <p className="nhsuk-body-s">Nobody else is working in this lab right now.</p>
      )}
      <ul className="nhsuk-list">
        {others.map((person) => (
          <li key={person.userId}>
            {person.name} is in{' '}
            {person.itemIds.map((itemId, index) => (
              <span key={itemId}>
                {index > 0 && ', '}
                <a href={itemHref(itemId)}>{titles.get(itemId) ?? 'an item'}</a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
