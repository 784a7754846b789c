/**
 * A visible button for every keyboard command, acting on the selected node or
 * link: so the diagram works with a mouse, a switch or speech as well as keys.
 */
import { childType, type DriverGraph, TYPE_LABELS } from './driver-graph';
import type { DiagramEditor } from './use-diagram-editor';

const BUTTON = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

export function DiagramToolbar({ editor, graph }: { editor: DiagramEditor; graph: DriverGraph }) {
  const node = editor.selectedNode;
  const edge = editor.selectedEdge;
  const child = node ? childType(node.type) : null;
  const hasAim = graph.nodes.some((n) => n.type === 'aim');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form fields; this groups buttons.
    <div className="driver-toolbar" role="group" aria-label="Diagram actions">
      {!hasAim && (
        <button type="button" className={BUTTON} onClick={editor.addAim}>
          Add aim
        </button>
      )}
      <button
        type="button"
        className={BUTTON}
        disabled={!node || !child}
        onClick={() => node && editor.addChild(node)}
      >
        {child ? `Add ${TYPE_LABELS[child].toLowerCase()}` : 'Add linked node'}
      </button>
      <button type="button" className={BUTTON} disabled={!node} onClick={editor.editLabel}>
        Edit label
      </button>
      {editor.linkFrom ? (
        <button type="button" className={BUTTON} onClick={editor.cancelLink}>
          Cancel linking
        </button>
      ) : (
        <button
          type="button"
          className={BUTTON}
          disabled={!node}
          onClick={() => node && editor.startLink(node)}
        >
          Link to another node
        </button>
      )}
      <button
        type="button"
        className={BUTTON}
        disabled={!edge}
        onClick={() => edge && editor.toggle(edge)}
      >
        {edge?.strength === 'weak' ? 'Make link strong' : 'Make link weak'}
      </button>
      <button
        type="button"
        className={BUTTON}
        disabled={!editor.focus}
        onClick={() => editor.focus && editor.requestDelete(editor.focus)}
      >
        {edge ? 'Remove link' : 'Delete node'}
      </button>
      <button type="button" className={BUTTON} onClick={() => editor.setHelpOpen(true)}>
        Keyboard shortcuts
      </button>
    </div>
  );
}
