/** People found in the member directory, each with what they chose to show. */
import { PROFESSION_LABELS } from '../../../shared/roles';
import { type DirectoryEntry, REGION_LABELS } from '../../../shared/schemas/profile';

export function DirectoryList({ people }: { people: readonly DirectoryEntry[] }) {
  if (people.length === 0) {
    return (
      <p className="nhsuk-body" data-testid="directory-empty">
        Nobody listed matches. Try fewer filters.
      </p>
    );
  }
  return (
    <ul className="nhsuk-list" data-testid="directory-people">
      {people.map((person) => {
        const facts = [
          person.profession ? PROFESSION_LABELS[person.profession] : null,
          person.organisation ?? null,
          person.region ? REGION_LABELS[person.region] : null,
        ].filter((fact): fact is string => fact !== null);
        return (
          <li key={person.userId} className="nhsuk-card nhsuk-u-margin-bottom-3">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-s">{person.name}</h2>
              {facts.length > 0 && <p className="nhsuk-body-s">{facts.join(' · ')}</p>}
              {person.topics && (
                <p className="nhsuk-body-s">Interested in: {person.topics.join(', ')}</p>
              )}
              {person.labs && <p className="nhsuk-body-s">Labs: {person.labs.join(', ')}</p>}
              {person.groups && <p className="nhsuk-body-s">Groups: {person.groups.join(', ')}</p>}
              {person.openToConnect && (
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  <strong>Open to connect</strong>
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
