/**
 * The aim node's panel when the lab has a problem statement: the lab's SMART
 * aim, edited here in the problem statement's own document (the problem page
 * shows each keystroke, and the other way round), or, for someone who may not
 * edit that item, a plain sentence saying so with a link to read it there.
 * Ctrl+Z in these fields undoes one's own changes to the aim, not the diagram's.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { AimStatement } from '../../lib/item-fields/AimStatement';
import { AimFields } from '../../lib/item-fields/ProblemInputs';
import { Link } from '../../lib/navigation';
import { structuredUndo, undoKey } from '../../lib/undo/structured-undo';
import type { AimDoc } from './use-aim-doc';
import type { LabAim } from './use-idea-items';

/** Undo and redo of this person's own changes to the aim, by the usual keys. */
function useAimUndo(doc: Y.Doc, announce: (message: string) => void) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  useEffect(() => {
    const made = structuredUndo(doc, 'problem');
    setManager(made);
    return () => made.destroy();
  }, [doc]);
  return {
    // Each field is a step of its own, as in the rest of the item's editors.
    onFocusCapture: () => manager?.stopCapturing(),
    onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
      const what = undoKey(event);
      if (!what || !manager) return;
      // The diagram's own undo around this panel would take back a diagram change instead.
      event.preventDefault();
      event.stopPropagation();
      const done = what === 'undo' ? manager.undo() : manager.redo();
      if (!done) announce(`Nothing of yours in the aim to ${what}.`);
      else
        announce(
          what === 'undo' ? 'Undid your last change to the aim.' : 'Redid your change to the aim.',
        );
    },
  };
}

function AimEditor(props: { doc: Y.Doc; announce: (message: string) => void }) {
  const undo = useAimUndo(props.doc, props.announce);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys reach here from the aim's fields inside.
    <div
      className="driver-aim__fields"
      onKeyDown={undo.onKeyDown}
      onFocusCapture={undo.onFocusCapture}
    >
      <AimStatement doc={props.doc} />
      <AimFields doc={props.doc} awareness={null} />
    </div>
  );
}

function OpenedAim({ aimDoc, announce }: { aimDoc: AimDoc; announce(message: string): void }) {
  switch (aimDoc.status) {
    case 'ready':
      return <AimEditor doc={aimDoc.doc} announce={announce} />;
    case 'opening':
    case 'closed':
      return (
        <p className="nhsuk-body-s" role="status">
          Opening the aim…
        </p>
      );
    case 'refused':
      return (
        <p className="nhsuk-error-message" role="alert">
          The aim could not be opened for you to change: the problem statement is no longer open to
          you for editing.
        </p>
      );
    default: {
      const unreachable: never = aimDoc;
      throw new Error(`unknown aim state ${String(unreachable)}`);
    }
  }
}

export function AimPanel(props: { aim: LabAim; aimDoc: AimDoc; announce(message: string): void }) {
  const { aim } = props;
  const ref = useRef<HTMLDivElement>(null);
  const ready = props.aimDoc.status === 'ready';
  useEffect(() => {
    // Asked to edit while the aim was still opening, focus waited on the link to the
    // problem statement; the first field takes it now that there is one.
    const root = ref.current;
    const active = document.activeElement;
    if (ready && root && active instanceof HTMLAnchorElement && root.contains(active))
      root.querySelector('input')?.focus();
  }, [ready]);
  const link = (
    <Link href={`/items/${encodeURIComponent(aim.problemId)}`}>problem statement and aim</Link>
  );
  if (!aim.editable) {
    return (
      <p className="nhsuk-body-s" data-testid="driver-lab-aim">
        The aim is written in the {link}. You can read it but not change it: the problem statement
        is read-only for you.
      </p>
    );
  }
  return (
    <div className="driver-aim" data-testid="driver-aim-editor" ref={ref}>
      <p className="nhsuk-body-s" data-testid="driver-lab-aim">
        The lab’s SMART aim, written once: a change here is a change in the {link}, and the other
        way round.
      </p>
      <p className="nhsuk-hint">
        Enter or Escape in a field goes back to the diagram; Ctrl+Z there undoes your own last
        change to the aim.
      </p>
      <OpenedAim aimDoc={props.aimDoc} announce={props.announce} />
    </div>
  );
}
