import { describe, expect, it } from 'vitest';
import { displayLabel, nodeName, summary } from '../../client/features/drivers/diagram-text';
import type { DriverGraph, NodeType, Strength } from '../../client/features/drivers/driver-graph';
import { buildOutline, type OutlineEntry } from '../../client/features/drivers/outline-tree';

const node = (id: string, type: NodeType, ideaId: string | null = null) => ({
  id,
  type,
  label: id,
  ideaId,
});
const edge = (from: string, to: string, strength: Strength = 'strong') => ({
  id: `${from}>${to}`,
  from,
  to,
  strength,
});

/** Entries as indented text: "id [weak] +also" per line. */
function lines(entries: readonly OutlineEntry[], depth = 0): string[] {
  return entries.flatMap((e) => [
    `${'  '.repeat(depth)}${e.node.id}${e.strength === 'weak' ? ' weak' : ''}${
      e.alsoDrives.length ? ` +${e.alsoDrives.map((n) => n.id).join(',')}` : ''
    }`,
    ...lines(e.children, depth + 1),
  ]);
}

const graph: DriverGraph = {
  nodes: [
    node('aim', 'aim'),
    node('help', 'primary'),
    node('risk', 'primary'),
    node('bell', 'secondary'),
    node('plan', 'secondary'),
    node('card', 'idea', 'idea-card'),
    node('orphan', 'secondary'),
    node('round', 'idea'),
  ],
  edges: [
    edge('help', 'aim'),
    edge('risk', 'aim'),
    edge('bell', 'help'),
    edge('plan', 'risk'),
    edge('plan', 'help', 'weak'),
    edge('card', 'plan'),
    edge('card', 'risk', 'weak'), // skips a column
    edge('round', 'orphan'),
  ],
};

describe('driver diagram outline', () => {
  it('nests from the aim down, repeating many-to-many nodes with what else they drive', () => {
    const outline = buildOutline(graph);
    expect(lines(outline.aims)).toEqual([
      'aim',
      '  help',
      '    bell',
      '    plan weak +risk',
      '      card +risk',
      '  risk',
      '    plan +help',
      '      card +risk',
      '    card weak +plan',
    ]);
    expect(lines(outline.unlinked)).toEqual(['orphan', '  round']);
  });

  it('follows the drawn order when given one', () => {
    const outline = buildOutline(graph, ['aim', 'risk', 'help']);
    expect(outline.aims[0]?.children.map((e) => e.node.id)).toEqual(['risk', 'help']);
  });

  it('names nodes with what they drive, and sums the diagram up', () => {
    const titles = new Map([['idea-card', 'A patient-held mobility card']]);
    const card = graph.nodes.find((n) => n.id === 'card');
    if (!card) throw new Error('no card');
    expect(nodeName(graph, card, titles)).toBe(
      'Change idea: card. Drives “plan”, “risk” (weak link).',
    );
    expect(displayLabel({ ...card, label: ' ' }, titles)).toBe('A patient-held mobility card');
    expect(summary(graph)).toBe(
      '1 aim, 2 primary drivers, 3 secondary drivers, 2 change ideas, 8 links (2 weak)',
    );
  });
});
