/**
 * One cluster's or note's actions: the dot vote (and, once revealed, its count), and
 * making it a change idea, with the link to the idea once made. A note's move is one
 * button that opens the board's one move dialog (`MoveDialog.tsx`). All are buttons
 * and menus: nothing needs a mouse.
 */
import { useState } from 'react';
import { PICK_EFFORTS, PICK_IMPACTS } from '../../../shared/documents/item-kinds';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

type Impact = (typeof PICK_IMPACTS)[number];
type Effort = (typeof PICK_EFFORTS)[number];

export interface CardActions {
  readonly canVote: boolean;
  readonly canMove: boolean;
  readonly canMakeIdea: boolean;
  readonly itemHref: (itemId: string) => string;
  vote(target: string, name: string): void;
  unvote(target: string, name: string): void;
  /** Opens the board's move dialog for a note; the dialog makes the move. */
  openMove(noteId: string, name: string): void;
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
  // Nothing to show (votes revealed or not taking part, none cast): no box to lay out.
  if (count === null && mine === 0 && !actions.canVote) return null;
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
  offer = true,
}: {
  actions: CardActions;
  from: string;
  name: string;
  ideaId: string | null;
  /** Whether to offer making one (a note offers it only when asked); the link shows anyway. */
  offer?: boolean;
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
  if (!actions.canMakeIdea || !offer) return null;
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
