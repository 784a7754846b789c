/**
 * A driver diagram's graph, read from and written to its Y.Doc (`list.nodes` and
 * `list.edges`, see `shared/documents/item-kinds.ts`). Every change that touches
 * more than one row (a node with its link, a node with its links) is one Yjs
 * transaction, so other people never see half of it. An edge's `from` and `to`
 * are Y.Text columns set once, when the edge is created: a link is never moved,
 * only removed and made again.
 */
import * as Y from 'yjs';
import { addRow, list } from '../../../shared/documents/item-doc';
import { DRIVER_TYPE_LABELS } from '../../../shared/documents/choice-labels';
import { DRIVER_NODE_TYPES, type LINK_STRENGTHS } from '../../../shared/documents/item-kinds';
import { readableRows } from '../../../shared/documents/item-shape';

export type NodeType = (typeof DRIVER_NODE_TYPES)[number];
export type Strength = (typeof LINK_STRENGTHS)[number];

export interface DriverNode {
  readonly id: string;
  readonly type: NodeType;
  readonly label: string;
  /** For a change idea: the id of the change-idea item it stands for. */
  readonly ideaId: string | null;
}

/** `from` is the more specific node, `to` the one it drives (secondary → primary). */
export interface DriverEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly strength: Strength;
}

export interface DriverGraph {
  readonly nodes: readonly DriverNode[];
  readonly edges: readonly DriverEdge[];
}

/** Columns from the aim (0) to the change ideas (3). */
export const COLUMN_OF: Readonly<Record<NodeType, number>> = {
  aim: 0,
  primary: 1,
  secondary: 2,
  idea: 3,
};

export const TYPE_LABELS = DRIVER_TYPE_LABELS as Readonly<Record<NodeType, string>>;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function newGraphId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

function isNodeType(value: unknown): value is NodeType {
  return DRIVER_NODE_TYPES.some((type) => type === value);
}

function textOf(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : '';
}

/**
 * The graph as plain values. Rows someone else wrote badly are skipped, and so are
 * links whose node is gone (a link made while someone else deleted its node) and
 * links within one column. Links always point towards the aim, so the graph has
 * no cycles.
 */
export function readGraph(doc: Y.Doc): DriverGraph {
  const nodes: DriverNode[] = [];
  // The first row of an id wins; a set, not a search of the nodes so far, as a
  // 300-node diagram is read again after every change.
  const seen = new Set<string>();
  for (const row of readableRows(doc, 'nodes')) {
    const id = row.get('id');
    const type = row.get('type');
    if (typeof id !== 'string' || !isNodeType(type) || seen.has(id)) continue;
    seen.add(id);
    const ideaId = row.get('ideaId');
    nodes.push({
      id,
      type,
      label: textOf(row.get('label')),
      ideaId: typeof ideaId === 'string' && type === 'idea' ? ideaId : null,
    });
  }
  const column = new Map(nodes.map((n) => [n.id, COLUMN_OF[n.type]]));
  const edges: DriverEdge[] = [];
  for (const row of readableRows(doc, 'edges')) {
    const id = row.get('id');
    let from = textOf(row.get('from'));
    let to = textOf(row.get('to'));
    const [a, b] = [column.get(from), column.get(to)];
    if (typeof id !== 'string' || a === undefined || b === undefined || a === b) continue;
    // A link stored the other way round still means the more specific node drives the other.
    if (a < b) [from, to] = [to, from];
    edges.push({ id, from, to, strength: row.get('strength') === 'weak' ? 'weak' : 'strong' });
  }
  return { nodes, edges };
}

function findRow(doc: Y.Doc, listKey: string, id: string): Y.Map<unknown> | null {
  for (const row of readableRows(doc, listKey)) if (row.get('id') === id) return row;
  return null;
}

/** The node's label, to bind to a text field. */
export function nodeLabelText(doc: Y.Doc, nodeId: string): Y.Text | null {
  const label = findRow(doc, 'nodes', nodeId)?.get('label');
  return label instanceof Y.Text ? label : null;
}

/** The type of node added under a node of `type`, or null for change ideas (the last column). */
export function childType(type: NodeType): NodeType | null {
  switch (type) {
    case 'aim':
      return 'primary';
    case 'primary':
      return 'secondary';
    case 'secondary':
      return 'idea';
    case 'idea':
      return null;
    default: {
      const unreachable: never = type;
      throw new Error(`unknown node type ${String(unreachable)}`);
    }
  }
}

export function addNode(doc: Y.Doc, type: NodeType, label = '', id = newGraphId()): string {
  addRow(doc, 'drivers', 'nodes', id, { type, label, ideaId: null });
  return id;
}

