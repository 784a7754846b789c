/**
 * The driver diagram in text, as nested lists from each aim down to the change
 * ideas: what a screen reader (or anyone who prefers words) reads instead of the
 * picture. Weak links say so; a node driving several others says what else it drives.
 *
 * The lists are drawn in a render of their own, after the drawing (`useDeferredValue`):
 * for a diagram of hundreds of nodes they are hundreds of list items below the canvas,
 * which the drawing need not wait for, when the page opens or after a change.
 */
import { useDeferredValue, useId, useMemo } from 'react';
import { Link } from '../../lib/navigation';
import { displayLabel, type IdeaTitles } from './diagram-text';
import { type DriverGraph, TYPE_LABELS } from './driver-graph';
import { buildOutline, type OutlineEntry } from './outline-tree';

function EntryItem({ entry, ideas }: { entry: OutlineEntry; ideas: IdeaTitles }) {
  const { node, strength, alsoDrives, children } = entry;
  const ideaTitle = node.ideaId ? ideas.get(node.ideaId) : undefined;
  const label = displayLabel(node, ideas);
  const ideaLink = node.ideaId && ideaTitle !== undefined && (
    <Link href={`/items/${encodeURIComponent(node.ideaId)}`}>{ideaTitle}</Link>
  );
  return (
    <li>
      <span className="driver-outline__type">{TYPE_LABELS[node.type]}:</span>{' '}
      {/* The label is the change idea's title: one link says both. */}
      {ideaLink && label === ideaTitle ? ideaLink : label}
      {strength === 'weak' && ' (weak link)'}
      {ideaLink && label !== ideaTitle && <> (change idea {ideaLink})</>}
      {alsoDrives.length > 0 && (
        <>; also drives {alsoDrives.map((n) => `“${displayLabel(n, ideas)}”`).join(', ')}</>
      )}
      {children.length > 0 && <EntryList entries={children} ideas={ideas} />}
    </li>
  );
}

function EntryList({ entries, ideas }: { entries: readonly OutlineEntry[]; ideas: IdeaTitles }) {
  return (
    <ul className="driver-outline__list">
      {entries.map((entry) => (
        <EntryItem key={entry.node.id} entry={entry} ideas={ideas} />
      ))}
    </ul>
  );
}

export interface DriverOutlineProps {
  readonly graph: DriverGraph;
  /** Node ids by column as drawn, so the outline reads in the same order. */
  readonly columns: readonly (readonly string[])[];
  readonly ideas: IdeaTitles;
}

/** The lists of the outline: the same element while its props are, so React skips them. */
function OutlineLists({ graph, columns, ideas }: DriverOutlineProps) {
  const outline = buildOutline(graph, columns.flat());
  return (
    <>
      {graph.nodes.length === 0 && <p className="nhsuk-body-s">No aim or drivers yet.</p>}
      {outline.aims.length > 0 && <EntryList entries={outline.aims} ideas={ideas} />}
      {outline.unlinked.length > 0 && (
        <>
          <h3 className="nhsuk-heading-xs">Not yet linked towards an aim</h3>
          <EntryList entries={outline.unlinked} ideas={ideas} />
        </>
      )}
    </>
  );
}

export function DriverOutline({ graph, columns, ideas }: DriverOutlineProps) {
  const headingId = useId();
  // A new value only when the diagram changes, not when the editor around it draws again.
  const latest = useMemo(() => ({ graph, columns, ideas }), [graph, columns, ideas]);
  // Null on the first render, then the latest value in a render after the drawing's.
  const shown = useDeferredValue<DriverOutlineProps | null>(latest, null);
  const lists = useMemo(() => shown && <OutlineLists {...shown} />, [shown]);
  return (
    <section className="driver-outline" aria-labelledby={headingId} data-testid="driver-outline">
      <h2 className="nhsuk-heading-s" id={headingId}>
        Outline of the driver diagram
      </h2>
      {lists}
    </section>
  );
}
