/**
 * `/directory`: the member directory across the site. Search by name, organisation
 * or topic, and filter by profession, region or topic; people appear only as they
 * chose, and a link leads to my own profile.
 */

import { useState } from 'react';
import { Api } from '../../shared/api-routes';
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../shared/roles';
import { REGION_LABELS, REGIONS, type Region } from '../../shared/schemas/profile';
import { DirectoryList } from '../features/network/DirectoryList';
import { SelectField, TextField } from '../lib/form-fields';
import { Link } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { SignedIn } from './session';

interface Filters {
  q: string;
  profession: Profession | '';
  region: Region | '';
  topic: string;
}

const NO_FILTERS: Filters = { q: '', profession: '', region: '', topic: '' };

export function DirectoryPage({ session }: { session: SignedIn }) {
  usePageTitle('Member directory');
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<Filters>(NO_FILTERS);
  const query = new URLSearchParams(
    Object.entries(applied).filter(([, value]) => value !== ''),
  ).toString();
  const [loaded] = useApiData(`directory:${query}`, () =>
    session.api.call(Api.directory.search, {
      // Empty filters are left out of the query.
      query: { ...applied, region: applied.region || undefined },
    }),
  );
  return (
    <>
      <h1 className="nhsuk-heading-l">Member directory</h1>
      <p className="nhsuk-body-l">
        Find people across the network who work on what you work on. Everyone listed chose to be,
        and chose what is shown. <Link href={paths.profile()}>Your profile</Link> says whether you
        are listed.
      </p>
      <form
        className="app-directory-search"
        aria-label="Search the directory"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(draft);
        }}
      >
        <TextField
          id="directory-q"
          label="Name, organisation or topic"
          value={draft.q}
          maxLength={100}
          onChange={(q) => setDraft({ ...draft, q })}
        />
        <SelectField
          id="directory-profession"
          label="Profession"
          value={draft.profession}
          placeholder="Any profession"
          choices={PROFESSIONS.map((value) => ({ value, label: PROFESSION_LABELS[value] }))}
          onChange={(profession: Profession) => setDraft({ ...draft, profession })}
        />
        <SelectField
          id="directory-region"
          label="Region or nation"
          value={draft.region}
          placeholder="Anywhere"
          choices={REGIONS.map((value) => ({ value, label: REGION_LABELS[value] }))}
          onChange={(region: Region) => setDraft({ ...draft, region })}
        />
        <TextField
          id="directory-topic"
          label="Topic"
          value={draft.topic}
          maxLength={40}
          onChange={(topic) => setDraft({ ...draft, topic })}
        />
        <button className="nhsuk-button" type="submit">
          Search
        </button>
      </form>
      <div aria-live="polite">
        {loaded.status === 'loading' && <Loading />}
        {loaded.status === 'error' && <LoadFailed error={loaded.error} />}
        {loaded.status === 'ready' && (
          <>
            <p className="nhsuk-body" data-testid="directory-count">
              {loaded.data.people.length === 1 ? '1 person' : `${loaded.data.people.length} people`}
            </p>
            <DirectoryList people={loaded.data.people} />
          </>
        )}
      </div>
    </>
  );
}
