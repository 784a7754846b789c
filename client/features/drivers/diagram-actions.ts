/**
 * What each command of the diagram editor does, whether it came from a key or a
 * button: change the document, say what happened (for the live region) and
 * decide where the keyboard goes next.
 */
import type * as Y from 'yjs';
import { DRIVER_NODE_TYPES } from '../../../shared/documents/item-kinds';
import { displayLabel, edgeName, type IdeaTitles, nodeById } from './diagram-text';
import {
  addChild,
  addNode,
  COLUMN_OF,
  childType,
  type DriverEdge,
  type DriverGraph,
  type DriverNode,
  deleteEdge,
  deleteNode,
  linkNodes,
  moveUnder,
  TYPE_LABELS,
  toggleStrength,
} from './driver-graph';
import type { Layout } from './layout';
import { neighbourNode, type Target } from './navigation';

/** The editor's screen state, as the commands see it. */
export interface EditorUi {
  readonly linkFrom: string | null;
  /** The node being moved under another (by keyboard: Space, then Space or Enter on the new parent). */
  readonly moving: string | null;
  readonly confirming: Target | null;
  focusTarget(target: Target | null): void;
  editLabel(): void;
  announce(message: string): void;
  setLinkFrom(nodeId: string | null): void;
  setMoving(nodeId: string | null): void;
  setConfirming(target: Target | null): void;
}

export interface ActionContext {
  readonly doc: Y.Doc;
  readonly graph: DriverGraph;
  readonly layout: Layout;
  readonly ideas: IdeaTitles;
  /**
   * Where the aim node's words come from: its own label (null: the lab has no problem
   * statement), or the problem statement's aim, which this person may edit or only read.
   */
  readonly labAim: 'editable' | 'read-only' | null;
  readonly ui: EditorUi;
}

/** What to do next after adding the aim, as its panel offers it. */
const AIM_ADDED = {
  label: 'Aim added. Type its label, then press Enter to go back to the diagram.',
  editable:
    'Aim added. It shows the lab’s SMART aim: fill in its parts, then press Enter to go back to the diagram.',
  'read-only':
    'Aim added. It shows the lab’s SMART aim, which is read-only for you here: follow the link to the problem statement to change it.',
} as const;

const quote = (ctx: ActionContext, node: DriverNode) => `“${displayLabel(node, ctx.ideas)}”`;

export function addAimAction(ctx: ActionContext): void {
  const id = addNode(ctx.doc, 'aim');
  ctx.ui.focusTarget({ kind: 'node', id });
  ctx.ui.editLabel();
  ctx.ui.announce(AIM_ADDED[ctx.labAim ?? 'label']);
}

export function addChildAction(ctx: ActionContext, node: DriverNode): void {
  const type = childType(node.type);
  const added = type ? addChild(ctx.doc, node) : null;
  if (!type || !added) {
    ctx.ui.announce('Change ideas are the last column: nothing can be added under them.');
    return;
  }
  ctx.ui.focusTarget({ kind: 'node', id: added.nodeId });
  ctx.ui.editLabel();
  ctx.ui.announce(
    `${TYPE_LABELS[type]} added, driving ${quote(ctx, node)}. Type its label, then press Enter.`,
  );
}

export function startLinkAction(ctx: ActionContext, node: DriverNode): void {
  ctx.ui.setMoving(null);
  ctx.ui.setLinkFrom(node.id);
  ctx.ui.focusTarget({ kind: 'node', id: node.id });
  ctx.ui.announce(
    `Linking from ${quote(ctx, node)}: move to another node and press Enter (or click it). Escape cancels.`,
  );
}

export function cancelLinkAction(ctx: ActionContext): void {
  if (ctx.ui.linkFrom === null) return;
  ctx.ui.setLinkFrom(null);
  ctx.ui.announce('Linking cancelled.');
}

export function completeLinkAction(ctx: ActionContext, node: DriverNode): void {
  const from = ctx.ui.linkFrom === null ? undefined : nodeById(ctx.graph, ctx.ui.linkFrom);
  if (!from || from.id === node.id) {
    cancelLinkAction(ctx);
    return;
  }
  const result = linkNodes(ctx.doc, ctx.graph, from, node);
  if (!result.ok) {
    ctx.ui.announce(
      result.reason === 'exists'
        ? `${quote(ctx, from)} and ${quote(ctx, node)} are already linked. Choose another node, or press Escape.`
        : `${quote(ctx, from)} and ${quote(ctx, node)} are in the same column; a link joins different columns. Choose another node, or press Escape.`,
    );
    return;
  }
  ctx.ui.setLinkFrom(null);
  ctx.ui.announce(`Linked ${quote(ctx, from)} and ${quote(ctx, node)} with a strong link.`);
}

