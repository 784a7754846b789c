/**
 * The driver diagram as nested lists: each aim, then what drives it, then what
 * drives that, down to the change ideas. A node that drives several others is
 * listed under each, saying what else it drives; nodes not yet linked towards
 * an aim are listed apart so nothing is hidden from the outline.
 */
import type { DriverGraph, DriverNode, Strength } from './driver-graph';
import { edgesFrom, edgesTo, graphIndex } from './graph-index';

export interface OutlineEntry {
  readonly node: DriverNode;
  /** Strength of the link to the parent entry; null at the top. */
  readonly strength: Strength | null;
  /** The other nodes this one drives (besides the parent). */
  readonly alsoDrives: readonly DriverNode[];
  readonly children: readonly OutlineEntry[];
}

export interface Outline {
  readonly aims: readonly OutlineEntry[];
  /** Nodes that drive nothing and are not an aim, with what drives them. */
  readonly unlinked: readonly OutlineEntry[];
}

function entry(
  graph: DriverGraph,
  order: ReadonlyMap<string, number>,
  node: DriverNode,
  parent: string | null,
  strength: Strength | null,
  path: ReadonlySet<string>,
): OutlineEntry {
  const { byId } = graphIndex(graph);
  const alsoDrives = edgesFrom(graph, node.id)
    .filter((e) => e.to !== parent)
    .map((e) => byId.get(e.to))
    .filter((n): n is DriverNode => n !== undefined);
  const inPath = new Set(path).add(node.id);
  const children = edgesTo(graph, node.id)
    .filter((e) => !inPath.has(e.from))
    .sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0))
    .flatMap((e) => {
      const child = byId.get(e.from);
      return child ? [entry(graph, order, child, node.id, e.strength, inPath)] : [];
    });
  return { node, strength, alsoDrives, children };
}

/** `order` places nodes as drawn (column by column, top to bottom); others keep document order. */
export function buildOutline(graph: DriverGraph, order: readonly string[] = []): Outline {
  const place = new Map(order.map((id, index) => [id, index]));
  const sorted = [...graph.nodes].sort(
    (a, b) => (place.get(a.id) ?? Infinity) - (place.get(b.id) ?? Infinity),
  );
  const top = (node: DriverNode) => entry(graph, place, node, null, null, new Set());
  const drivesSomething = new Set(graph.edges.map((e) => e.from));
  return {
    aims: sorted.filter((n) => n.type === 'aim').map(top),
    unlinked: sorted.filter((n) => n.type !== 'aim' && !drivesSomething.has(n.id)).map(top),
  };
}
