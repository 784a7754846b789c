/**
 * The lab's aim on its overview, read from the lab's problem statement (the
 * first one, if there are several) and kept live while the page is open.
 */
import type * as Y from 'yjs';
import { describeAim } from '../../../shared/documents/aim-sentence';
import { fieldsMap, readFields } from '../../../shared/documents/item-doc';
import { Link } from '../../lib/navigation';
import { useYChanges } from '../../lib/y-hooks';
import type { OverviewItem } from './overview-items';

function Sentence({ doc }: { doc: Y.Doc }) {
  useYChanges(fieldsMap(doc));
  const aim = describeAim(readFields(doc, 'problem'));
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
  doc: Y.Doc | null;
  itemHref: (id: string) => string;
  canCreate: boolean;
}) {
  const { problem, doc } = props;
  return (
    <section aria-labelledby="aim-summary-heading" data-testid="overview-aim">
      <h2 className="nhsuk-heading-m" id="aim-summary-heading">
        Our aim
      </h2>
      {problem === null ? (
        <p className="nhsuk-body">
          There is no problem statement and aim yet.
          {props.canCreate && ' Add one under “Add an item”, choosing “Problem statement and aim”.'}
        </p>
      ) : (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Aim: </span>
          {doc ? <Sentence doc={doc} /> : <p className="nhsuk-body">Loading the aim…</p>}
          <p className="nhsuk-body-s">
            <Link href={props.itemHref(problem.id)}>Open the problem statement and aim</Link>
          </p>
        </div>
      )}
    </section>
  );
}
