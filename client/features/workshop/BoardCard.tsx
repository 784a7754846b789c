/**
 * One cluster's or note's actions: the dot vote (and, once revealed, its count), the
 * "Move to cluster" menu for a note, and making it a change idea, with the link to
 * the idea once made. All are buttons and menus: nothing needs a mouse.
 */
import { useState } from 'react';
import { PICK_EFFORTS, PICK_IMPACTS } from '../../../shared/documents/item-kinds';
import type { BoardCluster } from '../../../shared/documents/workshop-board';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

type Impact = (typeof PICK_IMPACTS)[number];
type Effort = (typeof PICK_EFFORTS)[number];

export interface CardActions {
  readonly canVote: boolean;
  readonly canMove: boolean;
  readonly canMakeIdea: boolean;
  readonly clusters: readonly BoardCluster[];
  readonly itemHref: (itemId: string) => string;
  vote(target: string, name: string): void;
  unvote(target: string, name: string): void;
  move(noteId: string, clusterId: string | null, name: string): void;
  makeIdea(from: string, impact: Impact, effort: Effort, name: string): void;
  myVotesOn(target: string): number;
}

export function VoteControls({
  actions,
  target,
  name,
  count,
}: {
  actions: CardActions;
  target: string;
  name: string;
  count: number | null;
}) {
  const mine = actions.myVotesOn(target);
  return (
    <div className="workshop__votes">
      {count !== null && (
        <strong className="workshop__count" data-testid="vote-count">
          {count} {count === 1 ? 'vote' : 'votes'}
        </strong>
      )}
      {mine > 0 && (
        <span>
          Your votes: {mine}
          <span aria-hidden="true"> {'●'.repeat(mine)}</span>
        </span>
      )}
      {actions.canVote && (
        <>
          <button type="button" className={SMALL} onClick={() => actions.vote(target, name)}>
            Vote<span className="nhsuk-u-visually-hidden"> for {name}</span>
          </button>
          {mine > 0 && (
            <button type="button" className={SMALL} onClick={() => actions.unvote(target, name)}>
              Take back a vote<span className="nhsuk-u-visually-hidden"> from {name}</span>
            </button>
          )}
        </>
      )}
    </div>
  );
}

export function IdeaControls({
  actions,
  from,
  name,
  ideaId,
}: {
  actions: CardActions;
  from: string;
  name: string;
  ideaId: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [impact, setImpact] = useState<Impact>('high');
  const [effort, setEffort] = useState<Effort>('easy');
  if (ideaId !== null)
    return (
      <p className="workshop__outcome">
        Became <a href={actions.itemHref(ideaId)}>a change idea</a>
      </p>
    );
  if (!actions.canMakeIdea) return null;
  if (!open)
    return (
      <button type="button" className={SMALL} onClick={() => setOpen(true)}>
        Make a change idea<span className="nhsuk-u-visually-hidden"> from {name}</span>
      </button>
    );
  return (
    <fieldset className="workshop__idea-form">
      <legend>Make {name} a change idea: where on the PICK chart?</legend>
      <label className="nhsuk-label" htmlFor={`impact-${from}`}>
        Impact
      </label>
      <select
        className="nhsuk-select"
        id={`impact-${from}`}
        value={impact}
        onChange={(event) => setImpact(event.target.value === 'low' ? 'low' : 'high')}
      >
        {PICK_IMPACTS.map((value) => (
          <option key={value} value={value}>
            {value === 'high' ? 'High impact' : 'Low impact'}
          </option>
        ))}
      </select>
      <label className="nhsuk-label" htmlFor={`effort-${from}`}>
        Effort
      </label>
      <select
        className="nhsuk-select"
        id={`effort-${from}`}
        value={effort}
        onChange={(event) => setEffort(event.target.value === 'hard' ? 'hard' : 'easy')}
      >
        {PICK_EFFORTS.map((value) => (
          <option key={value} value={value}>
            {value === 'easy' ? 'Easy to do' : 'Hard to do'}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--small"
        onClick={() => {
          setOpen(false);
          actions.makeIdea(from, impact, effort, name);
        }}
      >
        Create change idea
      </button>
    </fieldset>
  );
}

export function MoveMenu({
  actions,
  noteId,
  cluster,
  name,
}: {
  actions: CardActions;
  noteId: string;
  cluster: string | null;
  name: string;
}) {
  if (!actions.canMove) return null;
  const id = `move-${noteId}`;
  return (
    <div className="workshop__move">
      <label className="nhsuk-label" htmlFor={id}>
        Move to cluster
      </label>
      <select
        className="nhsuk-select"
        id={id}
        value={cluster ?? ''}
        onChange={(event) => actions.move(noteId, event.target.value || null, name)}
      >
        <option value="">Not grouped</option>
        {actions.clusters.map((each) => (
          <option key={each.id} value={each.id}>
            {each.label || '(unnamed cluster)'}
          </option>
        ))}
      </select>
    </div>
  );
}
