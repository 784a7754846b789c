/** "Delete this and its links?" before anything is removed; focus comes here, Escape cancels. */
import { useId } from 'react';
import { displayLabel, edgeName, type IdeaTitles, nodeById } from './diagram-text';
import { type DriverGraph, TYPE_LABELS } from './driver-graph';
import type { Target } from './navigation';
import type { DiagramEditor } from './use-diagram-editor';

function question(graph: DriverGraph, target: Target, ideas: IdeaTitles): string {
  if (target.kind === 'edge') {
    const edge = graph.edges.find((e) => e.id === target.id);
    return edge ? `Remove the ${edgeName(graph, edge, ideas).toLowerCase()}?` : 'Remove this link?';
  }
  const node = nodeById(graph, target.id);
  if (!node) return 'Delete this node?';
  const links = graph.edges.filter((e) => e.from === node.id || e.to === node.id).length;
  const what = `${TYPE_LABELS[node.type].toLowerCase()} “${displayLabel(node, ideas)}”`;
  return links === 0
    ? `Delete the ${what}?`
    : `Delete the ${what} and its ${links} ${links === 1 ? 'link' : 'links'}?`;
}

export function DeleteConfirmation(props: {
  editor: DiagramEditor;
  graph: DriverGraph;
  ideas: IdeaTitles;
  target: Target;
}) {
  const { editor, graph, ideas, target } = props;
  const headingId = useId();
  return (
    <section
      ref={editor.confirmRef}
      className="driver-confirm"
      aria-labelledby={headingId}
      tabIndex={-1}
      data-testid="driver-delete-confirmation"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        editor.cancelDelete();
      }}
    >
      <h3 className="nhsuk-heading-xs" id={headingId}>
        {question(graph, target, ideas)}
      </h3>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--warning nhsuk-button--small"
        onClick={editor.confirmDelete}
      >
        {target.kind === 'edge' ? 'Yes, remove the link' : 'Yes, delete it'}
      </button>{' '}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={editor.cancelDelete}
      >
        No, keep it
      </button>
    </section>
  );
}
