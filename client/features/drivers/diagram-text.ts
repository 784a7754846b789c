/**
 * The words of a driver diagram: what a node is called on screen (an idea node
 * without its own label borrows its change idea's title), and the names screen
 * readers hear for nodes and links, so that nothing is conveyed by drawing alone.
 */
import { PICK_LABELS } from '../../../shared/documents/pick-quadrant';
import { type DriverEdge, type DriverGraph, type DriverNode, TYPE_LABELS } from './driver-graph';
import { edgesFrom, edgesTo, graphIndex } from './graph-index';
import type { IdeaFacts } from './use-idea-items';

export type IdeaTitles = ReadonlyMap<string, string>;

export const NO_LABEL = '(no label yet)';

export function displayLabel(node: DriverNode, ideas: IdeaTitles): string {
  const label = node.label.trim();
  if (label) return label;
  const title = node.ideaId ? ideas.get(node.ideaId) : undefined;
  return title ?? NO_LABEL;
}

export function nodeById(graph: DriverGraph, id: string): DriverNode | undefined {
  return graphIndex(graph).byId.get(id);
}

function quoted(graph: DriverGraph, id: string, ideas: IdeaTitles): string {
  const node = nodeById(graph, id);
  return `“${node ? displayLabel(node, ideas) : 'removed node'}”`;
}

/** "Weak link: “A” drives “B”". */
export function edgeName(graph: DriverGraph, edge: DriverEdge, ideas: IdeaTitles): string {
  const strength = edge.strength === 'weak' ? 'Weak' : 'Strong';
  return `${strength} link: ${quoted(graph, edge.from, ideas)} drives ${quoted(graph, edge.to, ideas)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A node's name with what it drives and how many things drive it. */
export function nodeName(graph: DriverGraph, node: DriverNode, ideas: IdeaTitles): string {
  const drives = edgesFrom(graph, node.id).map(
    (e) => `${quoted(graph, e.to, ideas)}${e.strength === 'weak' ? ' (weak link)' : ''}`,
  );
  const drivenBy = edgesTo(graph, node.id).length;
  const parts = [`${TYPE_LABELS[node.type]}: ${displayLabel(node, ideas)}.`];
  if (drives.length > 0) parts.push(`Drives ${drives.join(', ')}.`);
  if (node.type !== 'idea') parts.push(`Driven by ${plural(drivenBy, 'node', 'nodes')}.`);
  return parts.join(' ');
}

/** One sentence that sums up the diagram, for the image's description. */
export function summary(graph: DriverGraph): string {
  const count = (type: DriverNode['type']) => graph.nodes.filter((n) => n.type === type).length;
  const weak = graph.edges.filter((e) => e.strength === 'weak').length;
  if (graph.nodes.length === 0) return 'The driver diagram is empty.';
  return [
    plural(count('aim'), 'aim', 'aims'),
    plural(count('primary'), 'primary driver', 'primary drivers'),
    plural(count('secondary'), 'secondary driver', 'secondary drivers'),
    plural(count('idea'), 'change idea', 'change ideas'),
    `${plural(graph.edges.length, 'link', 'links')} (${weak} weak)`,
  ].join(', ');
}

/** A change idea's status and PICK box, as the line under its node: "Testing · Implement". */
export function ideaTag(
  node: DriverNode,
  facts: ReadonlyMap<string, IdeaFacts>,
): string | undefined {
  const found = node.ideaId ? facts.get(node.ideaId) : undefined;
  if (!found) return undefined;
  const status = found.status.charAt(0).toUpperCase() + found.status.slice(1);
  return found.pick ? `${status} · ${PICK_LABELS[found.pick]}` : status;
}

/**
 * The graph with the lab's SMART aim on its aim node: the problem statement is
 * where the aim is written, so the diagram shows that, and the node's own label
 * only while the lab has no aim written.
 */
export function withLabAim(graph: DriverGraph, sentence: string | null): DriverGraph {
  if (!sentence) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.type === 'aim' ? { ...n, label: sentence } : n)),
  };
}
