/**
 * The versions of an item, newest first: when, what (its name, or why it was
 * taken), who changed the item since the version before, and what can be done
 * with it. Restoring asks once more before it changes anything.
 */
import { useState } from 'react';
import type { PeopleNames, VersionSummary } from '../../../shared/schemas/history';
import { formatDateTime } from '../../lib/dates';
import { peopleText, versionTitle } from './version-labels';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small app-history__action';

export interface VersionActions {
  view(version: VersionSummary): void;
  compareWithNow(version: VersionSummary): void;
  compareWithPrevious(version: VersionSummary, previous: VersionSummary): void;
  /** Null when the person may not restore. */
  readonly restore: ((version: VersionSummary) => Promise<void>) | null;
}

function RestoreButton({
  version,
  restore,
}: {
  version: VersionSummary;
  restore: (v: VersionSummary) => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking)
    return (
      <button type="button" className={SMALL} onClick={() => setAsking(true)}>
        Restore<span className="nhsuk-u-visually-hidden"> {versionTitle(version)}</span>
      </button>
    );
  return (
    <span className="app-history__confirm">
      <span className="nhsuk-body-s">
        Restore this version for everyone? The item as it is now is kept as a version.
      </span>{' '}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--warning nhsuk-button--small app-history__action"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await restore(version);
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        Yes, restore
      </button>{' '}
      <button type="button" className={SMALL} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

export function VersionList(props: {
  versions: readonly VersionSummary[];
  names: PeopleNames;
  actions: VersionActions;
}) {
  const { versions, names, actions } = props;
  if (versions.length === 0)
    return (
      <p className="nhsuk-body">
        No versions yet. One is saved automatically a few minutes after people edit.
      </p>
    );
  return (
    <ol className="app-history__versions" aria-label="Versions, newest first">
      {versions.map((version, i) => {
        const previous = versions[i + 1];
        const title = versionTitle(version);
        return (
          <li key={version.id} className="app-history__version" data-testid="version">
            <p className="app-history__version-title">
              <strong>{title}</strong>{' '}
              <span className="nhsuk-body-s">{formatDateTime(version.at)}</span>
            </p>
            {version.people.length > 0 && (
              <p className="nhsuk-body-s app-history__people">
                Changes by {peopleText(version.people, names)}
              </p>
            )}
            {version.takenBy && version.reason !== 'auto' && (
              <p className="nhsuk-body-s app-history__people">
                By {peopleText([version.takenBy], names)}
              </p>
            )}
            <div className="app-history__actions">
              <button type="button" className={SMALL} onClick={() => actions.view(version)}>
                View<span className="nhsuk-u-visually-hidden"> {title}</span>
              </button>
              <button
                type="button"
                className={SMALL}
                onClick={() => actions.compareWithNow(version)}
              >
                Compare with now<span className="nhsuk-u-visually-hidden"> ({title})</span>
              </button>
              {previous && (
                <button
                  type="button"
                  className={SMALL}
                  onClick={() => actions.compareWithPrevious(version, previous)}
                >
                  Compare with previous<span className="nhsuk-u-visually-hidden"> ({title})</span>
                </button>
              )}
              {actions.restore && <RestoreButton version={version} restore={actions.restore} />}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
