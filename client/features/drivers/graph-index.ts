/**
 * A driver graph's nodes by id and its links by either end, built once per graph
 * read (a graph is a fresh value after every change, so a WeakMap keeps exactly
 * one index per graph). Naming every node of a 300-node diagram looked each end
 * up by scanning the lists, hundreds of thousands of steps on every change.
 */
import type { DriverEdge, DriverGraph, DriverNode } from './driver-graph';

export interface GraphIndex {
  readonly byId: ReadonlyMap<string, DriverNode>;
  /** The links a node drives along (it is their `from`). */
  readonly from: ReadonlyMap<string, readonly DriverEdge[]>;
  /** The links that drive a node (it is their `to`). */
  readonly to: ReadonlyMap<string, readonly DriverEdge[]>;
}

const indexes = new WeakMap<DriverGraph, GraphIndex>();
const NONE: readonly DriverEdge[] = [];

function group(edges: readonly DriverEdge[], end: 'from' | 'to'): Map<string, DriverEdge[]> {
  const map = new Map<string, DriverEdge[]>();
  for (const edge of edges) {
    const list = map.get(edge[end]);
    if (list) list.push(edge);
    else map.set(edge[end], [edge]);
  }
  return map;
}

export function graphIndex(graph: DriverGraph): GraphIndex {
  let index = indexes.get(graph);
  if (!index) {
    // The first node of an id wins, as the graph's readers always took it.
    const byId = new Map<string, DriverNode>();
    for (const node of graph.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
    index = { byId, from: group(graph.edges, 'from'), to: group(graph.edges, 'to') };
    indexes.set(graph, index);
  }
  return index;
}

export const edgesFrom = (graph: DriverGraph, id: string) => graphIndex(graph).from.get(id) ?? NONE;
export const edgesTo = (graph: DriverGraph, id: string) => graphIndex(graph).to.get(id) ?? NONE;
