/**
 * Moving a cause to another category: its "Move to category" menu (the
 * keyboard's way), or its grip dragged with the mouse onto a category. Either
 * moves the cause with everything under it, and says so in the live region.
 */
import type { DragEvent } from 'react';
import type { FishboneCause } from '../../../shared/diagrams/fishbone';
import { SelectField } from '../../lib/form-fields';

const CAUSE_TYPE = 'application/x-fishbone-cause';

export interface CauseMoves {
  /** The categories a cause can go under, in order. */
  readonly categories: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  move(causeId: string, categoryId: string): void;
}

/** Props for a category's section, where a dragged cause is dropped. */
export function causeDropTarget(moves: CauseMoves, categoryId: string) {
  return {
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes(CAUSE_TYPE)) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      const causeId = event.dataTransfer.getData(CAUSE_TYPE);
      if (!causeId) return;
      event.preventDefault();
      // A cause dropped on a cause inside the category still goes to the category.
      event.stopPropagation();
      moves.move(causeId, categoryId);
    },
  };
}

export function CauseMove({
  moves,
  cause,
  categoryId,
  underCause,
}: {
  moves: CauseMoves;
  cause: FishboneCause;
  /** The category it is directly under; null for a sub-cause or a cause under "Other causes". */
  categoryId: string | null;
  /** The label of the cause it is under, for a sub-cause. */
  underCause: string | null;
}) {
  const id = `move-cause-${cause.id}`;
  return (
    <div className="fishbone-editor__move">
      {/* For the mouse only: the menu beside it is the same move by keyboard. */}
      <span
        className="fishbone-editor__grip"
        aria-hidden="true"
        draggable
        onDragStart={(event) => {
          event.dataTransfer.setData(CAUSE_TYPE, cause.id);
          event.dataTransfer.effectAllowed = 'move';
        }}
      >
        Drag to a category
      </span>
      <SelectField
        id={id}
        label="Move to category"
        value={categoryId ?? ''}
        placeholder={underCause === null ? 'Not in a category' : `Under “${underCause}”`}
        choices={moves.categories.map((c) => ({
          value: c.id,
          label: c.label || '(no name yet)',
        }))}
        onChange={(chosen) => moves.move(cause.id, chosen)}
      />
    </div>
  );
}
