/**
 * The diagram editor's screen state: what is selected (focus follows selection),
 * link mode, the delete confirmation, the shortcuts panel and the last message.
 * Moving the keyboard focus waits for React to draw the element it goes to.
 */
import { type RefObject, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useAfterCommit } from '../../lib/use-after-commit';
import {
  type ActionContext,
  addAimAction,
  addChildAction,
  cancelDeleteAction,
  cancelLinkAction,
  cancelMoveAction,
  completeLinkAction,
  confirmDeleteAction,
  type EditorUi,
  moveNodeAction,
  requestDeleteAction,
  startLinkAction,
  startMoveAction,
  toggleAction,
} from './diagram-actions';
import type { IdeaTitles } from './diagram-text';
import type { DriverEdge, DriverGraph, DriverNode } from './driver-graph';
import type { Layout } from './layout';
import { type Target, targetExists } from './navigation';
import { useRemovedFocus } from './use-removed-focus';

export function targetKey(target: Target): string {
  return `${target.kind}:${target.id}`;
}

export interface DiagramEditor {
  /** The selected node or link (null when none, or when someone else deleted it). */
  readonly focus: Target | null;
  readonly selectedNode: DriverNode | null;
  readonly selectedEdge: DriverEdge | null;
  readonly linkFrom: DriverNode | null;
  /** The node being moved under another (Space, then Space or Enter on its new parent). */
  readonly moving: DriverNode | null;
  readonly confirming: Target | null;
  readonly helpOpen: boolean;
  readonly message: string;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  /** Wraps the selected node's label field. */
  readonly labelRef: RefObject<HTMLDivElement | null>;
  readonly confirmRef: RefObject<HTMLElement | null>;
  readonly helpRef: RefObject<HTMLElement | null>;
  /** Selects and moves the keyboard to `target` (the first node when null). */
  focusTarget(target: Target | null): void;
  /** The browser moved focus (a click, a tab): follow it without moving it again. */
  noteFocus(target: Target): void;
  /** A click on a node or link: selects it, or ends link mode on it. */
  choose(target: Target): void;
  editLabel(): void;
  addAim(): void;
  addChild(node: DriverNode): void;
  startLink(node: DriverNode): void;
  cancelLink(): void;
  completeLink(node: DriverNode): void;
  startMove(node: DriverNode): void;
  cancelMove(): void;
  /** Moves `node` under `parent`: the end of Space … Space, or of a drag. */
  moveNode(node: DriverNode, parent: DriverNode): void;
  toggle(edge: DriverEdge): void;
  requestDelete(target: Target): void;
  confirmDelete(): void;
  cancelDelete(): void;
  setHelpOpen(open: boolean): void;
  announce(message: string): void;
}

type Commands = Pick<
  DiagramEditor,
  | 'addAim'
  | 'addChild'
  | 'startLink'
  | 'cancelLink'
  | 'completeLink'
  | 'startMove'
  | 'cancelMove'
  | 'moveNode'
  | 'toggle'
  | 'requestDelete'
  | 'confirmDelete'
  | 'cancelDelete'
>;

function commands(ctx: ActionContext): Commands {
  return {
    addAim: () => addAimAction(ctx),
    addChild: (node) => addChildAction(ctx, node),
    startLink: (node) => startLinkAction(ctx, node),
    cancelLink: () => cancelLinkAction(ctx),
    completeLink: (node) => completeLinkAction(ctx, node),
    startMove: (node) => startMoveAction(ctx, node),
    cancelMove: () => cancelMoveAction(ctx),
    moveNode: (node, parent) => moveNodeAction(ctx, node, parent),
    toggle: (edge) => toggleAction(ctx, edge),
    requestDelete: (target) => requestDeleteAction(ctx, target),
    confirmDelete: () => confirmDeleteAction(ctx),
    cancelDelete: () => cancelDeleteAction(ctx),
  };
}

/** The elements focus moves to, and how to reach each once drawn. */
function useFocusPlaces() {
  const svgRef = useRef<SVGSVGElement>(null);
  const labelRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLElement>(null);
  const helpRef = useRef<HTMLElement>(null);
  const after = useAfterCommit();
  const diagram = (target: Target | null) => {
    const selector = target
      ? `[data-target="${CSS.escape(targetKey(target))}"]`
      : '[data-target^="node:"]';
    svgRef.current?.querySelector<SVGElement>(selector)?.focus();
  };
  return {
    refs: { svgRef, labelRef, confirmRef, helpRef },
    focusDiagram: (target: Target | null) => after(() => diagram(target)),
    // The label field or the aim's first field, else (an aim this person may only read) the link to it.
    focusLabel: () =>
      after(() => {
        const panel = labelRef.current;
        (panel?.querySelector<HTMLElement>('input') ?? panel?.querySelector('a'))?.focus();
      }),
    focusConfirm: () => after(() => confirmRef.current?.focus()),
    focusHelp: () => after(() => helpRef.current?.focus()),
  };
}

export function useDiagramEditor(
  doc: Y.Doc,
  graph: DriverGraph,
  layout: Layout,
  ideas: IdeaTitles,
  labAim: ActionContext['labAim'],
): DiagramEditor {
  const [focusState, setFocus] = useState<Target | null>(null);
  const [linkFromId, setLinkFrom] = useState<string | null>(null);
  const [movingId, setMoving] = useState<string | null>(null);
  const [confirmingState, setConfirming] = useState<Target | null>(null);
  const [helpOpen, setHelpOpenState] = useState(false);
  const [message, announce] = useState('');
  const places = useFocusPlaces();
  const focus = targetExists(graph, focusState) ? focusState : null;
  const confirming = targetExists(graph, confirmingState) ? confirmingState : null;
  const linkFrom = graph.nodes.find((n) => n.id === linkFromId) ?? null;
  const moving = graph.nodes.find((n) => n.id === movingId) ?? null;
  const ui: EditorUi = {
    linkFrom: linkFrom?.id ?? null,
    moving: moving?.id ?? null,
    confirming,
    focusTarget: (target) => {
      setFocus(target);
      places.focusDiagram(target);
    },
    editLabel: places.focusLabel,
    announce,
    setLinkFrom,
    setMoving,
    setConfirming: (target) => {
      setConfirming(target);
      if (target) places.focusConfirm();
    },
  };
  const ctx: ActionContext = { doc, graph, layout, ideas, labAim, ui };
  useRemovedFocus({
    graph,
    layout,
    ideas,
    selected: focusState,
    svgRef: places.refs.svgRef,
    focusTarget: ui.focusTarget,
    select: setFocus,
    announce,
  });
  return {
    focus,
    selectedNode:
      focus?.kind === 'node' ? (graph.nodes.find((n) => n.id === focus.id) ?? null) : null,
    selectedEdge:
      focus?.kind === 'edge' ? (graph.edges.find((e) => e.id === focus.id) ?? null) : null,
    linkFrom,
    moving,
    confirming,
    helpOpen,
    message,
    ...places.refs,
    ...commands(ctx),
    focusTarget: ui.focusTarget,
    noteFocus: setFocus,
    choose: (target) => {
      const node = target.kind === 'node' ? graph.nodes.find((n) => n.id === target.id) : undefined;
      if (moving && node) {
        moveNodeAction(ctx, moving, node);
        return;
      }
      if (linkFrom && node) completeLinkAction(ctx, node);
      ui.focusTarget(target);
    },
    editLabel: ui.editLabel,
    setHelpOpen: (open) => {
      setHelpOpenState(open);
      if (open) places.focusHelp();
      else places.focusDiagram(focus);
    },
    announce,
  };
}
