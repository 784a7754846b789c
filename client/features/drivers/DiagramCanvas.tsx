// biome-ignore-all lint/a11y/useSemanticElements: SVG has no HTML buttons or table cells; ARIA roles give SVG groups their meaning.
/**
 * The editable driver diagram, drawn in SVG and worked by keyboard or mouse.
 *
 * Accessible pattern: the nodes form an ARIA grid (`role="grid"`). Its columns
 * are the diagram's columns (aim, primary, secondary, change ideas, named by
 * column headers) and row n holds the n-th node of each column, so a screen
 * reader says "Secondary drivers" and the node's place as focus moves. A grid
 * (rather than `role="application"`) keeps the usual reading commands; screen
 * readers switch to focus mode inside it, which lets the single-letter
 * shortcuts through. A tree would not fit: a driver may feed several others.
 * One roving tab stop (tabindex 0 on the selected node or link, -1 elsewhere)
 * keeps the whole diagram one Tab away from the toolbar. Links are focusable
 * buttons outside the grid, reached from a node with [ and ].
 */
import { useId, useMemo, useRef } from 'react';
import { type FieldVisitor, visitorsUnder } from '../../lib/field-presence';
import { sameControlIn, useKeepFocus } from '../../lib/use-keep-focus';
import { type CellHandlers, EdgeCell, NodeCell, VisitorMarks } from './DiagramCells';
import {
  ArrowMarkers,
  COLUMN_TITLES,
  columnX,
  LinkingTag,
  NodeTag,
  svgIdPrefix,
} from './DiagramShapes';
import { displayLabel, edgeName, type IdeaTitles, NO_LABEL, nodeName } from './diagram-text';
import type { DriverEdge, DriverGraph, DriverNode } from './driver-graph';
import { COLUMN_COUNT, type Layout } from './layout';
import type { Target } from './navigation';
import { useNodeDrag } from './use-node-drag';

export interface DiagramCanvasProps {
  /** The drawing's id, which the canvas frame's minimap shows. */
  readonly id: string;
  readonly graph: DriverGraph;
  readonly layout: Layout;
  readonly ideas: IdeaTitles;
  readonly focus: Target | null;
  readonly linkFrom: string | null;
  /** The node picked up to move (Space), drawn like the start of a link. */
  readonly moving: string | null;
  /** Where everyone else is: their selected node (or its label), by field key. */
  readonly visitors: ReadonlyMap<string, readonly FieldVisitor[]>;
  /** The id of the text that explains the keys. */
  readonly hintId: string;
  readonly svgRef: React.RefObject<SVGSVGElement | null>;
  onKeyDown(event: React.KeyboardEvent<SVGSVGElement>): void;
  onChoose(target: Target): void;
  onFocusTarget(target: Target): void;
  /** A node dragged with the mouse and dropped on another. */
  onDropNode(nodeId: string, targetId: string): void;
}

function tabStop(props: DiagramCanvasProps, target: Target): 0 | -1 {
  const { focus, layout } = props;
  if (focus) return focus.kind === target.kind && focus.id === target.id ? 0 : -1;
  const first = layout.columns.find((c) => c.length > 0)?.[0];
  return target.kind === 'node' && target.id === first ? 0 : -1;
}

type CellsProps = DiagramCanvasProps & {
  readonly handlers: CellHandlers;
  /** Who else is on each node that has anyone on it. */
  readonly here: ReadonlyMap<string, readonly FieldVisitor[]>;
};

function edgeCell(props: CellsProps, edge: DriverEdge, markers: string) {
  const { layout, graph, ideas, focus } = props;
  const from = layout.boxes.get(edge.from);
  const to = layout.boxes.get(edge.to);
  if (!from || !to) return null;
  const selected = focus?.kind === 'edge' && focus.id === edge.id;
  const via = selected ? focus.via : edge.from;
  return (
    <EdgeCell
      key={edge.id}
      id={edge.id}
      from={from}
      to={to}
      strength={edge.strength}
      markers={markers}
      name={edgeName(graph, edge, ideas)}
      hintId={props.hintId}
      via={via}
      selected={selected}
      tabIndex={tabStop(props, { kind: 'edge', id: edge.id, via })}
      handlers={props.handlers}
    />
  );
}

function nodeCell(props: CellsProps, node: DriverNode) {
  const { layout, graph, ideas, focus, linkFrom } = props;
  const box = layout.boxes.get(node.id);
  if (!box) return null;
  const selected = focus?.kind === 'node' && focus.id === node.id;
  const linking = linkFrom === node.id || props.moving === node.id;
  const state =
    props.moving === node.id ? 'Moving this node. ' : linking ? 'Linking from here. ' : '';
  const here = props.here.get(node.id) ?? [];
  const hereText = here.length ? ` ${here.map((v) => v.name).join(', ')} here.` : '';
  const tagText = box.tag ? ` ${box.tag}.` : '';
  return (
    <NodeCell
      key={node.id}
      id={node.id}
      type={node.type}
      box={box}
      name={`${state}${nodeName(graph, node, ideas)}${tagText}${hereText}`}
      empty={displayLabel(node, ideas) === NO_LABEL}
      selected={selected}
      linking={linking}
      tabIndex={tabStop(props, { kind: 'node', id: node.id })}
      handlers={props.handlers}
    />
  );
}

