/** The change ideas as a table: one row each, with every field the board and chart use. */
import { DataTable } from '../../lib/DataTable';
import { Link } from '../../lib/navigation';
import {
  EFFORT_LABELS,
  type IdeaSummary,
  IMPACT_LABELS,
  labelOf,
  NOT_SET,
  SOURCE_LABELS,
  STATUS_LABELS,
} from './idea-model';
import { PICK_LABELS } from '../../../shared/documents/pick-quadrant';

export function IdeasTable(props: {
  ideas: readonly IdeaSummary[];
  itemHref: (id: string) => string;
}) {
  return (
    <DataTable
      caption="Change ideas"
      captionHidden
      headings={['Title', 'Status', 'Impact', 'Effort', 'PICK', 'Source', 'Owner']}
      testId="idea-table"
      rows={props.ideas.map((idea) => ({
        key: idea.id,
        cells: [
          <Link href={props.itemHref(idea.id)} key="title">
            {idea.title}
          </Link>,
          STATUS_LABELS[idea.status],
          labelOf(IMPACT_LABELS, idea.impact),
          labelOf(EFFORT_LABELS, idea.effort),
          idea.quadrant ? PICK_LABELS[idea.quadrant] : NOT_SET,
          labelOf(SOURCE_LABELS, idea.source),
          idea.owner || NOT_SET,
        ],
      }))}
    />
  );
}
