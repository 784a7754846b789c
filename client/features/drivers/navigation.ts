/**
 * Where the keyboard goes next in a drawn driver diagram. Up and down move within
 * a column; left and right move to the nearest node (by height) in the next
 * column that has any. `[` and `]` step through the links of a node; on a link,
 * left and right go to the node at that end.
 */
import type { DriverEdge, DriverGraph } from './driver-graph';
import type { Layout } from './layout';

/** What has the keyboard focus: a node, or a link reached from one of its ends (`via`). */
export type Target =
  | { readonly kind: 'node'; readonly id: string }
  | { readonly kind: 'edge'; readonly id: string; readonly via: string };

export type Direction = 'up' | 'down' | 'left' | 'right';

function centreY(layout: Layout, id: string): number {
  const box = layout.boxes.get(id);
  return box ? box.y + box.height / 2 : 0;
}

/** The node in `ids` drawn nearest in height to `y`. */
function nearest(layout: Layout, ids: readonly string[], y: number): string | null {
  let best: string | null = null;
  for (const id of ids) {
    if (best === null || Math.abs(centreY(layout, id) - y) < Math.abs(centreY(layout, best) - y))
      best = id;
  }
  return best;
}

/**
 * The node reached from node `id` by an arrow key, or null at the edge of the
 * diagram. Across columns, a node linked to this one wins over a nearer stranger:
 * moving left from a secondary driver lands on a primary driver it drives.
 */
export function moveFromNode(
  layout: Layout,
  id: string,
  direction: Direction,
  linked: ReadonlySet<string> = new Set(),
): string | null {
  const box = layout.boxes.get(id);
  if (!box) return layout.columns.find((c) => c.length > 0)?.[0] ?? null;
  const column = layout.columns[box.column] ?? [];
  if (direction === 'up') return column[box.row - 1] ?? null;
  if (direction === 'down') return column[box.row + 1] ?? null;
  const step = direction === 'left' ? -1 : 1;
  for (let c = box.column + step; c >= 0 && c < layout.columns.length; c += step) {
    const ids = layout.columns[c] ?? [];
    if (ids.length === 0) continue;
    const y = centreY(layout, id);
    return (
      nearest(
        layout,
        ids.filter((other) => linked.has(other)),
        y,
      ) ?? nearest(layout, ids, y)
    );
  }
  return null;
}

/**
 * Where the keyboard goes once node `id` is gone (deleted here or elsewhere): a
 * neighbour in `layout`, the drawing it was in, looking up, down, left, then right,
 * that `keep` accepts (one still in the diagram).
 */
export function neighbourNode(
  layout: Layout,
  id: string,
  keep: (nodeId: string) => boolean = () => true,
): string | null {
  for (const direction of ['up', 'down', 'left', 'right'] as const) {
    const next = moveFromNode(layout, id, direction);
    if (next && next !== id && keep(next)) return next;
  }
  return null;
}

export function otherEnd(edge: DriverEdge, nodeId: string): string {
  return edge.from === nodeId ? edge.to : edge.from;
}

/** A node's links, ordered by where their other end is drawn (left to right, top to bottom). */
export function linksOf(graph: DriverGraph, layout: Layout, nodeId: string): DriverEdge[] {
  const place = (id: string) => {
    const box = layout.boxes.get(id);
    return box ? box.column * 10_000 + box.row : 0;
  };
  return graph.edges
    .filter((e) => e.from === nodeId || e.to === nodeId)
    .sort((a, b) => place(otherEnd(a, nodeId)) - place(otherEnd(b, nodeId)));
}

/** The next (`step` 1) or previous (-1) link of the node the target is on or came from. */
export function stepLink(
  graph: DriverGraph,
  layout: Layout,
  target: Target,
  step: 1 | -1,
): Target | null {
  const anchor = target.kind === 'node' ? target.id : target.via;
  const links = linksOf(graph, layout, anchor);
  if (links.length === 0) return null;
  const index = target.kind === 'edge' ? links.findIndex((e) => e.id === target.id) : -1;
  const next = index === -1 ? (step === 1 ? 0 : links.length - 1) : index + step;
  const edge = links[(next + links.length) % links.length];
  return edge ? { kind: 'edge', id: edge.id, via: anchor } : null;
}

/** From a link: left or right goes to the end drawn on that side; up and down to sibling links. */
export function moveFromEdge(
  graph: DriverGraph,
  layout: Layout,
  target: Extract<Target, { kind: 'edge' }>,
  direction: Direction,
): Target | null {
  if (direction === 'up') return stepLink(graph, layout, target, -1);
  if (direction === 'down') return stepLink(graph, layout, target, 1);
  const edge = graph.edges.find((e) => e.id === target.id);
  if (!edge) return null;
  // `to` is the less specific end, so it is drawn in a column further left.
  return { kind: 'node', id: direction === 'left' ? edge.to : edge.from };
}

/** The target still exists in the graph (someone else may have deleted it). */
export function targetExists(graph: DriverGraph, target: Target | null): boolean {
  if (!target) return false;
  if (target.kind === 'node') return graph.nodes.some((n) => n.id === target.id);
  return graph.edges.some((e) => e.id === target.id);
}
