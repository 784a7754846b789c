/**
 * `/admin/people` (administrators): search the accounts of this Improvement Lab
 * and manage each one (`features/people/PersonCard.tsx`).
 */

import { useState } from 'react';
import { Api } from '../../shared/api-routes';
import { PersonCard } from '../features/people/PersonCard';
import { TextField } from '../lib/form-fields';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import type { SignedIn } from './session';

export function PeoplePage({ session }: { session: SignedIn }) {
  usePageTitle('People');
  const { api, me } = session;
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [people, reload] = useApiData(`people:${query}`, () =>
    api.call(Api.admin.people, { query: { q: query } }),
  );
  const [mail] = useApiData('password-reset', () => api.call(Api.auth.passwordResetEmail));
  if (!me.user.isAdmin) {
    return (
      <>
        <h1 className="nhsuk-heading-l">People</h1>
        <p>Only administrators of this Improvement Lab can manage people.</p>
      </>
    );
  }
  return (
    <>
      <h1 className="nhsuk-heading-l">People</h1>
      <p>
        Everyone with an account. Deactivating someone signs them out everywhere at once; their work
        stays.
      </p>
      <search>
        <form
          className="app-people-search"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery(typed.trim());
          }}
        >
          <TextField
            id="people-search"
            label="Search by name or email"
            width={20}
            value={typed}
            onChange={setTyped}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Search
          </button>
        </form>
      </search>
      {people.status === 'loading' && <Loading />}
      {people.status === 'error' && <LoadFailed error={people.error} />}
      {people.status === 'ready' && (
        <>
          <p role="status">
            {people.data.total === 1 ? '1 person' : `${people.data.total} people`}
            {query ? ` matching “${query}”` : ''}
            {people.data.total > people.data.people.length
              ? `, the first ${people.data.people.length} shown`
              : ''}
          </p>
          <ul className="nhsuk-list app-people-list">
            {people.data.people.map((person) => (
              <PersonCard
                key={person.id}
                api={api}
                person={person}
                isMe={person.id === me.user.id}
                emailAvailable={mail.status === 'ready' && mail.data.emailAvailable}
                onChanged={reload}
              />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
