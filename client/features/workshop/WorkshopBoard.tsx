/**
 * A workshop board, live: the prompt and timer, sticky notes added by everyone
 * taking part (through the server, which leaves out the author on an anonymous
 * board), clusters that notes move into by drag or by a note's "Move…" dialog,
 * dot votes (counted by the server, shown once revealed), and change ideas, drivers
 * and causes made from a cluster or note. What each action did is said in a live region.
 */
import './workshop.css';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Api } from '../../../shared/api-routes';
import type { WorkshopTargets, WorkshopView } from '../../../shared/schemas/workshop';
import { ApiRequestError } from '../../lib/api';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { useLabItems } from '../../lib/lab-items';
import { sameControlIn, useKeepFocus } from '../../lib/use-keep-focus';
import type { CardActions } from './BoardCard';
import { BoardSettings, type SettingsChange } from './BoardSettings';
import { BoardTimer } from './BoardTimer';
import { type ClusterActions, ClusterSection, NoteList } from './ClusterSection';
import type { DiagramActions } from './DiagramControls';
import { NoteForm } from './NoteForm';
import { addCluster, moveNote, renameCluster } from './board-edits';
import { notesIn, quoted as name, useBoardModel } from './board-model';
import { MoveDialog, useMoveRequest } from './MoveDialog';
import { dropTarget } from './NoteCard';

/** A note's control, found again on its card when the note is drawn in another cluster. */
const sameNote = sameControlIn('data-note');

export function WorkshopBoard({
  item,
  doc,
  editable,
  api,
  itemHref,
}: ItemBodyProps & { itemHref: (itemId: string) => string }) {
  const board = useBoardModel(doc);
  const { state } = board;
  const [view, setView] = useState<WorkshopView | null>(null);
  const [said, say] = useState('');
  const [clusterName, setClusterName] = useState('');
  const [targets, setTargets] = useState<WorkshopTargets | null>(null);
  const labItems = useLabItems(item.labId);
  const params = useMemo(() => ({ itemId: item.id }), [item.id]);
  const clustersRef = useRef<HTMLDivElement>(null);
  useKeepFocus(clustersRef, sameNote);

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
  // What the stable actions below read when called, so they need not change with it.
  const latest = useRef({ board, labItems });
  latest.current = { board, labItems };

  const moves = useMoveRequest();
  const openMove = moves.open;
  const move = useCallback(
    (noteId: string, clusterId: string | null, label: string) => {
      moveNote(doc, noteId, clusterId);
      const cluster = latest.current.board.clusters.find((each) => each.id === clusterId);
      say(cluster ? `Moved ${label} to ${name(cluster.label)}.` : `${label} is not grouped now.`);
    },
    [doc],
  );

  // Made again only when what the cards show from it changes (not on every move), so the
  // memoised cards and clusters draw again only when their own rows change.
  const canVote = takesPart && !state.revealed;
  const myVotes = view?.myVotes;
  const actions = useMemo<CardActions>(
    () => ({
      canVote,
      canMove: editable,
      canMakeIdea: editable,
      itemHref,
      myVotesOn: (target) => myVotes?.filter((each) => each === target).length ?? 0,
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
      openMove: (noteId, label) => openMove({ noteId, name: label }),
      makeIdea(from, impact, effort, label) {
        api
          .call(Api.workshop.makeIdea, { params, body: { from, impact, effort } })
          .then(() => say(`${label} is now a change idea.`), fail);
      },
    }),
    [canVote, editable, itemHref, myVotes, api, params, fail, openMove],
  );

  // The lab feed sends the items again when any of them changes; the cards show only titles.
  const titles =
    labItems.status === 'ready'
      ? labItems.data.map((each) => `${each.id} ${each.title}`).join('\n')
      : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `titles` is what `titleOf` reads, through the ref
  const diagrams = useMemo<DiagramActions>(() => {
    const titleOf = (itemId: string) => {
      const { labItems: items } = latest.current;
      if (items.status !== 'ready') return '';
      return items.data.find((each) => each.id === itemId)?.title ?? '';
    };
    return {
      canAddToDiagrams: editable,
      targets,
      itemHref,
      loadTargets() {
        api.call(Api.workshop.targets, { params }).then(setTargets, fail);
      },
      titleOf,
      addDriver(from, diagramId, under, label) {
        api
          .call(Api.workshop.addDriver, { params, body: { from, diagramId, under } })
          .then(() => say(`${label} is now a driver in ${name(titleOf(diagramId))}.`), fail);
      },
      addCause(from, fishboneId, categoryId, label) {
        api
          .call(Api.workshop.addCause, { params, body: { from, fishboneId, categoryId } })
          .then(() => say(`${label} is now a cause in ${name(titleOf(fishboneId))}.`), fail);
      },
    };
  }, [editable, targets, itemHref, titles, api, params, fail]);

  const clusterActions = useMemo<ClusterActions>(
    () => ({
      rename(clusterId, next) {
        const cluster = latest.current.board.clusters.find((each) => each.id === clusterId);
        renameCluster(doc, clusterId, next);
        say(`Cluster ${name(cluster?.label ?? '')} renamed to ${name(next)}.`);
      },
      drop(noteId, clusterId) {
        const dropped = latest.current.board.notes.find((each) => each.id === noteId);
        if (dropped) move(noteId, clusterId, name(dropped.text));
      },
    }),
    [doc, move],
  );

  const moving = moves.request;
  const movingFrom = board.notes.find((each) => each.id === moving?.noteId)?.cluster ?? null;

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
      <div className="workshop__clusters" ref={clustersRef}>
        {board.clusters.map((cluster) => (
          <ClusterSection
            key={cluster.id}
            cluster={cluster}
            notes={notesIn(board, cluster.id)}
            state={state}
            editable={editable}
            actions={actions}
            diagrams={diagrams}
            clusterActions={clusterActions}
          />
        ))}
        <section
          className="workshop__cluster workshop__cluster--ungrouped"
          aria-labelledby="cluster-none"
          {...dropTarget(editable, null, clusterActions.drop)}
        >
          <h2 id="cluster-none" className="nhsuk-heading-s">
            Not grouped yet
          </h2>
          <NoteList
            notes={notesIn(board, null)}
            label="Notes not grouped yet"
            state={state}
            editable={editable}
            actions={actions}
            diagrams={diagrams}
          />
        </section>
      </div>
      {moving && editable && (
        <MoveDialog
          key={moving.noteId}
          request={moving}
          clusters={board.clusters}
          current={movingFrom}
          choose={(clusterId) => {
            if (clusterId !== movingFrom) move(moving.noteId, clusterId, moving.name);
            else say(`${moving.name} was already there.`);
            moves.close();
          }}
          close={moves.close}
        />
      )}
    </div>
  );
}
