/**
 * The lab's items grouped by kind, with their management for those who may,
 * and the archived items listed apart. Each change is saved through the
 * registry and confirmed in a status message; the list, live from the lab feed,
 * shows it as soon as it is stored.
 */
import './overview.css';
import { KIND_TERMS } from '../../../shared/glossary';
import type { ItemKind } from '../../../shared/schemas/records';
import { HeadingWithTip } from '../../lib/GlossaryTip';
import type { ApiClient } from '../../lib/api';
import { ITEM_KIND_LABELS } from '../../lib/labels';
import { Link } from '../../lib/navigation';
import { useChangesSinceSeen } from './changes-since-seen';
import { ItemRow } from './ItemRow';
import { groupByKind, KIND_GROUP_LABELS, type OverviewItem } from './overview-items';
import { type ItemActions, useItemActions } from './use-item-actions';

export interface LabItemsProps {
  readonly api: ApiClient;
  readonly items: readonly OverviewItem[];
  /** Facilitators change who an item is shared with. */
  readonly canShare: boolean;
  readonly itemHref: (id: string) => string;
  /** Sees only what is shared with them (a reviewer): an empty list is not an empty lab. */
  readonly sharedOnly: boolean;
}

function Archived(props: {
  items: readonly OverviewItem[];
  itemHref: (id: string) => string;
  onRestore(item: OverviewItem): void;
}) {
  if (props.items.length === 0) return null;
  return (
    <section aria-labelledby="archived-items-heading" data-testid="archived-items">
      <h3 className="nhsuk-heading-s" id="archived-items-heading">
        Archived items ({props.items.length})
      </h3>
      <ul className="nhsuk-list app-items">
        {props.items.map((item) => (
          <li className="app-item" key={item.id}>
            <Link className="app-item__title" href={props.itemHref(item.id)}>
              {item.title || 'Untitled'}
            </Link>
            <p className="nhsuk-body-s app-item__facts">{ITEM_KIND_LABELS[item.kind]}.</p>
            {item.rights === 'edit' && (
              <button
                type="button"
                className="nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button"
                onClick={() => props.onRestore(item)}
              >
                Restore<span className="nhsuk-u-visually-hidden"> {item.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function KindHeading({ kind, count }: { kind: ItemKind; count: number }) {
  const words = `${KIND_GROUP_LABELS[kind]} (${count})`;
  const term = KIND_TERMS[kind];
  if (term === null)
    return (
      <h3 className="nhsuk-heading-s" id={`group-${kind}`}>
        {words}
      </h3>
    );
  return (
    <HeadingWithTip level={3} className="nhsuk-heading-s" textId={`group-${kind}`} term={term}>
      {words}
    </HeadingWithTip>
  );
}

function KindGroup(props: {
  kind: ItemKind;
  group: readonly OverviewItem[];
  canShare: boolean;
  itemHref: (id: string) => string;
  actions: ItemActions;
  changes: ReadonlyMap<string, string>;
}) {
  const { kind, group, actions } = props;
  return (
    <section aria-labelledby={`group-${kind}`} data-testid={`group-${kind}`}>
      <KindHeading kind={kind} count={group.length} />
      <ul className="nhsuk-list app-items">
        {group.map((item, index) => (
          <ItemRow
            key={item.id}
            item={item}
            itemHref={props.itemHref}
            canMoveUp={index > 0}
            canMoveDown={index < group.length - 1}
            canShare={props.canShare}
            focus={actions.focus}
            onFocused={actions.onFocused}
            onMove={(step) => void actions.move(group, index, step)}
            onChange={(next) => actions.change(item, next)}
            changes={props.changes.get(item.id) ?? null}
          />
        ))}
      </ul>
    </section>
  );
}

export function LabItems({ api, items, canShare, itemHref, sharedOnly }: LabItemsProps) {
  const actions = useItemActions(api);
  const changes = useChangesSinceSeen(api, items);
  const { notice } = actions;
  const groups = groupByKind(items.filter((item) => !item.archived));
  return (
    <section aria-labelledby="items-heading">
      <h2 className="nhsuk-heading-m" id="items-heading">
        Work in this lab
      </h2>
      <div ref={actions.noticeRef} tabIndex={-1} className="app-notice" data-testid="items-notice">
        <p className="nhsuk-body app-notice__done" role="status">
          {notice && !notice.error ? notice.text : ''}
        </p>
        <p className="nhsuk-error-message app-notice__error" role="alert">
          {notice?.error ? notice.text : ''}
        </p>
      </div>
      <div data-testid="item-list">
        {groups.length === 0 && (
          <p className="nhsuk-body" data-testid="items-empty">
            {sharedOnly
              ? 'Nothing has been shared with you yet. When the team shares work for you to comment on, it will be here.'
              : 'There is nothing here for you yet.'}
          </p>
        )}
        {groups.map(({ kind, items: group }) => (
          <KindGroup
            key={kind}
            kind={kind}
            group={group}
            canShare={canShare}
            itemHref={itemHref}
            actions={actions}
            changes={changes}
          />
        ))}
      </div>
      <Archived
        items={items.filter((item) => item.archived)}
        itemHref={itemHref}
        onRestore={(item) => void actions.change(item, { type: 'archive', archived: false })}
      />
    </section>
  );
}
