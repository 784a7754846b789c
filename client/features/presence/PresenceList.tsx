import type { Awareness } from 'y-protocols/awareness';
import { usePresence } from './use-presence';

/** "Who is here": everyone with this document open, the current person first. */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const people = usePresence(awareness);
  return (
    <section className="presence" aria-labelledby="presence-heading">
      <h2 className="nhsuk-heading-xs" id="presence-heading">
        Who is here ({people.length})
      </h2>
      <ul className="presence__list" data-testid="presence-list">
        {people.map((person) => (
          <li key={person.clientId} className="presence__person">
            <span
              className="presence__swatch"
              style={{ backgroundColor: person.color }}
              aria-hidden="true"
            />
            {person.name}
            {person.isMe && <span className="presence__me"> (you)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
