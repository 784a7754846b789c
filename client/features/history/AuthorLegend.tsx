/** Who each colour in the authorship view stands for. */
import type { PeopleNames } from '../../../shared/schemas/history';
import { authorClass } from './author-colours';

export function AuthorLegend({ names }: { names: PeopleNames }) {
  const authors = Object.keys(names);
  if (authors.length === 0)
    return <p className="nhsuk-body-s">No writing is attributed to anyone yet.</p>;
  return (
    <ul className="app-history__legend" aria-label="Authors">
      {authors.map((id) => (
        <li key={id}>
          <span className={authorClass(authors, id)}>{names[id]}</span>
        </li>
      ))}
    </ul>
  );
}
