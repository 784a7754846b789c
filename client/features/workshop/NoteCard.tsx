/**
 * A note on the board: its words, its author (unless anonymous), its "Move to cluster"
 * menu, votes, change idea and diagram controls. Memoised: the props are the note's own
 * row (kept as the same object while unchanged, `board-model.ts`), its count and the
 * board's stable actions, so a move elsewhere on the board does not draw it again.
 */
import { type DragEvent, memo } from 'react';
import type { BoardNote } from '../../../shared/documents/workshop-board';
import { type CardActions, IdeaControls, MoveMenu, VoteControls } from './BoardCard';
import { quoted } from './board-model';
import { type DiagramActions, DiagramControls } from './DiagramControls';

const NOTE_TYPE = 'application/x-workshop-note';

/** A cluster's (or, null, the ungrouped list's) handlers for a note dropped on it. */
export function dropTarget(
  editable: boolean,
  clusterId: string | null,
  drop: (noteId: string, clusterId: string | null) => void,
) {
  return {
    onDragOver: (event: DragEvent) => {
      if (editable && event.dataTransfer.types.includes(NOTE_TYPE)) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      const noteId = event.dataTransfer.getData(NOTE_TYPE);
      if (!noteId) return;
      event.preventDefault();
      drop(noteId, clusterId);
    },
  };
}

export const NoteCard = memo(function NoteCard({
  note,
  count,
  editable,
  actions,
  diagrams,
}: {
  note: BoardNote;
  /** Its votes once revealed, else null. */
  count: number | null;
  editable: boolean;
  actions: CardActions;
  diagrams: DiagramActions;
}) {
  const name = quoted(note.text);
  return (
    <li
      className="workshop__note"
      data-note={note.id}
      draggable={editable}
      onDragStart={(event) => event.dataTransfer.setData(NOTE_TYPE, note.id)}
    >
      <p className="workshop__note-text">{note.text}</p>
      {note.author && <p className="workshop__author">{note.author}</p>}
      <MoveMenu actions={actions} noteId={note.id} cluster={note.cluster} name={name} />
      <VoteControls actions={actions} target={note.id} name={name} count={count} />
      <IdeaControls actions={actions} from={note.id} name={name} ideaId={note.ideaId} />
      <DiagramControls actions={diagrams} from={note.id} name={name} outcomes={note} />
    </li>
  );
});
