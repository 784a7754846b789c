/**
 * Which drivers a change idea feeds, read from a driver diagram: the diagram's
 * `idea` nodes that stand for this idea (`ideaId`), the links from them (a link
 * runs from the idea towards the aim; one drawn the other way round is read the
 * same), and the drivers named in the idea's own `drivers` list.
 */
import type { FieldValue } from '../../../shared/documents/item-doc';

type Row = Readonly<Record<string, FieldValue>>;

export interface DriverDiagramRows {
  readonly title: string;
  readonly nodes: readonly Row[];
  readonly edges: readonly Row[];
}

export interface DriverLink {
  readonly nodeId: string;
  readonly label: string;
  readonly type: string;
  /** Null when the driver is only named in the idea's own list. */
  readonly strength: 'strong' | 'weak' | null;
  readonly diagram: string;
  /** Labels of the drivers (or aim) this driver feeds in turn. */
  readonly feeds: readonly string[];
}

const str = (value: FieldValue | undefined): string => (typeof value === 'string' ? value : '');

function strength(value: FieldValue | undefined): 'strong' | 'weak' {
  return value === 'weak' ? 'weak' : 'strong';
}

export function linkedDrivers(
  diagram: DriverDiagramRows,
  ideaId: string,
  ownNodeIds: readonly string[],
): DriverLink[] {
  const nodes = new Map(diagram.nodes.map((node) => [str(node.id), node]));
  const ideaNodes = new Set(
    diagram.nodes
      .filter((node) => node.type === 'idea' && node.ideaId === ideaId)
      .map((node) => str(node.id)),
  );
  const found = new Map<string, 'strong' | 'weak' | null>();
  for (const edge of diagram.edges) {
    const [from, to] = [str(edge.from), str(edge.to)];
    const other = ideaNodes.has(from) ? to : ideaNodes.has(to) ? from : null;
    if (other === null || ideaNodes.has(other) || !nodes.has(other)) continue;
    // A driver linked twice keeps its strongest link.
    if (found.get(other) !== 'strong') found.set(other, strength(edge.strength));
  }
  for (const id of ownNodeIds) if (nodes.has(id) && !found.has(id)) found.set(id, null);
  return [...found].map(([nodeId, linkStrength]) => ({
    nodeId,
    label: str(nodes.get(nodeId)?.label) || 'Unnamed driver',
    type: str(nodes.get(nodeId)?.type),
    strength: linkStrength,
    diagram: diagram.title,
    // What a driver feeds is towards the aim: never back to an idea (a link drawn the wrong way).
    feeds: diagram.edges
      .filter((edge) => edge.from === nodeId)
      .map((edge) => nodes.get(str(edge.to)))
      .filter((node) => node !== undefined && node.type !== 'idea')
      .map((node) => str(node?.label))
      .filter((label) => label !== ''),
  }));
}