/** Adds a node in the next column linked (strongly) to `parentId`, in one transaction. */
export function addChild(
  doc: Y.Doc,
  parent: DriverNode,
  label = '',
): { nodeId: string; edgeId: string } | null {
  const type = childType(parent.type);
  if (!type) return null;
  const nodeId = newGraphId();
  const edgeId = newGraphId();
  doc.transact(() => {
    addNode(doc, type, label, nodeId);
    addRow(doc, 'drivers', 'edges', edgeId, { from: nodeId, to: parent.id, strength: 'strong' });
  });
  return { nodeId, edgeId };
}

export type LinkResult =
  | { readonly ok: true; readonly edgeId: string }
  | { readonly ok: false; readonly reason: 'same-column' | 'exists' };

/** Links two nodes of different columns, the more specific one driving the other. */
export function linkNodes(
  doc: Y.Doc,
  graph: DriverGraph,
  a: DriverNode,
  b: DriverNode,
  strength: Strength = 'strong',
): LinkResult {
  if (COLUMN_OF[a.type] === COLUMN_OF[b.type]) return { ok: false, reason: 'same-column' };
  const [from, to] = COLUMN_OF[a.type] > COLUMN_OF[b.type] ? [a, b] : [b, a];
  if (graph.edges.some((e) => e.from === from.id && e.to === to.id)) {
    return { ok: false, reason: 'exists' };
  }
  const edgeId = newGraphId();
  addRow(doc, 'drivers', 'edges', edgeId, { from: from.id, to: to.id, strength });
  return { ok: true, edgeId };
}

export type MoveResult =
  | { readonly ok: true; readonly replaced: number }
  | { readonly ok: false; readonly reason: 'not-next-column' | 'already-there' };

/**
 * Moves `node` under `parent` (a node one column nearer the aim): its links to
 * that column are replaced by one link to `parent`, keeping the strength of the
 * link it had there (strong for a node that had none), in one transaction. Its
 * links to other columns and to the nodes it is driven by stay.
 */
export function moveUnder(
  doc: Y.Doc,
  graph: DriverGraph,
  node: DriverNode,
  parent: DriverNode,
): MoveResult {
  if (COLUMN_OF[parent.type] !== COLUMN_OF[node.type] - 1) {
    return { ok: false, reason: 'not-next-column' };
  }
  const column = new Map(graph.nodes.map((n) => [n.id, COLUMN_OF[n.type]]));
  const old = graph.edges.filter(
    (e) => e.from === node.id && column.get(e.to) === COLUMN_OF[parent.type],
  );
  if (old.length === 1 && old[0]?.to === parent.id) return { ok: false, reason: 'already-there' };
  const strength = old.find((e) => e.to === parent.id)?.strength ?? old[0]?.strength ?? 'strong';
  const gone = new Set(old.map((e) => e.id));
  doc.transact(() => {
    deleteWhere(list(doc, 'edges'), (row) => gone.has(String(row.get('id'))));
    addRow(doc, 'drivers', 'edges', newGraphId(), { from: node.id, to: parent.id, strength });
  });
  return { ok: true, replaced: old.length };
}

/** Makes a strong link weak and a weak one strong; returns the new strength. */
export function toggleStrength(doc: Y.Doc, edgeId: string): Strength | null {
  const row = findRow(doc, 'edges', edgeId);
  if (!row) return null;
  const next: Strength = row.get('strength') === 'weak' ? 'strong' : 'weak';
  row.set('strength', next);
  return next;
}

function deleteWhere(rows: Y.Array<Y.Map<unknown>>, remove: (row: Y.Map<unknown>) => boolean) {
  let count = 0;
  // From the end, so that earlier indexes stay valid while deleting.
  for (let index = rows.length - 1; index >= 0; index -= 1) {
    const row: unknown = rows.get(index);
    if (row instanceof Y.Map && remove(row)) {
      rows.delete(index, 1);
      count += 1;
    }
  }
  return count;
}

/** Removes a node and every link to or from it, in one transaction; returns the links removed. */
export function deleteNode(doc: Y.Doc, nodeId: string): number {
  let removed = 0;
  doc.transact(() => {
    removed = deleteWhere(
      list(doc, 'edges'),
      (row) => textOf(row.get('from')) === nodeId || textOf(row.get('to')) === nodeId,
    );
    deleteWhere(list(doc, 'nodes'), (row) => row.get('id') === nodeId);
  });
  return removed;
}

export function deleteEdge(doc: Y.Doc, edgeId: string): void {
  deleteWhere(list(doc, 'edges'), (row) => row.get('id') === edgeId);
}

/**
 * Points a change-idea node at a change-idea item. An empty label takes the
 * item's title, so the diagram reads well without retyping it.
 */
export function setNodeIdea(doc: Y.Doc, nodeId: string, ideaId: string, title: string): void {
  if (!ID_PATTERN.test(ideaId)) throw new Error(`"${ideaId}" is not a change idea id`);
  const row = findRow(doc, 'nodes', nodeId);
  if (row?.get('type') !== 'idea') return;
  doc.transact(() => {
    row.set('ideaId', ideaId);
    const label = row.get('label');
    if (label instanceof Y.Text && label.length === 0) label.insert(0, title);
  });
}
