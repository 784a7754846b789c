/**
 * A cluster on the board: its heading (renamed by keyboard), votes, change idea and
 * diagram controls, and its notes, which are dropped onto it or moved in by their menu.
 * Memoised like the cards (`NoteCard.tsx`): a move redraws only the two clusters whose
 * lists of notes changed.
 */
import { memo } from 'react';
import type { BoardCluster, BoardNote } from '../../../shared/documents/workshop-board';
import { countOf } from '../../../shared/documents/workshop-board';
import type { BoardState } from '../../../shared/schemas/workshop';
import { type CardActions, IdeaControls, VoteControls } from './BoardCard';
import { quoted } from './board-model';
import { ClusterHeading } from './ClusterHeading';
import { type DiagramActions, DiagramControls } from './DiagramControls';
import { dropTarget, NoteCard } from './NoteCard';

/** What a cluster does to the board, made once by the board so the clusters can be memoised. */
export interface ClusterActions {
  rename(clusterId: string, label: string): void;
  drop(noteId: string, clusterId: string | null): void;
}

/** A list of notes (a cluster's or the ungrouped ones), each a memoised card. */
export const NoteList = memo(function NoteList({
  notes,
  label,
  state,
  editable,
  actions,
  diagrams,
}: {
  notes: readonly BoardNote[];
  label: string;
  state: BoardState;
  editable: boolean;
  actions: CardActions;
  diagrams: DiagramActions;
}) {
  return (
    <ul className="workshop__notes" aria-label={label}>
      {notes.map((note) => (
        <NoteCard
          key={note.id}
          note={note}
          count={countOf(state, note.id)}
          editable={editable}
          actions={actions}
          diagrams={diagrams}
        />
      ))}
    </ul>
  );
});

export const ClusterSection = memo(function ClusterSection({
  cluster,
  notes,
  state,
  editable,
  actions,
  diagrams,
  clusterActions,
}: {
  cluster: BoardCluster;
  notes: readonly BoardNote[];
  state: BoardState;
  editable: boolean;
  actions: CardActions;
  diagrams: DiagramActions;
  clusterActions: ClusterActions;
}) {
  const label = quoted(cluster.label);
  return (
    <section
      className="workshop__cluster"
      data-cluster={cluster.id}
      aria-labelledby={`cluster-${cluster.id}`}
      {...dropTarget(editable, cluster.id, clusterActions.drop)}
    >
      <ClusterHeading
        id={cluster.id}
        label={cluster.label}
        editable={editable}
        rename={(next) => clusterActions.rename(cluster.id, next)}
      />
      <VoteControls
        actions={actions}
        target={cluster.id}
        name={label}
        count={countOf(state, cluster.id)}
      />
      <IdeaControls actions={actions} from={cluster.id} name={label} ideaId={cluster.ideaId} />
      <DiagramControls actions={diagrams} from={cluster.id} name={label} outcomes={cluster} />
      <NoteList
        notes={notes}
        label={`Notes in ${label}`}
        state={state}
        editable={editable}
        actions={actions}
        diagrams={diagrams}
      />
    </section>
  );
});
