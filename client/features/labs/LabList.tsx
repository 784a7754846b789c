/** The labs a person belongs to, with their role and the lab's phase; archived labs apart. */
import { ROLE_LABELS } from '../../../shared/roles';
import type { Lab } from '../../../shared/schemas/api-responses';
import { DataTable } from '../../lib/DataTable';
import { PHASE_LABELS } from '../../lib/labels';
import { Link } from '../../lib/navigation';

function rows(labs: readonly Lab[], labHref: (labId: string) => string) {
  return labs.map((lab) => ({
    key: lab.id,
    cells: [
      <Link href={labHref(lab.id)} key="title">
        {lab.title}
      </Link>,
      lab.myRole ? ROLE_LABELS[lab.myRole] : 'Administrator (not a member)',
      PHASE_LABELS[lab.phase],
    ],
  }));
}

const HEADINGS = ['Lab', 'Your role', 'Phase'];

export function LabList(props: { labs: readonly Lab[]; labHref: (labId: string) => string }) {
  const active = props.labs.filter((lab) => !lab.archived);
  const archived = props.labs.filter((lab) => lab.archived);
  return (
    <>
      {active.length > 0 ? (
        <DataTable
          caption="Your labs"
          headings={HEADINGS}
          rows={rows(active, props.labHref)}
          testId="lab-list"
        />
      ) : (
        <p className="nhsuk-body">
          You are not in any lab yet. Ask a lab’s facilitator to send you an invitation link.
        </p>
      )}
      {archived.length > 0 && (
        <DataTable
          caption="Archived labs"
          headings={HEADINGS}
          rows={rows(archived, props.labHref)}
          testId="archived-lab-list"
        />
      )}
    </>
  );
}
