/**
 * A note on the board: its words, its author (unless anonymous), and a few buttons:
 * "Move…" (the board's one move dialog, `MoveDialog.tsx`), its votes while voting is
 * open, and "Use as…", which shows the change idea and diagram controls only when asked
 * for. What it became (an idea, a driver, a cause) is always linked. A board holds
 * hundreds of these, so each is kept light to draw and lay out. Memoised: the props are
 * the note's own row (kept as the same object while unchanged, `board-model.ts`), its
 * count and the board's stable actions, so a move elsewhere does not draw it again.
 * The idea and diagram controls (with their state and effects) exist on a card only
 * once it became something or "Use as…" was pressed: 200 cards mount 200 of each less.
 */
import { type DragEvent, memo, useState } from 'react';
import type { BoardNote } from '../../../shared/documents/workshop-board';
import { type CardActions, IdeaControls, VoteControls } from './BoardCard';
import { quoted } from './board-model';
import { type DiagramActions, DiagramControls } from './DiagramControls';
import { moveButtonId } from './MoveDialog';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

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
  // Null until "Use as…" is first pressed: until then the card has no idea or diagram
  // controls to keep, only the links to what it became. Once asked, they stay (with any
  // form left open) while "Use as…" is pressed again to hide the offers.
  const [using, setUsing] = useState<boolean | null>(null);
  const canUse =
    (actions.canMakeIdea && note.ideaId === null) ||
    (diagrams.canAddToDiagrams && (note.driver === null || note.cause === null));
  return (
    <li
      className="workshop__note"
      data-note={note.id}
      draggable={editable}
      onDragStart={(event) => event.dataTransfer.setData(NOTE_TYPE, note.id)}
    >
      <p className="workshop__note-text">{note.text}</p>
      {note.author && <p className="workshop__author">{note.author}</p>}
      <div className="workshop__card-actions">
        {actions.canMove && (
          <button
            type="button"
            id={moveButtonId(note.id)}
            className={SMALL}
            aria-haspopup="dialog"
            onClick={() => actions.openMove(note.id, name)}
          >
            Move…<span className="nhsuk-u-visually-hidden"> ({name})</span>
          </button>
        )}
        <VoteControls actions={actions} target={note.id} name={name} count={count} />
        {canUse && (
          <button
            type="button"
            className={SMALL}
            aria-expanded={using === true}
            onClick={() => setUsing(using !== true)}
          >
            Use as…<span className="nhsuk-u-visually-hidden"> ({name})</span>
          </button>
        )}
      </div>
      {(using !== null || note.ideaId !== null) && (
        <IdeaControls
          actions={actions}
          from={note.id}
          name={name}
          ideaId={note.ideaId}
          offer={using === true}
        />
      )}
      {(using !== null || note.driver !== null || note.cause !== null) && (
        <DiagramControls
          actions={diagrams}
          from={note.id}
          name={name}
          outcomes={note}
          offer={using === true}
        />
      )}
    </li>
  );
});
