/**
 * `/items/<itemId>/history`: the item's versions, newest first, with what can be
 * done with each (view it read-only, compare it with the one before or with now,
 * restore it), naming the item as it is now, and who wrote what. What is shown
 * appears below the list, and focus moves to its heading. `?version=<id>` (from the
 * lab's versions page) shows that version at once.
 */

import { useEffect, useRef, useState } from 'react';
import { Api } from '../../shared/api-routes';
import type { ItemWithRights } from '../../shared/schemas/api-responses';
import type { ComparisonResponse, VersionSummary } from '../../shared/schemas/history';
import { ExportForm } from '../features/exports/ExportForm';
import { AuthorLegend } from '../features/history/AuthorLegend';
import { ChangesSinceSeen } from '../features/history/ChangesSinceSeen';
import { type DiffMode, DiffView } from '../features/history/DiffView';
import { NameVersionForm } from '../features/history/NameVersionForm';
import { VersionList } from '../features/history/VersionList';
import { versionTitle } from '../features/history/version-labels';
import { formatDateTime } from '../lib/dates';
import { Link } from '../lib/navigation';
import { LoadFailed, Loading, SuccessBanner } from '../lib/PageStatus';
import { asApiError, useApiData } from '../lib/use-api-data';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { SignedIn } from './session';

interface Shown {
  readonly heading: string;
  readonly mode: DiffMode;
  readonly answer: ComparisonResponse;
}

const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;

function ShownPanel({ shown, item }: { shown: Shown; item: ItemWithRights }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to each new thing shown.
  useEffect(() => heading.current?.focus(), [shown]);
  const { answer, mode } = shown;
  return (
    <section
      className="app-history__shown"
      aria-labelledby="history-shown-heading"
      data-testid="history-shown"
    >
      <h2 className="nhsuk-heading-m" id="history-shown-heading" ref={heading} tabIndex={-1}>
        {shown.heading}
      </h2>
      {mode === 'authorship' && <AuthorLegend names={answer.names} />}
      <DiffView
        diff={answer.diff}
        names={answer.names}
        mode={mode}
        authors={Object.keys(answer.names)}
      />
      {mode === 'version' && answer.from && (
        <ExportForm
          endpoint={`/api/items/${item.id}/export`}
          query={{ version: answer.from.id }}
          formats={EXPORT_FORMATS}
          heading="Export this version"
          fallbackName={`${item.title || 'item'}-version`}
        />
      )}
    </section>
  );
}

function HistoryBody({ session, item }: { session: SignedIn; item: ItemWithRights }) {
  const { api } = session;
  const [list, reload] = useApiData(`versions:${item.id}`, () =>
    api.call(Api.history.versions, { params: { itemId: item.id } }),
  );
  const [shown, setShown] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const show = async (heading: string, mode: DiffMode, load: () => Promise<ComparisonResponse>) => {
    setFailure(null);
    try {
      setShown({ heading, mode, answer: await load() });
    } catch (error) {
      setFailure(asApiError(error).message);
    }
  };
  const label = (v: VersionSummary) => `${versionTitle(v)}, ${formatDateTime(v.at)}`;
  const canEdit = item.rights === 'edit';
  // The version asked for in the address, shown once the list says what it is.
  const asked = useRef(new URLSearchParams(window.location.search).get('version'));
  useEffect(() => {
    if (list.status !== 'ready' || asked.current === null) return;
    const version = list.data.versions.find((v) => v.id === asked.current);
    asked.current = null;
    if (version) {
      void show(label(version), 'version', () =>
        api.call(Api.history.version, { params: { itemId: item.id, versionId: version.id } }),
      );
    } else setFailure('That version is no longer kept.');
  });
  return (
    <>
      {notice && <SuccessBanner title={notice} />}
      {failure && (
        <div className="nhsuk-error-summary" role="alert">
          <p className="nhsuk-error-summary__body">{failure}</p>
        </div>
      )}
      <ChangesSinceSeen api={api} itemId={item.id} userId={session.me.user.id} />
      {canEdit && (
        <NameVersionForm
          api={api}
          itemId={item.id}
          onNamed={(version) => {
            setNotice(`Named “${versionTitle(version)}”`);
            reload();
          }}
        />
      )}
      <p>
        <button
          type="button"
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={() =>
            show('Who wrote what', 'authorship', () =>
              api.call(Api.history.authorship, { params: { itemId: item.id } }),
            )
          }
        >
          Who wrote what
        </button>
      </p>
      <h2 className="nhsuk-heading-m">Versions</h2>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <LoadFailed error={list.error} />}
      {list.status === 'ready' && (
        <VersionList
          versions={list.data.versions}
          names={list.data.names}
          actions={{
            view: (v) =>
              show(label(v), 'version', () =>
                api.call(Api.history.version, { params: { itemId: item.id, versionId: v.id } }),
              ),
            compareWithNow: (v) =>
              show(`Changes from ${label(v)} to now`, 'compare', () =>
                api.call(Api.history.compare, {
                  params: { itemId: item.id },
                  query: { from: v.id },
                }),
              ),
            compareWithPrevious: (v, previous) =>
              show(`Changes from ${label(previous)} to ${label(v)}`, 'compare', () =>
                api.call(Api.history.compare, {
                  params: { itemId: item.id },
                  query: { from: previous.id, to: v.id },
                }),
              ),
            restore: canEdit
              ? async (v) => {
                  setFailure(null);
                  try {
                    await api.call(Api.history.restore, {
                      params: { itemId: item.id, versionId: v.id },
                    });
                    setNotice(`Restored ${label(v)}. To undo, restore “Before a restore”.`);
                    setShown(null);
                    reload();
                  } catch (error) {
                    setFailure(asApiError(error).message);
                  }
                }
              : null,
          }}
        />
      )}
      {shown && <ShownPanel shown={shown} item={item} />}
    </>
  );
}

export function ItemHistoryPage(props: { session: SignedIn; itemId: string }) {
  const { session, itemId } = props;
  const [loaded] = useApiData(`item:${itemId}`, () =>
    session.api.call(Api.items.get, { params: { itemId } }),
  );
  const title = loaded.status === 'ready' ? loaded.data.item.title || 'Untitled' : 'Item';
  usePageTitle(`History of ${title}`);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <LoadFailed error={loaded.error} />;
  const { item } = loaded.data;
  return (
    <div className="app-history">
      <Link className="nhsuk-back-link" href={paths.item(item.id)}>
        Back to {title}
      </Link>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">History</span> {title}
      </h1>
      <HistoryBody session={session} item={item} />
    </div>
  );
}
