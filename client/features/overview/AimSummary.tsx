/**
 * The lab's aim on its overview, from the aim's parts the registry keeps of the
 * lab's problem statement (the first one, if there are several), live from the
 * lab feed: the problem's document is not opened.
 */
import { describeAim } from '../../../shared/documents/aim-sentence';
import type { ItemFacts } from '../../../shared/schemas/records';
import { Link } from '../../lib/navigation';
import type { OverviewItem } from './overview-items';

function Sentence({ facts }: { facts: ItemFacts }) {
  const aim = describeAim(facts);
  return (
    <>
      <p className="nhsuk-body-l" data-testid="overview-aim-sentence">
        {aim.sentence ?? 'The aim has not been written yet.'}
      </p>
      {aim.prompt && <p className="nhsuk-body-s">{aim.prompt}</p>}
    </>
  );
}

export function AimSummary(props: {
  problem: OverviewItem | null;
  itemHref: (id: string) => string;
  canCreate: boolean;
  /** Sees only what is shared with them (a reviewer): a problem may exist unshared. */
  sharedOnly: boolean;
}) {
  const { problem } = props;
  return (
    <section aria-labelledby="aim-summary-heading" data-testid="overview-aim">
      <h2 className="nhsuk-heading-m" id="aim-summary-heading">
        Our aim
      </h2>
      {problem === null && props.sharedOnly && (
        <p className="nhsuk-body" data-testid="aim-not-shared">
          The team has not shared its aim with you yet.
        </p>
      )}
      {problem === null && !props.sharedOnly && (
        <p className="nhsuk-body">
          There is no problem statement and aim yet.
          {props.canCreate && ' Add one under “Add an item”, choosing “Problem statement and aim”.'}
        </p>
      )}
      {problem !== null && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Aim: </span>
          {problem.facts ? (
            <Sentence facts={problem.facts} />
          ) : (
            <p className="nhsuk-body">Loading the aim…</p>
          )}
          <p className="nhsuk-body-s">
            <Link href={props.itemHref(problem.id)}>Open the problem statement and aim</Link>
          </p>
        </div>
      )}
    </section>
  );
}
