// biome-ignore-all lint/a11y/useSemanticElements: SVG has no HTML buttons or table cells; ARIA roles give SVG groups their meaning.
/**
 * One node (a grid cell) and one link (a button) of the editable driver diagram,
 * each drawn again only when what it shows changed: its box, its words, its
 * selection, who else is on it. Every change to the document makes a new graph
 * and layout, but one node added to a 300-node diagram moves only its column's
 * boxes; without this, every change redrew every node and link in React and in
 * the page, which is what another person waited for.
 */
import { memo } from 'react';
import type { FieldVisitor } from '../../lib/field-presence';
import { EdgeLines, NodeBox } from './DiagramShapes';
import type { DriverNode, Strength } from './driver-graph';
import type { Box } from './layout';
import type { Target } from './navigation';
import { targetKey } from './use-diagram-editor';

/** The same functions for the diagram's whole life, so they never make a cell redraw. */
export interface CellHandlers {
  choose(target: Target): void;
  focusTarget(target: Target): void;
}

export interface NodeCellProps {
  readonly id: string;
  readonly type: DriverNode['type'];
  readonly box: Box;
  /** What a screen reader says: state, name, links, status and who else is here. */
  readonly name: string;
  readonly empty: boolean;
  readonly selected: boolean;
  readonly linking: boolean;
  readonly tabIndex: 0 | -1;
  readonly handlers: CellHandlers;
}

export interface EdgeCellProps {
  readonly id: string;
  readonly from: Box;
  readonly to: Box;
  readonly strength: Strength;
  readonly markers: string;
  readonly name: string;
  readonly hintId: string;
  /** The end the keyboard reached it from. */
  readonly via: string;
  readonly selected: boolean;
  readonly tabIndex: 0 | -1;
  readonly handlers: CellHandlers;
}

const sameBox = (a: Box, b: Box) =>
  a.x === b.x &&
  a.y === b.y &&
  a.width === b.width &&
  a.height === b.height &&
  a.column === b.column &&
  a.tag === b.tag &&
  a.lines.length === b.lines.length &&
  a.lines.every((line, i) => line === b.lines[i]);

/** Props equal field by field, boxes by value (they are new after every change). */
function sameProps<P extends object>(a: P, b: P): boolean {
  for (const key of Object.keys(a) as (keyof P)[]) {
    const [x, y] = [a[key], b[key]];
    if (x === y) continue;
    if (key === 'box' || key === 'from' || key === 'to') {
      if (!sameBox(x as Box, y as Box)) return false;
    } else return false;
  }
  return true;
}

export const EdgeCell = memo(function EdgeCell(props: EdgeCellProps) {
  const target: Target = { kind: 'edge', id: props.id, via: props.via };
  return (
    <g
      role="button"
      className="driver-edge"
      tabIndex={props.tabIndex}
      aria-label={props.name}
      aria-describedby={props.hintId}
      data-target={targetKey(target)}
      onClick={() => props.handlers.choose(target)}
      onFocus={() => props.handlers.focusTarget(target)}
    >
      <EdgeLines
        from={props.from}
        to={props.to}
        strength={props.strength}
        markers={props.markers}
        highlighted={props.selected}
      />
    </g>
  );
}, sameProps);

export const NodeCell = memo(function NodeCell(props: NodeCellProps) {
  const { box } = props;
  const target: Target = { kind: 'node', id: props.id };
  return (
    <g
      role="gridcell"
      className="driver-cell"
      aria-colindex={box.column + 1}
      aria-selected={props.selected}
      tabIndex={props.tabIndex}
      aria-label={props.name}
      data-target={targetKey(target)}
      onClick={() => props.handlers.choose(target)}
      onFocus={() => props.handlers.focusTarget(target)}
    >
      <NodeBox
        box={box}
        type={props.type}
        empty={props.empty}
        selected={props.selected}
        linking={props.linking}
        withTag={false}
      />
    </g>
  );
}, sameProps);

/**
 * Who else is on a node: a ring in their colour and their names above the box.
 * Drawn outside the grid (`DiagramCanvas.tsx`), as the node's name already says it
 * ("… here."): inside the cell, the visible names would not match its accessible name.
 */
export function VisitorMarks({ box, visitors }: { box: Box; visitors: readonly FieldVisitor[] }) {
  const first = visitors[0];
  if (!first) return null;
  const name = visitors.map((v) => v.name).join(', ');
  const width = Math.min(box.width, 12 + name.length * 7);
  return (
    <g className="driver-visitor">
      <rect
        x={box.x - 10}
        y={box.y - 10}
        width={box.width + 20}
        height={box.height + 20}
        rx={10}
        fill="none"
        stroke={first.color}
        strokeWidth={3}
      />
      <rect x={box.x - 10} y={box.y - 30} width={width} height={18} rx={3} fill={first.color} />
      <text x={box.x - 4} y={box.y - 17} className="driver-visitor__name">
        {name.length > 28 ? `${name.slice(0, 27)}…` : name}
      </text>
    </g>
  );
}