/** A node or link redrawn elsewhere in the grid: the element with the same target. */
const sameTarget = sameControlIn('data-target');

/** Who else is on each node (selecting it or typing in its label), for nodes with anyone. */
function visitorsByNode(
  graph: DriverGraph,
  byField: ReadonlyMap<string, readonly FieldVisitor[]>,
): Map<string, readonly FieldVisitor[]> {
  const here = new Map<string, readonly FieldVisitor[]>();
  if (byField.size === 0) return here;
  for (const node of graph.nodes) {
    const visitors = visitorsUnder(byField, nodeField(node.id));
    if (visitors.length > 0) here.set(node.id, visitors);
  }
  return here;
}

/** The field key of a node for presence: selecting it, or typing in its label (`….label`). */
export function nodeField(nodeId: string): string {
  return `list.nodes.${nodeId}`;
}

function GridRows(props: CellsProps) {
  const { layout, graph } = props;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rowCount = Math.max(0, ...layout.columns.map((c) => c.length));
  return Array.from({ length: rowCount }, (_, row) => (
    // Rows are places in the columns, not records: their index is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above.
    <g role="row" key={row} aria-rowindex={row + 2}>
      {Array.from({ length: COLUMN_COUNT }, (_, column) => {
        const id = layout.columns[column]?.[row];
        const node = id === undefined ? undefined : byId.get(id);
        return node ? (
          nodeCell(props, node)
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: an empty place in a column.
          <g role="gridcell" key={`empty-${column}`} aria-colindex={column + 1} />
        );
      })}
    </g>
  ));
}

export function DiagramCanvas(props: DiagramCanvasProps) {
  const { graph, layout, svgRef, hintId } = props;
  const prefix = svgIdPrefix(useId());
  const rowCount = Math.max(0, ...layout.columns.map((c) => c.length));
  const linkFromBox = props.linkFrom === null ? undefined : layout.boxes.get(props.linkFrom);
  useNodeDrag(svgRef, props.onDropNode);
  useKeepFocus(svgRef, sameTarget);
  // The cells call the newest handlers through one object that never changes.
  const latest = useRef(props);
  latest.current = props;
  const handlers = useMemo<CellHandlers>(
    () => ({
      choose: (target) => latest.current.onChoose(target),
      focusTarget: (target) => latest.current.onFocusTarget(target),
    }),
    [],
  );
  const here = useMemo(() => visitorsByNode(graph, props.visitors), [graph, props.visitors]);
  const cells: CellsProps = { ...props, handlers, here };
  return (
    <svg
      id={props.id}
      ref={svgRef}
      className="driver-svg driver-svg--editable"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      aria-labelledby={`${prefix}-title`}
      onKeyDown={props.onKeyDown}
    >
      <title id={`${prefix}-title`}>Driver diagram</title>
      <ArrowMarkers prefix={prefix} />
      <g className="driver-links">{graph.edges.map((edge) => edgeCell(cells, edge, prefix))}</g>
      <g
        role="grid"
        aria-label="Nodes by column"
        aria-describedby={hintId}
        aria-rowcount={rowCount + 1}
        aria-colcount={COLUMN_COUNT}
      >
        <g role="row" aria-rowindex={1}>
          {COLUMN_TITLES.map((title, column) => (
            <g role="columnheader" key={title} aria-colindex={column + 1}>
              <text className="driver-svg__heading" x={columnX(column)} y={26}>
                {title}
              </text>
            </g>
          ))}
        </g>
        <GridRows {...cells} />
      </g>
      {/* Status lines of change ideas and who else is on a node: said in each node's name, */}
      {/* so drawn outside the grid, and let clicks through to the nodes under them. */}
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group with no tabindex takes no focus. */}
      <g aria-hidden="true" pointerEvents="none">
        {graph.nodes.map((node) => {
          const box = layout.boxes.get(node.id);
          return box?.tag ? <NodeTag key={node.id} box={box} /> : null;
        })}
        {[...here].map(([nodeId, visitors]) => {
          const box = layout.boxes.get(nodeId);
          return box ? (
            <VisitorMarks key={`visitors-${nodeId}`} box={box} visitors={visitors} />
          ) : null;
        })}
      </g>
      {linkFromBox && <LinkingTag box={linkFromBox} />}
    </svg>
  );
}
