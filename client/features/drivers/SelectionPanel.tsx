/**
 * The selected node's details: its label (a field bound to the shared text, so
 * two people typing merge), or for the aim the lab's SMART aim (`AimPanel.tsx`);
 * its change idea, the workshop board it came from, and its links with buttons to
 * change or remove each one. Enter or Escape in the label goes back to the diagram.
 */
import { useId } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { BoardOrigin } from '../../lib/BoardOrigin';
import { YTextField } from '../../lib/YTextField';
import { AimPanel } from './AimPanel';
import { displayLabel, edgeName, nodeById } from './diagram-text';
import { type DriverGraph, type DriverNode, nodeLabelText, TYPE_LABELS } from './driver-graph';
import { IdeaPicker } from './IdeaPicker';
import type { Layout } from './layout';
import { linksOf, otherEnd } from './navigation';
import type { AimDoc } from './use-aim-doc';
import type { DiagramEditor } from './use-diagram-editor';
import type { IdeaItems } from './use-idea-items';

export interface SelectionPanelProps {
  readonly doc: Y.Doc;
  readonly graph: DriverGraph;
  readonly layout: Layout;
  readonly ideas: IdeaItems;
  readonly editor: DiagramEditor;
  readonly awareness: Awareness | null;
  /** The problem statement's document, for editing the aim from the aim node. */
  readonly aimDoc: AimDoc;
}

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';

function NodeLinks(props: SelectionPanelProps & { node: DriverNode }) {
  const { graph, layout, ideas, editor, node } = props;
  const links = linksOf(graph, layout, node.id);
  if (links.length === 0) return <p className="nhsuk-body-s">No links yet.</p>;
  return (
    <ul className="driver-panel__links">
      {links.map((edge) => {
        const other = nodeById(graph, otherEnd(edge, node.id));
        const name = other ? `“${displayLabel(other, ideas.titles)}”` : 'a removed node';
        const how = edge.from === node.id ? `Drives ${name}` : `Driven by ${name}`;
        return (
          <li key={edge.id}>
            {how} ({edge.strength} link){' '}
            <button type="button" className={SMALL} onClick={() => editor.toggle(edge)}>
              Make {edge.strength === 'weak' ? 'strong' : 'weak'}
              <span className="nhsuk-u-visually-hidden">: link with {name}</span>
            </button>{' '}
            <button
              type="button"
              className={SMALL}
              onClick={() => editor.requestDelete({ kind: 'edge', id: edge.id, via: node.id })}
            >
              Remove<span className="nhsuk-u-visually-hidden"> link with {name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function NodePanel(props: SelectionPanelProps & { node: DriverNode }) {
  const { doc, node, editor, awareness, ideas } = props;
  const headingId = useId();
  const label = nodeLabelText(doc, node.id);
  return (
    <section className="driver-panel" aria-labelledby={headingId} data-testid="driver-panel">
      <h3 className="nhsuk-heading-xs" id={headingId}>
        Selected {TYPE_LABELS[node.type].toLowerCase()}
      </h3>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: keys bubble up from the label field. */}
      <div
        ref={editor.labelRef}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== 'Escape') return;
          event.preventDefault();
          editor.focusTarget({ kind: 'node', id: node.id });
        }}
      >
        {node.type === 'aim' && ideas.aim ? (
          <AimPanel aim={ideas.aim} aimDoc={props.aimDoc} announce={editor.announce} />
        ) : (
          label && (
            <YTextField
              key={node.id}
              text={label}
              fieldKey={`list.nodes.${node.id}.label`}
              label="Label"
              hint="Enter or Escape goes back to the diagram."
              awareness={awareness}
              editable
            />
          )
        )}
      </div>
      {node.type === 'idea' && (
        <IdeaPicker
          key={node.id}
          doc={doc}
          node={node}
          ideas={ideas}
          announce={editor.announce}
          onLinked={() => editor.focusTarget({ kind: 'node', id: node.id })}
        />
      )}
      <BoardOrigin doc={doc} listKey="nodes" rowId={node.id} />
      <h4 className="nhsuk-heading-xs">Links</h4>
      <NodeLinks {...props} />
    </section>
  );
}

export function SelectionPanel(props: SelectionPanelProps) {
  const { editor, graph, ideas } = props;
  const node = editor.selectedNode;
  const edge = editor.selectedEdge;
  if (node) return <NodePanel key={node.id} {...props} node={node} />;
  if (edge) {
    return (
      <section className="driver-panel" aria-label="Selected link" data-testid="driver-panel">
        <p className="nhsuk-body-s">Selected: {edgeName(graph, edge, ideas.titles)}.</p>
      </section>
    );
  }
  return <p className="nhsuk-body-s">Select a node to edit its label, change idea and links.</p>;
}
