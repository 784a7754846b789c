/**
 * The facilitator's controls: the prompt, votes per person, anonymous notes, the
 * timer, the lock and revealing the votes. Each change goes to the server, which
 * writes the board's state into its document for everyone.
 */
import { useEffect, useState } from 'react';
import type { BoardState } from '../../../shared/schemas/workshop';
import { MAX_VOTES_PER_PERSON } from '../../../shared/schemas/workshop';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

export type SettingsChange = {
  prompt?: string;
  votesPerPerson?: number;
  anonymous?: boolean;
  locked?: boolean;
  timerMinutes?: number;
  revealed?: boolean;
};

export function BoardSettings({
  state,
  votesCast,
  change,
}: {
  state: BoardState;
  votesCast: number;
  change(settings: SettingsChange): void;
}) {
  const [prompt, setPrompt] = useState(state.prompt);
  const [votes, setVotes] = useState(String(state.votesPerPerson));
  const [minutes, setMinutes] = useState('5');
  useEffect(() => setPrompt(state.prompt), [state.prompt]);
  useEffect(() => setVotes(String(state.votesPerPerson)), [state.votesPerPerson]);
  return (
    <section className="workshop__settings" aria-labelledby="workshop-settings-heading">
      <h2 id="workshop-settings-heading" className="nhsuk-heading-s">
        Run the workshop
      </h2>
      <form
        className="workshop__row"
        onSubmit={(event) => {
          event.preventDefault();
          change({ prompt, votesPerPerson: Number(votes) });
        }}
      >
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="workshop-prompt">
            Prompt
          </label>
          <input
            className="nhsuk-input"
            id="workshop-prompt"
            value={prompt}
            onChange={(event) => setPrompt(event.target.value)}
          />
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="workshop-votes">
            Votes per person
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-2"
            id="workshop-votes"
            type="number"
            min={1}
            max={MAX_VOTES_PER_PERSON}
            value={votes}
            onChange={(event) => setVotes(event.target.value)}
          />
        </div>
        <button type="submit" className={SMALL}>
          Save prompt and votes
        </button>
      </form>
      <div className="workshop__row">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id="workshop-anonymous"
            type="checkbox"
            checked={state.anonymous}
            onChange={(event) => change({ anonymous: event.target.checked })}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="workshop-anonymous">
            New notes are anonymous
          </label>
        </div>
      </div>
      <div className="workshop__row">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="workshop-minutes">
            Timer (minutes)
          </label>
          <input
            className="nhsuk-input nhsuk-input--width-2"
            id="workshop-minutes"
            type="number"
            min={1}
            max={180}
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />
        </div>
        <button
          type="button"
          className={SMALL}
          onClick={() => change({ timerMinutes: Number(minutes) })}
        >
          Start timer
        </button>
        {state.timerEndsAt !== null && (
          <button type="button" className={SMALL} onClick={() => change({ timerMinutes: 0 })}>
            Stop timer
          </button>
        )}
      </div>
      <div className="workshop__row">
        <button type="button" className={SMALL} onClick={() => change({ locked: !state.locked })}>
          {state.locked ? 'Unlock the board' : 'Lock the board'}
        </button>
        <button
          type="button"
          className={SMALL}
          onClick={() => change({ revealed: !state.revealed })}
        >
          {state.revealed ? 'Hide the votes' : 'Reveal the votes'}
        </button>
        <span>
          {votesCast} {votesCast === 1 ? 'vote' : 'votes'} cast so far
        </span>
      </div>
    </section>
  );
}
