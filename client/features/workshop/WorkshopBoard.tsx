/**
 * A workshop board, live: the prompt and timer, sticky notes added by everyone
 * taking part (through the server, which leaves out the author on an anonymous
 * board), clusters that notes move into by drag or by the "Move to cluster" menu,
 * dot votes (counted by the server, shown once revealed), and change ideas, drivers
 * and causes made from a cluster or note. What each action did is said in a live region.
 */
import './workshop.css';
import { type DragEvent, type FormEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { list, metaMap } from '../../../shared/documents/item-doc';
import { type BoardNote, countOf, readBoard } from '../../../shared/documents/workshop-board';
import { Api } from '../../../shared/api-routes';
import type { WorkshopTargets, WorkshopView } from '../../../shared/schemas/workshop';
import { ApiRequestError } from '../../lib/api';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { useLabItems } from '../../lib/lab-items';
import { useYChanges } from '../../lib/y-hooks';
import { type CardActions, IdeaControls, MoveMenu, VoteControls } from './BoardCard';
import { BoardSettings, type SettingsChange } from './BoardSettings';
import { BoardTimer } from './BoardTimer';
import { ClusterHeading } from './ClusterHeading';
import { type DiagramActions, DiagramControls } from './DiagramControls';
import { NoteForm } from './NoteForm';
import { addCluster, moveNote, renameCluster } from './board-edits';

const NOTE_TYPE = 'application/x-workshop-note';

export function WorkshopBoard({
  item,
  doc,
  editable,
  api,
  itemHref,
}: ItemBodyProps & { itemHref: (itemId: string) => string }) {
  useYChanges(metaMap(doc));
  useYChanges(list(doc, 'notes'));
  useYChanges(list(doc, 'clusters'));
  const board = readBoard(doc);
  const { state } = board;
  const [view, setView] = useState<WorkshopView | null>(null);
  const [said, say] = useState('');
  const [clusterName, setClusterName] = useState('');
  const [targets, setTargets] = useState<WorkshopTargets | null>(null);
  const labItems = useLabItems(item.labId);
  const params = useMemo(() => ({ itemId: item.id }), [item.id]);

  const fail = useCallback((error: unknown) => {
    say(error instanceof ApiRequestError ? error.message : 'That did not work. Try again.');
  }, []);
  const reload = useCallback(() => {
    api.call(Api.workshop.get, { params }).then(setView, fail);
  }, [api, params, fail]);
  // The board's state changing (reveal, lock, votes per person) changes what the server says.
  // biome-ignore lint/correctness/useExhaustiveDependencies: those changes are the reason to ask again
  useEffect(reload, [reload, state.revealed, state.locked, state.votesPerPerson]);

  const facilitates = view?.facilitates ?? false;
  const takesPart = item.rights === 'edit' || item.rights === 'comment';
  const canAdd = takesPart && (!state.locked || facilitates);
  const name = (text: string) => `“${text || '(empty)'}”`;

  const actions: CardActions = {
    canVote: takesPart && !state.revealed,
    canMove: editable,
    canMakeIdea: editable,
    clusters: board.clusters,
    itemHref,
    myVotesOn: (target) => view?.myVotes.filter((each) => each === target).length ?? 0,
    vote(target, label) {
      api.call(Api.workshop.vote, { params, body: { target } }).then((next) => {
        setView(next);
        say(
          `Voted for ${label}. ${next.votesLeft} ${next.votesLeft === 1 ? 'vote' : 'votes'} left.`,
        );
      }, fail);
    },
    unvote(target, label) {
      api.call(Api.workshop.unvote, { params: { ...params, target } }).then((next) => {
        setView(next);
        say(`Took back a vote from ${label}. ${next.votesLeft} left.`);
      }, fail);
    },
    move(noteId, clusterId, label) {
      moveNote(doc, noteId, clusterId);
      const cluster = board.clusters.find((each) => each.id === clusterId);
      say(cluster ? `Moved ${label} to ${name(cluster.label)}.` : `${label} is not grouped now.`);
    },
    makeIdea(from, impact, effort, label) {
      api
        .call(Api.workshop.makeIdea, { params, body: { from, impact, effort } })
        .then(() => say(`${label} is now a change idea.`), fail);
    },
  };

  const diagrams: DiagramActions = {
    canAddToDiagrams: editable,
    targets,
    itemHref,
    loadTargets() {
      api.call(Api.workshop.targets, { params }).then(setTargets, fail);
    },
    titleOf(itemId) {
      if (labItems.status !== 'ready') return '';
      return labItems.data.find((each) => each.id === itemId)?.title ?? '';
    },
    addDriver(from, diagramId, under, label) {
      api
        .call(Api.workshop.addDriver, { params, body: { from, diagramId, under } })
        .then(() => say(`${label} is now a driver in ${name(diagrams.titleOf(diagramId))}.`), fail);
    },
    addCause(from, fishboneId, categoryId, label) {
      api
        .call(Api.workshop.addCause, { params, body: { from, fishboneId, categoryId } })
        .then(() => say(`${label} is now a cause in ${name(diagrams.titleOf(fishboneId))}.`), fail);
    },
  };

  function change(settings: SettingsChange) {
    api.call(Api.workshop.update, { params, body: settings }).then((next) => {
      setView(next);
      say('Workshop settings saved.');
    }, fail);
  }

  async function addNote(text: string, reason?: string) {
    const personalData = reason === undefined ? {} : { personalData: { reason } };
    await api.call(Api.workshop.addNote, { params, body: { text, ...personalData } });
    say(`Note added: ${name(text)}.`);
  }

  function newCluster(event: FormEvent) {
    event.preventDefault();
    const label = clusterName.trim();
    if (!label) return;
    addCluster(doc, label);
    setClusterName('');
    say(`Cluster ${name(label)} added.`);
  }

  function dropOn(clusterId: string | null) {
    return {
      onDragOver: (event: DragEvent) => {
        if (editable && event.dataTransfer.types.includes(NOTE_TYPE)) event.preventDefault();
      },
      onDrop: (event: DragEvent) => {
        const noteId = event.dataTransfer.getData(NOTE_TYPE);
        const dropped = board.notes.find((each) => each.id === noteId);
        if (!dropped) return;
        event.preventDefault();
        actions.move(noteId, clusterId, name(dropped.text));
      },
    };
  }

  const card = (each: BoardNote) => (
    <li
      key={each.id}
      className="workshop__note"
      data-note={each.id}
      draggable={editable}
      onDragStart={(event) => event.dataTransfer.setData(NOTE_TYPE, each.id)}
    >
      <p className="workshop__note-text">{each.text}</p>
      {each.author && <p className="workshop__author">{each.author}</p>}
      <MoveMenu actions={actions} noteId={each.id} cluster={each.cluster} name={name(each.text)} />
      <VoteControls
        actions={actions}
        target={each.id}
        name={name(each.text)}
        count={countOf(state, each.id)}
      />
      <IdeaControls actions={actions} from={each.id} name={name(each.text)} ideaId={each.ideaId} />
      <DiagramControls actions={diagrams} from={each.id} name={name(each.text)} outcomes={each} />
    </li>
  );

  const ungrouped = board.notes.filter((each) => each.cluster === null);
  return (
    <div className="workshop">
      <div className="workshop__head">
        <p className="workshop__prompt">
          {state.prompt || 'The facilitator has not set a prompt yet.'}
        </p>
        <BoardTimer endsAt={state.timerEndsAt} />
        {state.locked && <strong className="nhsuk-tag nhsuk-tag--grey">Locked</strong>}
        {view && takesPart && !state.revealed && (
          <p data-testid="votes-left">
            You have {view.votesLeft} of {state.votesPerPerson} votes left. Votes stay hidden until
            the facilitator reveals them.
          </p>
        )}
      </div>
      <p className="nhsuk-u-visually-hidden" aria-live="polite" data-testid="workshop-said">
        {said}
      </p>
      {facilitates && (
        <BoardSettings state={state} votesCast={view?.votesCast ?? 0} change={change} />
      )}
      {canAdd && <NoteForm anonymous={state.anonymous} send={addNote} fail={fail} />}
      {editable && (
        <form className="workshop__row" onSubmit={newCluster}>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="workshop-cluster">
              New cluster name
            </label>
            <input
              className="nhsuk-input"
              id="workshop-cluster"
              value={clusterName}
              onChange={(event) => setClusterName(event.target.value)}
            />
          </div>
          <button
            type="submit"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          >
            Add cluster
          </button>
        </form>
      )}
      <div className="workshop__clusters">
        {board.clusters.map((cluster) => {
          const notes = board.notes.filter((each) => each.cluster === cluster.id);
          const label = name(cluster.label);
          return (
            <section
              key={cluster.id}
              className="workshop__cluster"
              data-cluster={cluster.id}
              aria-labelledby={`cluster-${cluster.id}`}
              {...dropOn(cluster.id)}
            >
              <ClusterHeading
                id={cluster.id}
                label={cluster.label}
                editable={editable}
                rename={(next) => {
                  renameCluster(doc, cluster.id, next);
                  say(`Cluster ${label} renamed to ${name(next)}.`);
                }}
              />
              <VoteControls
                actions={actions}
                target={cluster.id}
                name={label}
                count={countOf(state, cluster.id)}
              />
              <IdeaControls
                actions={actions}
                from={cluster.id}
                name={label}
                ideaId={cluster.ideaId}
              />
              <DiagramControls
                actions={diagrams}
                from={cluster.id}
                name={label}
                outcomes={cluster}
              />
              <ul className="workshop__notes" aria-label={`Notes in ${label}`}>
                {notes.map(card)}
              </ul>
            </section>
          );
        })}
        <section
          className="workshop__cluster workshop__cluster--ungrouped"
          aria-labelledby="cluster-none"
          {...dropOn(null)}
        >
          <h2 id="cluster-none" className="nhsuk-heading-s">
            Not grouped yet
          </h2>
          <ul className="workshop__notes" aria-label="Notes not grouped yet">
            {ungrouped.map(card)}
          </ul>
        </section>
      </div>
    </div>
  );
}
