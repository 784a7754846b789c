/**
 * Wraps an item's editor with undo and redo of the person's own structured
 * edits: two buttons, and Ctrl/⌘+Z, Ctrl/⌘+Shift+Z (or Ctrl+Y) anywhere inside,
 * except in rich text, whose editor keeps its own history. In a text field the
 * keys undo through the document rather than the browser's own history, which
 * knows nothing of the shared text and would take out the wrong characters.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { ItemKind } from '../../../shared/schemas/records';
import { structuredUndo, undoKey } from './structured-undo';

const BUTTON = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

/** The person's undo history for this document, made and destroyed with the view. */
function useUndoManager(doc: Y.Doc, kind: ItemKind) {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [state, setState] = useState({ undo: false, redo: false });
  useEffect(() => {
    const manager = structuredUndo(doc, kind);
    setManager(manager);
    const update = () => setState({ undo: manager.canUndo(), redo: manager.canRedo() });
    manager.on('stack-item-added', update);
    manager.on('stack-item-popped', update);
    manager.on('stack-cleared', update);
    return () => {
      manager.off('stack-item-added', update);
      manager.off('stack-item-popped', update);
      manager.off('stack-cleared', update);
      manager.destroy();
    };
  }, [doc, kind]);
  return { manager, can: state };
}

function isTextEntry(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')
  );
}

function inRichText(target: EventTarget): boolean {
  return target instanceof HTMLElement && target.closest('[contenteditable="true"]') !== null;
}

export function UndoScope({
  doc,
  kind,
  children,
}: {
  doc: Y.Doc;
  kind: ItemKind;
  children: ReactNode;
}) {
  const { manager, can } = useUndoManager(doc, kind);
  const [message, setMessage] = useState('');
  const run = (what: 'undo' | 'redo') => {
    if (!manager) return;
    const done = what === 'undo' ? manager.undo() : manager.redo();
    setMessage(
      done
        ? what === 'undo'
          ? 'Undid your last change.'
          : 'Redid your change.'
        : `Nothing of yours to ${what}.`,
    );
  };
  // One step per thing done: typing in one field is one step, and moving to another
  // field, pressing a button or a diagram's key starts the next, however quick.
  const boundary = () => manager?.stopCapturing();
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!isTextEntry(event.target) && !undoKey(event)) boundary();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const what = undoKey(event);
    if (!what || inRichText(event.target)) return;
    event.preventDefault();
    run(what);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the keys reach here from the fields and diagrams inside, which are interactive.
    <div
      className="undo-scope"
      onKeyDown={onKeyDown}
      onKeyDownCapture={onKeyDownCapture}
      onClickCapture={boundary}
      onFocusCapture={boundary}
    >
      {/* aria-disabled, not disabled: a button that disabled itself under the keyboard would
          drop the focus out of the scope, and Ctrl+Z after the last Redo would do nothing. */}
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form fields; this groups buttons. */}
      <div className="undo-scope__buttons" role="group" aria-label="Your changes">
        <button
          type="button"
          className={BUTTON}
          aria-disabled={!can.undo}
          onClick={() => run('undo')}
        >
          Undo
        </button>
        <button
          type="button"
          className={BUTTON}
          aria-disabled={!can.redo}
          onClick={() => run('redo')}
        >
          Redo
        </button>
        <span className="nhsuk-u-visually-hidden" role="status">
          {message}
        </span>
      </div>
      {children}
    </div>
  );
}
