/**
 * A driver diagram read out of its document (nodes and links), and its outline:
 * aim → primary drivers → secondary drivers → change ideas, each link marked
 * strong or weak. Links are stored child → parent (`from` a driver `to` what it
 * drives). A node under two parents appears under both; a loop of links is cut
 * where it would repeat; nodes linked to nothing on the way to an aim are listed
 * at the end, so the outline never hides a node.
 */
import type { FieldValue } from '../../shared/documents/item-doc';
import { DRIVER_NODE_TYPES, LINK_STRENGTHS } from '../../shared/documents/item-kinds';

export type DriverNodeType = (typeof DRIVER_NODE_TYPES)[number];
export type LinkStrength = (typeof LINK_STRENGTHS)[number];

export interface DriverNode {
  readonly id: string;
  readonly type: DriverNodeType | null;
  readonly label: string;
  /** For change ideas: the idea item it stands for. */
  readonly ideaId: string | null;
}

export interface DriverEdge {
  readonly from: string;
  readonly to: string;
  readonly strength: LinkStrength | null;
}

export interface DriverDiagram {
  readonly nodes: readonly DriverNode[];
  readonly edges: readonly DriverEdge[];
}

export interface OutlineItem {
  readonly text: string;
  readonly children: readonly OutlineItem[];
  /** The node the entry stands for; absent for grouping entries. */
  readonly nodeId?: string;
}

export const NODE_TYPE_LABELS: Readonly<Record<DriverNodeType, string>> = {
  aim: 'Aim',
  primary: 'Primary driver',
  secondary: 'Secondary driver',
  idea: 'Change idea',
};

const asText = (value: FieldValue | undefined) => (typeof value === 'string' ? value : '');

function oneOf<T extends string>(options: readonly T[], value: FieldValue | undefined): T | null {
  return options.find((option) => option === value) ?? null;
}

/** The diagram from the rows of the document's `nodes` and `edges` lists. */
export function readDiagram(
  nodeRows: ReadonlyArray<Record<string, FieldValue>>,
  edgeRows: ReadonlyArray<Record<string, FieldValue>>,
): DriverDiagram {
  return {
    nodes: nodeRows.map((row) => ({
      id: asText(row.id),
      type: oneOf(DRIVER_NODE_TYPES, row.type),
      label: asText(row.label).trim(),
      ideaId: typeof row.ideaId === 'string' && row.ideaId !== '' ? row.ideaId : null,
    })),
    edges: edgeRows.map((row) => ({
      from: asText(row.from),
      to: asText(row.to),
      strength: oneOf(LINK_STRENGTHS, row.strength),
    })),
  };
}

export function nodeText(node: DriverNode): string {
  const label = node.label || '(no label)';
  return node.type ? `${NODE_TYPE_LABELS[node.type]}: ${label}` : label;
}

/** The top of the outline: aims, or (with no aim) nodes that drive nothing else. */
function roots(diagram: DriverDiagram): DriverNode[] {
  const aims = diagram.nodes.filter((node) => node.type === 'aim');
  if (aims.length > 0) return aims;
  const drivesSomething = new Set(diagram.edges.map((edge) => edge.from));
  return diagram.nodes.filter((node) => !drivesSomething.has(node.id));
}

export function driverOutline(diagram: DriverDiagram): OutlineItem[] {
  const byId = new Map(diagram.nodes.map((node) => [node.id, node]));
  const order = new Map(diagram.nodes.map((node, index) => [node.id, index]));
  const placed = new Set<string>();
  const childrenOf = (parentId: string, path: ReadonlySet<string>): OutlineItem[] =>
    diagram.edges
      .filter((edge) => edge.to === parentId && byId.has(edge.from) && !path.has(edge.from))
      .sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0))
      .map((edge) => {
        const child = byId.get(edge.from) as DriverNode;
        const strength = edge.strength ? ` (${edge.strength} link)` : '';
        return item(child, strength, new Set([...path, child.id]));
      });
  const item = (node: DriverNode, suffix: string, path: ReadonlySet<string>): OutlineItem => {
    placed.add(node.id);
    return {
      text: `${nodeText(node)}${suffix}`,
      children: childrenOf(node.id, path),
      nodeId: node.id,
    };
  };
  const outline = roots(diagram).map((node) => item(node, '', new Set([node.id])));
  const unplaced = diagram.nodes.filter((node) => !placed.has(node.id));
  if (unplaced.length > 0) {
    outline.push({
      text: 'Not linked to the aim',
      children: unplaced.map((node) => ({ text: nodeText(node), children: [], nodeId: node.id })),
    });
  }
  return outline;
}

/** The diagram's columns (aim, primary, secondary, idea, then untyped), nodes in outline order. */
export function diagramColumns(diagram: DriverDiagram): DriverNode[][] {
  const rank = new Map<string, number>();
  const walk = (items: readonly OutlineItem[]) => {
    for (const entry of items) {
      if (entry.nodeId !== undefined && !rank.has(entry.nodeId)) rank.set(entry.nodeId, rank.size);
      walk(entry.children);
    }
  };
  walk(driverOutline(diagram));
  const sorted = [...diagram.nodes].sort(
    (a, b) => (rank.get(a.id) ?? rank.size) - (rank.get(b.id) ?? rank.size),
  );
  const columns: DriverNode[][] = DRIVER_NODE_TYPES.map((type) =>
    sorted.filter((node) => node.type === type),
  );
  const untyped = sorted.filter((node) => node.type === null);
  return untyped.length > 0 ? [...columns, untyped] : columns;
}
