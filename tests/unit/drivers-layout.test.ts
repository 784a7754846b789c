import { describe, expect, it } from 'vitest';
import type { NodeType } from '../../client/features/drivers/driver-graph';
import {
  countCrossings,
  Geometry,
  type LayoutNode,
  layoutDiagram,
  orderColumns,
  wrapLabel,
} from '../../client/features/drivers/layout';
import { linksOf, moveFromNode, stepLink } from '../../client/features/drivers/navigation';

const node = (id: string, type: NodeType, label = id): LayoutNode => ({ id, type, label });
const edge = (from: string, to: string) => ({ from, to });

describe('driver diagram layout', () => {
  it('puts the aim, primary, secondary drivers and change ideas in columns left to right', () => {
    const nodes = [
      node('i', 'idea'),
      node('s', 'secondary'),
      node('p', 'primary'),
      node('a', 'aim'),
    ];
    const layout = layoutDiagram(nodes, [edge('p', 'a'), edge('s', 'p'), edge('i', 's')]);
    expect(layout.columns).toEqual([['a'], ['p'], ['s'], ['i']]);
    const xs = ['a', 'p', 's', 'i'].map((id) => layout.boxes.get(id)?.x ?? -1);
    expect(xs).toEqual([...xs].sort((x, y) => x - y));
    expect(new Set(xs).size).toBe(4);
    for (const box of layout.boxes.values()) {
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
      expect(box.y).toBeGreaterThanOrEqual(Geometry.headerHeight);
    }
  });

  it('reorders a column to remove the crossing of two links', () => {
    const nodes = [
      node('a', 'aim'),
      node('p1', 'primary'),
      node('p2', 'primary'),
      node('s1', 'secondary'),
      node('s2', 'secondary'),
      node('i1', 'idea'),
      node('i2', 'idea'),
    ];
    // Document order crosses once: s1 drives the lower primary, s2 the upper one.
    const edges = [
      edge('p1', 'a'),
      edge('p2', 'a'),
      edge('s1', 'p2'),
      edge('s2', 'p1'),
      edge('i1', 's1'),
      edge('i2', 's2'),
    ];
    const before = [['a'], ['p1', 'p2'], ['s1', 's2'], ['i1', 'i2']];
    expect(countCrossings(before, edges)).toBe(1);
    const after = orderColumns(nodes, edges);
    expect(countCrossings(after, edges)).toBe(0);
    expect(after.flat().sort()).toEqual(before.flat().sort());
  });

  it('reduces crossings on a many-to-many example and never makes them worse', () => {
    const nodes = [
      node('a', 'aim'),
      ...['p1', 'p2', 'p3'].map((id) => node(id, 'primary')),
      ...['s1', 's2', 's3', 's4'].map((id) => node(id, 'secondary')),
    ];
    const edges = [
      ...['p1', 'p2', 'p3'].map((p) => edge(p, 'a')),
      edge('s1', 'p3'),
      edge('s2', 'p1'),
      edge('s3', 'p3'),
      edge('s3', 'p2'),
      edge('s4', 'p1'),
    ];
    const start = [['a'], ['p1', 'p2', 'p3'], ['s1', 's2', 's3', 's4']];
    const initial = countCrossings(start, edges);
    const ordered = orderColumns(nodes, edges);
    expect(initial).toBeGreaterThan(0);
    expect(countCrossings(ordered, edges)).toBeLessThan(initial);
  });

  it('lays out a link that skips a column (change idea straight to a primary driver)', () => {
    const nodes = [
      node('a', 'aim'),
      node('p', 'primary'),
      node('s', 'secondary'),
      node('i', 'idea'),
    ];
    const edges = [edge('p', 'a'), edge('s', 'p'), edge('i', 'p')];
    const layout = layoutDiagram(nodes, edges);
    expect(layout.boxes.get('i')?.column).toBe(3);
    expect(countCrossings(layout.columns, edges)).toBe(0);
    // A skip-level link crossing a link between the columns it passes over counts, and goes.
    const crossingNodes = [
      node('p1', 'primary'),
      node('p2', 'primary'),
      node('s1', 'secondary'),
      node('s2', 'secondary'),
      node('i1', 'idea'),
    ];
    const crossingEdges = [edge('i1', 'p1'), edge('s1', 'p2')];
    expect(countCrossings([[], ['p1', 'p2'], ['s1', 's2'], ['i1']], crossingEdges)).toBe(1);
    expect(countCrossings(orderColumns(crossingNodes, crossingEdges), crossingEdges)).toBe(0);
  });

  it('wraps labels on word boundaries, cuts over-long words and makes boxes taller', () => {
    expect(wrapLabel('Toilet needs met before patients get up alone', 22)).toEqual([
      'Toilet needs met',
      'before patients get up',
      'alone',
    ]);
    expect(wrapLabel('', 22)).toEqual(['']);
    expect(wrapLabel('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const layout = layoutDiagram(
      [
        node('a', 'aim', 'Short'),
        node('p', 'primary', 'A much longer label that needs three lines'),
      ],
      [],
    );
    expect(layout.boxes.get('p')?.height ?? 0).toBeGreaterThan(layout.boxes.get('a')?.height ?? 0);
  });

  it('moves the keyboard within a column, across columns to the nearest node, and through links', () => {
    const nodes = [
      node('a', 'aim'),
      node('p1', 'primary'),
      node('p2', 'primary'),
      node('s', 'secondary'),
    ];
    const edges = [
      { id: 'e1', from: 'p1', to: 'a', strength: 'strong' as const },
      { id: 'e2', from: 'p2', to: 'a', strength: 'strong' as const },
      { id: 'e3', from: 's', to: 'p2', strength: 'weak' as const },
    ];
    const layout = layoutDiagram(nodes, edges);
    expect(moveFromNode(layout, 'p1', 'down')).toBe('p2');
    expect(moveFromNode(layout, 'p1', 'up')).toBeNull();
    expect(moveFromNode(layout, 's', 'left', new Set(['p2']))).toBe('p2');
    expect(moveFromNode(layout, 's', 'left')).toBe('p1');
    expect(moveFromNode(layout, 'p1', 'left')).toBe('a');
    expect(moveFromNode(layout, 's', 'right')).toBeNull();
    const graph = { nodes: nodes.map((n) => ({ ...n, ideaId: null })), edges };
    expect(linksOf(graph, layout, 'a').map((e) => e.id)).toEqual(['e1', 'e2']);
    const first = stepLink(graph, layout, { kind: 'node', id: 'a' }, 1);
    expect(first).toEqual({ kind: 'edge', id: 'e1', via: 'a' });
    expect(first && stepLink(graph, layout, first, 1)).toEqual({
      kind: 'edge',
      id: 'e2',
      via: 'a',
    });
  });
});
