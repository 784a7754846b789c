/** The list of keyboard shortcuts, opened with ? or its button; Escape or Close shuts it. */
import { useId } from 'react';
import type { DiagramEditor } from './use-diagram-editor';

const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['Arrow keys', 'Move between nodes: left and right across columns, up and down within one'],
  ['Enter or F2', 'Edit the selected node’s label (Enter or Escape in the label goes back)'],
  ['A or Insert', 'Add a node in the next column, linked to the selected one'],
  [
    'Space',
    'Pick up the selected node to move it: go to the node it should drive (the column to its left) and press Space or Enter; Escape cancels. Dragging it there with the mouse does the same',
  ],
  ['L', 'Start linking: move to another node and press Enter; Escape cancels'],
  ['] and [', 'Go to the next or previous link of the selected node'],
  ['S', 'On a link: switch it between strong and weak'],
  ['Escape', 'On a link: go back to its node'],
  ['Delete or Backspace', 'Delete the selected node or link, after a confirmation'],
  ['Shift and arrow keys', 'Pan the view'],
  ['+ and −', 'Zoom in and out; 0 fits the whole diagram in view'],
  ['P', 'Present: the diagram alone, filling the screen (Escape leaves)'],
  ['M', 'Show or hide the minimap'],
  ['?', 'Show these shortcuts'],
];

export function ShortcutsHelp({ editor }: { editor: DiagramEditor }) {
  const headingId = useId();
  return (
    <section
      ref={editor.helpRef}
      className="driver-help"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        editor.setHelpOpen(false);
      }}
    >
      <h3 className="nhsuk-heading-xs" id={headingId}>
        Keyboard shortcuts
      </h3>
      <dl className="driver-help__list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>{keys}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={() => editor.setHelpOpen(false)}
      >
        Close keyboard shortcuts
      </button>
    </section>
  );
}
