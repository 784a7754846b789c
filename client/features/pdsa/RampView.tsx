/**
 * A change idea's PDSA ramp: its cycles in ramp order (each after the cycle it
 * follows, branches indented under their parent and named in words), with dates,
 * scale, decision (as text, with a colour tag) and a link to each cycle, all
 * from the lab's items as the registry keeps them (titles and each cycle's
 * facts), live from the lab feed: no cycle's document is opened.
 */
import './pdsa.css';
import { useId } from 'react';
import { orderRamp, type RampEntry } from '../../../shared/documents/pdsa-ramp';
import { DataTable } from '../../lib/DataTable';
import { Link } from '../../lib/navigation';
import { type CycleSummaries, type CycleSummary, summarise } from './cycle-summary';
import {
  choiceLabel,
  cycleName,
  DECISION_OPTIONS,
  dateRange,
  decisionTagClass,
} from './pdsa-words';
import { useActiveLabItems } from './use-lab-items';

export interface RampViewProps {
  readonly labId: string;
  /** The change idea's item id: cycles whose "Change idea tested" is this idea form the ramp. */
  readonly ideaId: string;
  /** The address of an item's page (the app's route table, e.g. `paths.item`). */
  itemHref(itemId: string): string;
  /** False when the page already gives the ramp a heading: then it draws none of its own. */
  readonly withHeading?: boolean;
}

function follows(entry: RampEntry<CycleSummary>): string {
  const named = entry.cycle.follows.trim();
  if (!named) return 'First cycle';
  if (entry.missingParent) return `Cycle ${named} (not in this ramp)`;
  return `Cycle ${named}`;
}

function cells(entry: RampEntry<CycleSummary>, itemHref: (itemId: string) => string) {
  const { cycle, depth } = entry;
  return [
    <span className="pdsa-ramp__cycle" style={{ paddingLeft: `${depth * 1.5}rem` }} key="cycle">
      {depth > 0 && (
        <span className="pdsa-ramp__branch" aria-hidden="true">
          {'↳ '}
        </span>
      )}
      <Link href={itemHref(cycle.id)}>{cycleName(cycle.label, cycle.title)}</Link>
      {cycle.label.trim() && cycle.title && (
        <>
          {' '}
          <span className="pdsa-ramp__title">{cycle.title}</span>
        </>
      )}
    </span>,
    follows(entry),
    dateRange(cycle.startDate, cycle.endDate),
    cycle.scale.trim() || 'Not set',
    <strong className={decisionTagClass(cycle.decision)} key="decision">
      {choiceLabel(DECISION_OPTIONS, cycle.decision)}
    </strong>,
  ];
}

export interface RampTableProps extends Pick<RampViewProps, 'itemHref'> {
  readonly ideaId: string;
  readonly summaries: CycleSummaries;
}

/** The ramp once the lab's cycles are known (exported for tests). */
export function RampTable(props: RampTableProps) {
  const { ideaId, summaries, itemHref } = props;
  const ramp = orderRamp(summaries.cycles.filter((cycle) => cycle.ideaId === ideaId));
  const { loading } = summaries;
  return (
    <>
      {loading > 0 && (
        <p className="nhsuk-body-s" role="status">
          {loading === 1
            ? 'One PDSA cycle of this lab is still being read, so it may be missing here.'
            : `${loading} PDSA cycles of this lab are still being read, so they may be missing here.`}
        </p>
      )}
      {ramp.length === 0 ? (
        <p className="nhsuk-body">No PDSA cycles test this change idea yet.</p>
      ) : (
        <DataTable
          caption="PDSA cycles of this change idea, in ramp order"
          captionHidden
          headings={['Cycle', 'Follows', 'Dates', 'Scale', 'Decision']}
          testId="pdsa-ramp"
          rows={ramp.map((entry) => ({ key: entry.cycle.id, cells: cells(entry, itemHref) }))}
        />
      )}
    </>
  );
}

function RampBody({ labId, ideaId, itemHref }: RampViewProps) {
  const items = useActiveLabItems(labId);
  const cycles = items.status === 'ready' ? items.data.filter((item) => item.kind === 'pdsa') : [];
  if (items.status === 'error') {
    return (
      <p className="nhsuk-body">The lab’s PDSA cycles could not be loaded: {items.error.message}</p>
    );
  }
  if (items.status === 'loading') {
    return (
      <p className="nhsuk-body" role="status">
        Loading the PDSA cycles…
      </p>
    );
  }
  return <RampTable ideaId={ideaId} summaries={summarise(cycles)} itemHref={itemHref} />;
}

export function RampView(props: RampViewProps) {
  const headingId = useId();
  if (props.withHeading === false) {
    return (
      <div className="pdsa-ramp" data-testid="pdsa-ramp-view">
        <RampBody {...props} />
      </div>
    );
  }
  return (
    <section className="pdsa-ramp" aria-labelledby={headingId} data-testid="pdsa-ramp-view">
      <h2 className="nhsuk-heading-m" id={headingId}>
        PDSA ramp
      </h2>
      <RampBody {...props} />
    </section>
  );
}
