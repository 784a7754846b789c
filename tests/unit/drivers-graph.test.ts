import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addChild,
  addNode,
  deleteNode,
  linkNodes,
  moveUnder,
  readGraph,
  setNodeIdea,
  toggleStrength,
} from '../../client/features/drivers/driver-graph';
import { addRow, initItemDoc, readRows } from '../../shared/documents/item-doc';

function diagram() {
  const doc = new Y.Doc();
  initItemDoc(doc, 'drivers', 'Driver diagram');
  const aim = addNode(doc, 'aim', 'Reduce falls');
  return { doc, aim };
}

function nodeOf(doc: Y.Doc, id: string) {
  const found = readGraph(doc).nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

describe('driver diagram graph operations', () => {
  it('adds a child as a node and its link in one transaction', () => {
    const { doc, aim } = diagram();
    const parent = nodeOf(doc, aim);
    let transactions = 0;
    doc.on('afterTransaction', () => {
      transactions += 1;
    });
    const added = addChild(doc, parent, 'Patients can get help');
    expect(transactions).toBe(1);
    expect(added).not.toBeNull();
    const graph = readGraph(doc);
    expect(graph.nodes.find((n) => n.id === added?.nodeId)).toMatchObject({
      type: 'primary',
      label: 'Patients can get help',
      ideaId: null,
    });
    expect(graph.edges).toEqual([
      { id: added?.edgeId, from: added?.nodeId, to: aim, strength: 'strong' },
    ]);
    // Next columns: primary → secondary → change idea, and nothing below a change idea.
    const secondary = addChild(doc, nodeOf(doc, added?.nodeId ?? ''));
    expect(nodeOf(doc, secondary?.nodeId ?? '').type).toBe('secondary');
    const idea = addChild(doc, nodeOf(doc, secondary?.nodeId ?? ''));
    expect(nodeOf(doc, idea?.nodeId ?? '').type).toBe('idea');
    expect(addChild(doc, nodeOf(doc, idea?.nodeId ?? ''))).toBeNull();
  });

  it('reads a node id written twice (two people adding at once) as its first row only', () => {
    const { doc, aim } = diagram();
    addNode(doc, 'primary', 'First', 'twice');
    addNode(doc, 'secondary', 'Second', 'twice');
    const graph = readGraph(doc);
    expect(graph.nodes.map((n) => n.id)).toEqual([aim, 'twice']);
    expect(nodeOf(doc, 'twice')).toMatchObject({ type: 'primary', label: 'First' });
  });

  it('deletes a node with every link to or from it, in one transaction', () => {
    const { doc, aim } = diagram();
    const p1 = addChild(doc, nodeOf(doc, aim))?.nodeId ?? '';
    const p2 = addChild(doc, nodeOf(doc, aim))?.nodeId ?? '';
    const s = addChild(doc, nodeOf(doc, p1))?.nodeId ?? '';
    linkNodes(doc, readGraph(doc), nodeOf(doc, s), nodeOf(doc, p2));
    expect(readGraph(doc).edges).toHaveLength(4);
    let transactions = 0;
    doc.on('afterTransaction', () => {
      transactions += 1;
    });
    expect(deleteNode(doc, p1)).toBe(2);
    expect(transactions).toBe(1);
    const graph = readGraph(doc);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([aim, p2, s].sort());
    expect(graph.edges.map((e) => [e.from, e.to])).toEqual([
      [p2, aim],
      [s, p2],
    ]);
  });

  it('moves a node under another parent in one transaction, keeping its link’s strength', () => {
    const { doc, aim } = diagram();
    const safer = addChild(doc, nodeOf(doc, aim), 'Safer nights');
    const light = addChild(doc, nodeOf(doc, aim), 'Better lighting');
    if (!safer || !light) throw new Error('no primary drivers');
    const rounds = addChild(doc, nodeOf(doc, safer.nodeId), 'Night rounds');
    if (!rounds) throw new Error('no secondary driver');
    toggleStrength(doc, rounds.edgeId);
    const idea = addChild(doc, nodeOf(doc, rounds.nodeId), 'Hourly checks');
    let transactions = 0;
    doc.on('afterTransaction', () => {
      transactions += 1;
    });
    const graph = readGraph(doc);
    const moved = moveUnder(doc, graph, nodeOf(doc, rounds.nodeId), nodeOf(doc, light.nodeId));
    expect(moved).toEqual({ ok: true, replaced: 1 });
    expect(transactions).toBe(1);
    const after = readGraph(doc).edges;
    expect(after.filter((e) => e.from === rounds.nodeId)).toEqual([
      expect.objectContaining({ to: light.nodeId, strength: 'weak' }),
    ]);
    // What drives it comes along: its change idea still drives it.
    expect(after.some((e) => e.from === idea?.nodeId && e.to === rounds.nodeId)).toBe(true);
    // Only a node one column nearer the aim can be a new parent; the same one is no move.
    const now = readGraph(doc);
    expect(moveUnder(doc, now, nodeOf(doc, rounds.nodeId), nodeOf(doc, aim))).toEqual({
      ok: false,
      reason: 'not-next-column',
    });
    expect(moveUnder(doc, now, nodeOf(doc, rounds.nodeId), nodeOf(doc, light.nodeId))).toEqual({
      ok: false,
      reason: 'already-there',
    });
    expect(transactions).toBe(1);
  });

  it('toggles a link between strong and weak', () => {
    const { doc, aim } = diagram();
    const added = addChild(doc, nodeOf(doc, aim));
    const edgeId = added?.edgeId ?? '';
    expect(toggleStrength(doc, edgeId)).toBe('weak');
    expect(readGraph(doc).edges[0]?.strength).toBe('weak');
    expect(toggleStrength(doc, edgeId)).toBe('strong');
    expect(readGraph(doc).edges[0]?.strength).toBe('strong');
    expect(toggleStrength(doc, 'nope')).toBeNull();
  });

  it('links from the more specific node, refusing same-column and duplicate links', () => {
    const { doc, aim } = diagram();
    const p1 = addChild(doc, nodeOf(doc, aim))?.nodeId ?? '';
    const p2 = addChild(doc, nodeOf(doc, aim))?.nodeId ?? '';
    const idea = addNode(doc, 'idea', 'Rounding');
    // Picked primary first, change idea second: stored idea → primary (skipping a column).
    const result = linkNodes(doc, readGraph(doc), nodeOf(doc, p1), nodeOf(doc, idea), 'weak');
    expect(result.ok).toBe(true);
    expect(readGraph(doc).edges.at(-1)).toMatchObject({ from: idea, to: p1, strength: 'weak' });
    expect(linkNodes(doc, readGraph(doc), nodeOf(doc, idea), nodeOf(doc, p1))).toEqual({
      ok: false,
      reason: 'exists',
    });
    expect(linkNodes(doc, readGraph(doc), nodeOf(doc, p1), nodeOf(doc, p2))).toEqual({
      ok: false,
      reason: 'same-column',
    });
  });

  it('sets a change idea on an idea node, filling an empty label with its title', () => {
    const { doc } = diagram();
    const empty = addNode(doc, 'idea');
    const named = addNode(doc, 'idea', 'Night rounds');
    setNodeIdea(doc, empty, 'idea-1', 'Intentional rounding at night');
    setNodeIdea(doc, named, 'idea-2', 'Something else');
    expect(nodeOf(doc, empty)).toMatchObject({
      ideaId: 'idea-1',
      label: 'Intentional rounding at night',
    });
    expect(nodeOf(doc, named)).toMatchObject({ ideaId: 'idea-2', label: 'Night rounds' });
    expect(() => setNodeIdea(doc, empty, 'bad id!', 'x')).toThrow();
  });

  it('reads past bad rows and links whose node is gone', () => {
    const { doc, aim } = diagram();
    addRow(doc, 'drivers', 'edges', 'dangling', { from: 'gone', to: aim, strength: 'strong' });
    expect(readRows(doc, 'edges')).toHaveLength(1);
    expect(readGraph(doc).edges).toEqual([]);
  });
});
