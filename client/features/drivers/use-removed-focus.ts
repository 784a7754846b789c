/**
 * When the node or link this person is on leaves the diagram other than by their own
 * delete (someone else deleted it, or their undo took back its adding), the selection
 * goes to a neighbour, as after their own delete, taking the keyboard with it when it
 * was in the diagram, and the live region says what happened. Without this the focus
 * fell to the page and the panel closed without a word.
 */
import { type RefObject, useLayoutEffect, useRef } from 'react';
import { displayLabel, edgeName, type IdeaTitles } from './diagram-text';
import { type DriverGraph, TYPE_LABELS } from './driver-graph';
import type { Layout } from './layout';
import { neighbourNode, type Target, targetExists } from './navigation';

interface Shown {
  readonly graph: DriverGraph;
  readonly layout: Layout;
}

/** A node next to `target` in the drawing it was in, that is still in `graph`. */
function neighbourOf(was: Shown, target: Target, graph: DriverGraph): Target | null {
  const exists = (id: string) => graph.nodes.some((n) => n.id === id);
  if (target.kind === 'edge') {
    const edge = was.graph.edges.find((e) => e.id === target.id);
    const ends = [target.via, edge?.from, edge?.to].filter((id): id is string => !!id);
    const end = ends.find(exists);
    if (end) return { kind: 'node', id: end };
  } else {
    const next = neighbourNode(was.layout, target.id, exists);
    if (next) return { kind: 'node', id: next };
  }
  const first = graph.nodes[0];
  return first ? { kind: 'node', id: first.id } : null;
}

function goneName(was: Shown, target: Target, ideas: IdeaTitles): string {
  if (target.kind === 'edge') {
    const edge = was.graph.edges.find((e) => e.id === target.id);
    return edge ? edgeName(was.graph, edge, ideas) : 'The link you were on';
  }
  const node = was.graph.nodes.find((n) => n.id === target.id);
  return node ? `${TYPE_LABELS[node.type]} “${displayLabel(node, ideas)}”` : 'The node you were on';
}

export interface RemovedFocusOptions {
  readonly graph: DriverGraph;
  readonly layout: Layout;
  readonly ideas: IdeaTitles;
  /** What this person last selected, whether or not it is still in the diagram. */
  readonly selected: Target | null;
  readonly svgRef: RefObject<SVGSVGElement | null>;
  /** Selects `target` and moves the keyboard to it. */
  focusTarget(target: Target | null): void;
  /** Selects `target` and leaves the keyboard where it is. */
  select(target: Target | null): void;
  announce(message: string): void;
}

export function useRemovedFocus(options: RemovedFocusOptions): void {
  const { graph, layout, selected } = options;
  const shown = useRef<Shown>({ graph, layout });
  useLayoutEffect(() => {
    const was = shown.current;
    shown.current = { graph, layout };
    if (selected === null || targetExists(graph, selected)) return;
    const next = neighbourOf(was, selected, graph);
    const active = document.activeElement;
    const keyboardHere =
      active === null || active === document.body || !!options.svgRef.current?.contains(active);
    if (keyboardHere) options.focusTarget(next);
    else options.select(next);
    options.announce(`${goneName(was, selected, options.ideas)} is no longer in the diagram.`);
  });
}
