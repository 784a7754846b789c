/**
 * The diagram's keyboard: arrows move between nodes (and along links), Enter
 * edits a label or ends link mode, A or Insert adds a node in the next column,
 * L starts link mode, Space picks a node up to move it under another (Space or Enter there drops it), S switches a link between strong and weak, Delete removes
 * after a confirmation, [ and ] step through a node's links, ? lists all this.
 * Keys with Ctrl, Alt or Meta are left to the browser and assistive technology.
 */
import type { KeyboardEvent } from 'react';
import type { DriverGraph } from './driver-graph';
import type { Layout } from './layout';
import { type Direction, moveFromEdge, moveFromNode, stepLink, type Target } from './navigation';
import type { DiagramEditor } from './use-diagram-editor';

const ARROWS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

export interface KeyContext {
  readonly graph: DriverGraph;
  readonly layout: Layout;
  readonly editor: DiagramEditor;
}

function linkedTo(graph: DriverGraph, nodeId: string): Set<string> {
  const ids = new Set<string>();
  for (const e of graph.edges) {
    if (e.from === nodeId) ids.add(e.to);
    if (e.to === nodeId) ids.add(e.from);
  }
  return ids;
}

function move(ctx: KeyContext, target: Target, direction: Direction): Target | null {
  const { graph, layout } = ctx;
  if (target.kind === 'edge') return moveFromEdge(graph, layout, target, direction);
  const next = moveFromNode(layout, target.id, direction, linkedTo(graph, target.id));
  return next ? { kind: 'node', id: next } : null;
}

/** Keys that mean the same on a node and on a link. Returns false when the key is not one. */
function commonKey(ctx: KeyContext, target: Target, key: string, shift: boolean): boolean {
  const { editor } = ctx;
  const direction = ARROWS[key];
  if (direction && shift) return false; // Shift and an arrow pan the canvas.
  if (direction) {
    const next = move(ctx, target, direction);
    if (next) editor.focusTarget(next);
    return true;
  }
  if (key === '[' || key === ']') {
    const next = stepLink(ctx.graph, ctx.layout, target, key === ']' ? 1 : -1);
    if (next) editor.focusTarget(next);
    else editor.announce('This node has no links.');
    return true;
  }
  if (key === 'Delete' || key === 'Backspace') editor.requestDelete(target);
  else if (key === '?') editor.setHelpOpen(true);
  else return false;
  return true;
}

function nodeKey(ctx: KeyContext, nodeId: string, key: string): boolean {
  const { editor } = ctx;
  const node = ctx.graph.nodes.find((n) => n.id === nodeId);
  if (!node) return false;
  if (key === 'Enter' || key === 'F2') {
    if (editor.moving && key === 'Enter') editor.moveNode(editor.moving, node);
    else if (editor.linkFrom && key === 'Enter') editor.completeLink(node);
    else editor.editLabel();
  } else if (key === 'a' || key === 'A' || key === 'Insert') editor.addChild(node);
  else if (key === 'l' || key === 'L') {
    if (editor.linkFrom?.id === node.id) editor.cancelLink();
    else editor.startLink(node);
  } else if (key === ' ') {
    // Space picks a node up and drops it, as in most keyboard drag and drop.
    if (editor.moving) editor.moveNode(editor.moving, node);
    else editor.startMove(node);
  } else if (key === 's' || key === 'S') {
    editor.announce('To change a link’s strength, press ] to move to the link first.');
  } else if (key === 'Escape' && editor.moving) editor.cancelMove();
  else if (key === 'Escape' && editor.linkFrom) editor.cancelLink();
  else return false;
  return true;
}

function edgeKey(ctx: KeyContext, target: Extract<Target, { kind: 'edge' }>, key: string) {
  const edge = ctx.graph.edges.find((e) => e.id === target.id);
  if (!edge) return false;
  if (key === 's' || key === 'S') ctx.editor.toggle(edge);
  else if (key === 'Escape') ctx.editor.focusTarget({ kind: 'node', id: target.via });
  else return false;
  return true;
}

/**
 * The node or link the key was pressed on. The keyboard acts on what has the focus:
 * the editor's idea of it lags a render behind when focus moves while the diagram
 * redraws (after a delete, or a change from someone else), and a key pressed then
 * must not be lost.
 */
function keyTarget(ctx: KeyContext, element: EventTarget): Target | null {
  const known = ctx.editor.focus;
  const key =
    element instanceof Element
      ? element.closest('[data-target]')?.getAttribute('data-target')
      : null;
  if (!key) return known;
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'node' && ctx.graph.nodes.some((n) => n.id === id)) {
    return known?.kind === 'node' && known.id === id ? known : { kind: 'node', id };
  }
  const edge = kind === 'edge' ? ctx.graph.edges.find((e) => e.id === id) : undefined;
  if (!edge) return known;
  return known?.kind === 'edge' && known.id === id ? known : { kind: 'edge', id, via: edge.from };
}

export function handleDiagramKey(ctx: KeyContext, event: KeyboardEvent<SVGSVGElement>): void {
  if (event.ctrlKey || event.altKey || event.metaKey) return;
  const target = keyTarget(ctx, event.target);
  if (!target) return;
  if (target !== ctx.editor.focus) ctx.editor.noteFocus(target);
  const handled =
    commonKey(ctx, target, event.key, event.shiftKey) ||
    (target.kind === 'node' ? nodeKey(ctx, target.id, event.key) : edgeKey(ctx, target, event.key));
  if (handled) event.preventDefault();
}
