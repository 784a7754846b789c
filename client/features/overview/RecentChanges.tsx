/**
 * "Recently changed": the items changed last, when and by whom. Names come
 * from the lab's member list for those who may read it; otherwise, and for
 * people who have left, the change is shown without a name. Titles are not
 * links here, so that each item has one link on the page.
 */
import { formatDateTime } from '../../lib/dates';
import { ITEM_KIND_LABELS } from '../../lib/labels';
import { type OverviewItem, recentlyChanged } from './overview-items';

const SHOWN = 5;

function who(item: OverviewItem, names: ReadonlyMap<string, string>, meId: string): string {
  if (item.updatedBy === null) return '';
  if (item.updatedBy === meId) return ' by you';
  const name = names.get(item.updatedBy);
  return name ? ` by ${name}` : '';
}

export function RecentChanges(props: {
  items: readonly OverviewItem[];
  names: ReadonlyMap<string, string>;
  meId: string;
}) {
  const recent = recentlyChanged(
    props.items.filter((item) => !item.archived),
    SHOWN,
  );
  if (recent.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading" data-testid="recent-changes">
      <h2 className="nhsuk-heading-s" id="recent-heading">
        Recently changed
      </h2>
      <ul className="nhsuk-list">
        {recent.map((item) => (
          <li key={item.id}>
            <strong>{item.title || 'Untitled'}</strong>{' '}
            <span className="nhsuk-body-s">
              ({ITEM_KIND_LABELS[item.kind].toLowerCase()}): changed{' '}
              {formatDateTime(item.updatedAt)}
              {who(item, props.names, props.meId)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
