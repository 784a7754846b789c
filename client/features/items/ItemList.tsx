/** The items of a lab that the person may see, with what they may do with each. */
import type { ItemWithRights } from '../../../shared/schemas/api-responses';
import { DataTable } from '../../lib/DataTable';
import { ITEM_KIND_LABELS, RIGHTS_LABELS, SHARING_LABELS } from '../../lib/labels';
import { Link } from '../../lib/navigation';

export function ItemList(props: {
  items: readonly ItemWithRights[];
  itemHref: (itemId: string) => string;
}) {
  const items = props.items.filter((item) => !item.archived);
  if (items.length === 0) {
    return <p className="nhsuk-body">There is nothing here for you yet.</p>;
  }
  return (
    <DataTable
      caption="Work in this lab"
      headings={['Title', 'Kind', 'Sharing', 'Your access']}
      testId="item-list"
      rows={items.map((item) => ({
        key: item.id,
        cells: [
          <Link href={props.itemHref(item.id)} key="title">
            {item.title || 'Untitled'}
          </Link>,
          ITEM_KIND_LABELS[item.kind],
          SHARING_LABELS[item.sharing],
          RIGHTS_LABELS[item.rights],
        ],
      }))}
    />
  );
}
