/**
 * The change ideas of a lab, as a list or as a board by status, and the PICK
 * chart, all from the lab's items as the registry keeps them (title, rights,
 * status, impact, effort, source, owner), live from the lab feed: no idea's
 * document is opened to show them. Changing an idea's status on the board opens
 * that idea's document alone (`idea-edits.ts`).
 */
import './ideas.css';
import { useState } from 'react';
import type { Item, ItemWithRights } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { AddIdeaForm } from './AddIdeaForm';
import { IdeasBoard } from './IdeasBoard';
import { IdeasTable } from './IdeasTable';
import { useIdeaEdits } from './idea-edits';
import { summariseIdea } from './idea-model';
import { PickChart } from './PickChart';

export interface IdeasScreenProps {
  readonly api: ApiClient;
  readonly labId: string;
  /** The lab's items as the person may see them, kept live; the ideas are picked out here. */
  readonly items: readonly ItemWithRights[];
  readonly canCreate: boolean;
  /** Sees only what is shared with them (a reviewer): ideas may exist unshared. */
  readonly sharedOnly?: boolean;
  readonly itemHref: (id: string) => string;
  /** Told of an idea added here (it also arrives with the lab's items). */
  onAdded?(item: Item): void;
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
  const edits = useIdeaEdits();
  const ideas = items
    .filter((item) => item.kind === 'idea' && !item.archived)
    .map((item) => {
      const idea = summariseIdea(item, edits.docs.get(item.id));
      const chosen = edits.pending.get(item.id);
      return chosen === undefined ? idea : { ...idea, status: chosen };
    });
  return (
    <>
      {canCreate && <AddIdeaForm api={api} labId={labId} onAdded={(item) => onAdded?.(item)} />}
      {edits.failure && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error:</span> {edits.failure}
        </p>
      )}
      <section aria-labelledby="ideas-heading">
        <h2 className="nhsuk-heading-m" id="ideas-heading">
          Ideas ({ideas.length})
        </h2>
        {ideas.length === 0 ? (
          <p className="nhsuk-body" data-testid="ideas-empty">
            {props.sharedOnly
              ? 'No change ideas have been shared with you yet.'
              : 'There are no change ideas yet.'}
          </p>
        ) : (
          <>
            <ViewSwitch view={view} onChange={setView} />
            {view === 'list' ? (
              <IdeasTable ideas={ideas} itemHref={itemHref} />
            ) : (
              <IdeasBoard ideas={ideas} itemHref={itemHref} onStatusChange={edits.setStatus} />
            )}
          </>
        )}
      </section>
      {ideas.length > 0 && <PickChart ideas={ideas} itemHref={itemHref} />}
    </>
  );
}
