/**
 * The editable driver diagram: toolbar, keyboard hint, status messages (a live
 * region, so what a key did is heard), the drawing, the selected node's panel
 * and the outline.
 */
import { useId, useMemo } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CanvasFrame } from '../../lib/canvas/CanvasFrame';
import { setActiveField, useVisitorsByField } from '../../lib/field-presence';
import { DeleteConfirmation } from './DeleteConfirmation';
import { DiagramCanvas, nodeField } from './DiagramCanvas';
import { svgIdPrefix } from './DiagramShapes';
import { DiagramToolbar } from './DiagramToolbar';
import { DriverOutline } from './DriverOutline';
import type { DriverGraph } from './driver-graph';
import type { Layout } from './layout';
import { SelectionPanel } from './SelectionPanel';
import { ShortcutsHelp } from './ShortcutsHelp';
import type { AimDoc } from './use-aim-doc';
import { useDiagramEditor } from './use-diagram-editor';
import { handleDiagramKey } from './use-diagram-keys';
import type { IdeaItems } from './use-idea-items';

export interface DiagramEditorProps {
  readonly doc: Y.Doc;
  readonly graph: DriverGraph;
  readonly layout: Layout;
  readonly ideas: IdeaItems;
  readonly awareness: Awareness | null;
  readonly aimDoc: AimDoc;
}

export function DiagramEditor(props: DiagramEditorProps) {
  const { doc, graph, layout, ideas } = props;
  const labAim = ideas.aim ? (ideas.aim.editable ? 'editable' : 'read-only') : null;
  const editor = useDiagramEditor(doc, graph, layout, ideas.titles, labAim);
  const visitors = useVisitorsByField(props.awareness);
  const hintId = useId();
  const drawingId = `${svgIdPrefix(useId())}-drawing`;
  // A new list only when the layout changes, so the minimap draws it once per change.
  const overview = useMemo(() => [...layout.boxes.values()], [layout]);
  return (
    <div className="driver-diagram">
      <DiagramToolbar editor={editor} graph={graph} />
      <p className="nhsuk-hint driver-diagram__hint" id={hintId}>
        Arrow keys move between nodes. Enter edits a label, A adds a linked node, L links two nodes,
        Space picks a node up to move it under another, ] and [ go through a node’s links, S makes a
        link weak or strong, Delete removes, and ? lists every shortcut. Shift and the arrows pan, +
        and − zoom, 0 fits, P presents.
      </p>
      <p className="driver-status" role="status" data-testid="driver-status">
        {editor.message}
      </p>
      {editor.confirming && (
        <DeleteConfirmation
          editor={editor}
          graph={graph}
          ideas={ideas.titles}
          target={editor.confirming}
        />
      )}
      {editor.helpOpen && <ShortcutsHelp editor={editor} />}
      <CanvasFrame
        label="Driver diagram"
        content={layout}
        drawingId={drawingId}
        overview={overview}
      >
        <DiagramCanvas
          id={drawingId}
          graph={graph}
          layout={layout}
          ideas={ideas.titles}
          focus={editor.focus}
          linkFrom={editor.linkFrom?.id ?? null}
          moving={editor.moving?.id ?? null}
          hintId={hintId}
          svgRef={editor.svgRef}
          onKeyDown={(event) => handleDiagramKey({ graph, layout, editor }, event)}
          onChoose={editor.choose}
          onDropNode={(nodeId, targetId) => {
            const node = graph.nodes.find((n) => n.id === nodeId);
            const parent = graph.nodes.find((n) => n.id === targetId);
            if (node && parent) editor.moveNode(node, parent);
          }}
          onFocusTarget={(target) => {
            editor.noteFocus(target);
            if (props.awareness)
              setActiveField(props.awareness, target.kind === 'node' ? nodeField(target.id) : null);
          }}
          visitors={visitors}
        />
      </CanvasFrame>
      {graph.nodes.length === 0 && (
        <p className="nhsuk-body-s">Start with the aim: choose “Add aim” above.</p>
      )}
      <SelectionPanel {...props} editor={editor} />
      <DriverOutline graph={graph} columns={layout.columns} ideas={ideas.titles} />
    </div>
  );
}