export function toggleAction(ctx: ActionContext, edge: DriverEdge): void {
  const strength = toggleStrength(ctx.doc, edge.id);
  if (strength) ctx.ui.announce(`${edgeName(ctx.graph, { ...edge, strength }, ctx.ideas)}.`);
}

export function requestDeleteAction(ctx: ActionContext, target: Target): void {
  ctx.ui.setLinkFrom(null);
  ctx.ui.setConfirming(target);
}

/** Where the keyboard goes once `nodeId` is gone: a neighbour, the nearer the better. */
function afterDeleting(ctx: ActionContext, nodeId: string): Target | null {
  const next = neighbourNode(ctx.layout, nodeId);
  return next ? { kind: 'node', id: next } : null;
}

export function confirmDeleteAction(ctx: ActionContext): void {
  const target = ctx.ui.confirming;
  ctx.ui.setConfirming(null);
  if (!target) return;
  if (target.kind === 'edge') {
    const edge = ctx.graph.edges.find((e) => e.id === target.id);
    deleteEdge(ctx.doc, target.id);
    ctx.ui.focusTarget({ kind: 'node', id: target.via });
    if (edge) ctx.ui.announce(`Removed: ${edgeName(ctx.graph, edge, ctx.ideas)}.`);
    return;
  }
  const node = nodeById(ctx.graph, target.id);
  const next = afterDeleting(ctx, target.id);
  const links = deleteNode(ctx.doc, target.id);
  ctx.ui.focusTarget(next);
  if (node) {
    ctx.ui.announce(
      `Deleted ${TYPE_LABELS[node.type].toLowerCase()} ${quote(ctx, node)} and ${links} ${links === 1 ? 'link' : 'links'}.`,
    );
  }
}

export function cancelDeleteAction(ctx: ActionContext): void {
  const target = ctx.ui.confirming;
  ctx.ui.setConfirming(null);
  ctx.ui.focusTarget(target);
}

export function startMoveAction(ctx: ActionContext, node: DriverNode): void {
  if (node.type === 'aim') {
    ctx.ui.announce('The aim is the first column: it has nothing to move under.');
    return;
  }
  ctx.ui.setLinkFrom(null);
  ctx.ui.setMoving(node.id);
  ctx.ui.focusTarget({ kind: 'node', id: node.id });
  ctx.ui.announce(
    `Moving ${quote(ctx, node)}: go to the node it should drive, in the column to its left, and press Space or Enter (or click it). Escape cancels.`,
  );
}

export function cancelMoveAction(ctx: ActionContext): void {
  if (ctx.ui.moving === null) return;
  ctx.ui.setMoving(null);
  ctx.ui.announce('Move cancelled.');
}

/**
 * Moves `node` under `parent`, from the keyboard (Space, then Space or Enter) or a drag that
 * dropped it there, and says what happened; the keyboard stays on the moved node.
 */
export function moveNodeAction(ctx: ActionContext, node: DriverNode, parent: DriverNode): void {
  ctx.ui.setMoving(null);
  if (node.id === parent.id) {
    ctx.ui.announce('Move cancelled.');
    return;
  }
  const result = moveUnder(ctx.doc, ctx.graph, node, parent);
  if (!result.ok) {
    ctx.ui.announce(
      result.reason === 'already-there'
        ? `${quote(ctx, node)} already drives ${quote(ctx, parent)}: nothing moved.`
        : `${quote(ctx, node)} can only move under a ${TYPE_LABELS[parentType(node)].toLowerCase()}, in the column to its left: nothing moved.`,
    );
    return;
  }
  ctx.ui.focusTarget({ kind: 'node', id: node.id });
  ctx.ui.announce(`Moved ${quote(ctx, node)} under ${quote(ctx, parent)}.`);
}

/** The type a node drives: the one a column nearer the aim. */
function parentType(node: DriverNode): DriverNode['type'] {
  return DRIVER_NODE_TYPES[Math.max(0, COLUMN_OF[node.type] - 1)] ?? 'aim';
}
