/**
 * Versions of all the lab's items together ("the lab as it was on 3 March"), by the
 * day they were taken: each names its item, what it is and who took part, and opens
 * the item's version view. Filters by item and to named versions only.
 */
import { useId, useState } from 'react';
import type { LabVersion, PeopleNames } from '../../../shared/schemas/history';
import { formatDate, formatDateTime } from '../../lib/dates';
import { Link } from '../../lib/navigation';
import { groupByDay, itemsWithVersions } from './lab-versions';
import { peopleText, versionTitle } from './version-labels';
import './history.css';

export function LabVersionList(props: {
  versions: readonly LabVersion[];
  names: PeopleNames;
  /** Where a version opens: its item's version view. */
  href: (version: LabVersion) => string;
}) {
  const { versions, names, href } = props;
  const [itemId, setItemId] = useState<string | null>(null);
  const [namedOnly, setNamedOnly] = useState(false);
  const ids = useId();
  const days = groupByDay(versions, { itemId, namedOnly });
  const items = itemsWithVersions(versions);
  const count = days.reduce((n, d) => n + d.versions.length, 0);
  return (
    <>
      <fieldset className="nhsuk-fieldset app-history__filters">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Show</legend>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${ids}-item`}>
            Item
          </label>
          <select
            className="nhsuk-select"
            id={`${ids}-item`}
            value={itemId ?? ''}
            onChange={(event) => setItemId(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">All items</option>
            {items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.title}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id={`${ids}-named`}
              type="checkbox"
              checked={namedOnly}
              onChange={(event) => setNamedOnly(event.target.checked)}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${ids}-named`}>
              Named versions only
            </label>
          </div>
        </div>
      </fieldset>
      <p className="nhsuk-body" role="status" data-testid="lab-versions-count">
        {days.length === 0
          ? 'No versions to show.'
          : `${count} ${count === 1 ? 'version' : 'versions'} over ${days.length} ${
              days.length === 1 ? 'day' : 'days'
            }.`}
      </p>
      {days.map(({ day, versions: taken }) => (
        <section key={day} aria-labelledby={`${ids}-${day}`} data-testid="lab-versions-day">
          <h2 className="nhsuk-heading-s" id={`${ids}-${day}`}>
            {formatDate(day)}
          </h2>
          <ul className="app-history__versions">
            {taken.map((version) => (
              <li key={version.id} className="app-history__version" data-testid="lab-version">
                <p className="app-history__version-title">
                  <Link href={href(version)}>
                    {version.itemTitle || 'Untitled'}: {versionTitle(version)}
                  </Link>{' '}
                  <span className="nhsuk-body-s">{formatDateTime(version.at)}</span>
                </p>
                {version.people.length > 0 && (
                  <p className="app-history__people nhsuk-body-s">
                    Changes by {peopleText(version.people, names)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
