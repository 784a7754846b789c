/**
 * The change ideas of a lab, as a list or as a board by status, and the PICK
 * chart. Titles, rights and the registry's status come with the lab's items;
 * each idea's other fields come from its document, opened to read (ideas are
 * few), and stay live while the page is open.
 */
import './ideas.css';
import { useState } from 'react';
import { setFieldValue } from '../../../shared/documents/item-doc';
import type { Item, ItemWithRights } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { AddIdeaForm } from './AddIdeaForm';
import { IdeasBoard } from './IdeasBoard';
import { IdeasTable } from './IdeasTable';
import { type IdeaStatus, summariseIdea } from './idea-model';
import { useDocsChanges, useLabDocs } from './lab-docs';
import { PickChart } from './PickChart';

export interface IdeasScreenProps {
  readonly api: ApiClient;
  readonly labId: string;
  /** The lab's items as the person may see them; the ideas are picked out here. */
  readonly items: readonly ItemWithRights[];
  readonly canCreate: boolean;
  readonly itemHref: (id: string) => string;
  onAdded(item: Item): void;
}

type View = 'list' | 'board';

function ViewSwitch({ view, onChange }: { view: View; onChange(view: View): void }) {
  const other: View = view === 'list' ? 'board' : 'list';
  return (
    <p className="nhsuk-body">
      Showing the ideas as a {view === 'list' ? 'list' : 'board by status'}.{' '}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
        onClick={() => onChange(other)}
      >
        Show as a {other === 'list' ? 'list' : 'board'}
      </button>
    </p>
  );
}

export function IdeasScreen(props: IdeasScreenProps) {
  const { api, labId, items, canCreate, itemHref, onAdded } = props;
  const [view, setView] = useState<View>('list');
  const ideaItems = items.filter((item) => item.kind === 'idea' && !item.archived);
  const docs = useLabDocs(ideaItems.map((item) => item.id));
  useDocsChanges(docs);
  const ideas = ideaItems.map((item) => summariseIdea(item, docs.get(item.id)));
  const setStatus = (id: string, status: IdeaStatus) => {
    const doc = docs.get(id);
    if (doc) setFieldValue(doc, 'idea', 'status', status);
  };
  return (
    <>
      {canCreate && <AddIdeaForm api={api} labId={labId} onAdded={onAdded} />}
      <section aria-labelledby="ideas-heading">
        <h2 className="nhsuk-heading-m" id="ideas-heading">
          Ideas ({ideas.length})
        </h2>
        {ideas.length === 0 ? (
          <p className="nhsuk-body">There are no change ideas yet.</p>
        ) : (
          <>
            <ViewSwitch view={view} onChange={setView} />
            {view === 'list' ? (
              <IdeasTable ideas={ideas} itemHref={itemHref} />
            ) : (
              <IdeasBoard ideas={ideas} itemHref={itemHref} onStatusChange={setStatus} />
            )}
          </>
        )}
      </section>
      {ideas.length > 0 && <PickChart ideas={ideas} itemHref={itemHref} />}
    </>
  );
}
