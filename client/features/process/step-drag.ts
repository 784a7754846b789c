/**
 * Reordering the process map's steps by dragging a step's grip with the mouse
 * onto another step: it takes that step's place. The grip is for the mouse
 * only (hidden from assistive technology); the keyboard's way is each step's
 * "Move up" and "Move down", which say where the step went, as a drop does.
 */
import type { DragEvent } from 'react';
import type * as Y from 'yjs';
import type { ProcessStep } from '../../../shared/diagrams/process-map';
import { moveStepTo } from './process-edits';

const STEP_TYPE = 'application/x-process-step';

export interface StepDrag {
  /** Props for a step's grip, the part that is picked up. */
  grip(step: ProcessStep): {
    draggable: true;
    onDragStart(event: DragEvent): void;
  };
  /** Props for a step's row, where another step is dropped. */
  target(step: ProcessStep): {
    onDragOver(event: DragEvent): void;
    onDrop(event: DragEvent): void;
  };
}

export function stepDrag(
  doc: Y.Doc,
  steps: readonly ProcessStep[],
  moved: (step: ProcessStep, place: number) => void,
): StepDrag {
  return {
    grip: (step) => ({
      draggable: true,
      onDragStart: (event) => {
        event.dataTransfer.setData(STEP_TYPE, step.id);
        event.dataTransfer.effectAllowed = 'move';
      },
    }),
    target: (step) => ({
      onDragOver: (event) => {
        if (event.dataTransfer.types.includes(STEP_TYPE)) event.preventDefault();
      },
      onDrop: (event) => {
        const id = event.dataTransfer.getData(STEP_TYPE);
        const dragged = steps.find((each) => each.id === id);
        const place = steps.findIndex((each) => each.id === step.id);
        if (!dragged || place < 0) return;
        event.preventDefault();
        if (moveStepTo(doc, id, place)) moved(dragged, place + 1);
      },
    }),
  };
}
