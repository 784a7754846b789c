/**
 * One item in the overview: its title (a link), status, sharing, unresolved
 * comments and the person's access; then, only for those who may, buttons to
 * move it within its kind and a "Change" disclosure to rename it, change its
 * sharing (facilitators) or archive it.
 */
import { useEffect, useRef } from 'react';
import { statusWords } from '../../../shared/item-status-words';
import { GlossaryTip } from '../../lib/GlossaryTip';
import { RIGHTS_LABELS, SHARING_LABELS } from '../../lib/labels';
import { Link } from '../../lib/navigation';
import { ArchiveControl, RenameForm, SharingForm } from './ItemManageForms';
import type { ItemChange } from './item-changes';
import { type OverviewItem, unresolvedCommentsText } from './overview-items';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small app-table-button';

export interface FocusRequest {
  readonly id: string;
  readonly where: 'up' | 'down';
  /** The item's order once the move has reloaded, so focus lands after the list settles. */
  readonly order: number;
}

export interface ItemRowProps {
  readonly item: OverviewItem;
  readonly itemHref: (id: string) => string;
  readonly canMoveUp: boolean;
  readonly canMoveDown: boolean;
  readonly canShare: boolean;
  readonly focus: FocusRequest | null;
  onFocused(): void;
  onMove(step: -1 | 1): void;
  onChange(change: ItemChange): Promise<boolean>;
  /** Who else changed it since this person last looked, and how much; null for nobody. */
  readonly changes?: string | null;
}

/**
 * What the row says about the item. Reviewers (who may only comment) read the
 * status in words and whether they can comment; counts of the item's parts and
 * its sharing state are for the team.
 */
function Facts({ item }: { item: OverviewItem }) {
  const reviewer = item.rights === 'comment';
  const status = statusWords(item.kind, item.status, reviewer);
  const comments = unresolvedCommentsText(item.openComments);
  const rest = [
    reviewer ? '' : `Sharing: ${SHARING_LABELS[item.sharing].toLowerCase()}.`,
    comments ? `${comments}.` : '',
    `${RIGHTS_LABELS[item.rights]}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <p className="nhsuk-body-s app-item__facts">
      {status && (
        <>
          {status.text}
          {status.term && <GlossaryTip id={status.term} />}.{' '}
        </>
      )}
      {rest}
    </p>
  );
}

function MoveButtons(props: ItemRowProps) {
  const { item, canMoveUp, canMoveDown, focus, onFocused, onMove } = props;
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focus?.id !== item.id || focus.order !== item.order) return;
    const wanted = focus.where === 'up' ? up.current : down.current;
    (wanted ?? up.current ?? down.current)?.focus();
    onFocused();
  }, [focus, item.id, item.order, onFocused]);
  return (
    <>
      {canMoveUp && (
        <button ref={up} className={SMALL} type="button" onClick={() => onMove(-1)}>
          Move up<span className="nhsuk-u-visually-hidden"> {item.title}</span>
        </button>
      )}
      {canMoveDown && (
        <button ref={down} className={SMALL} type="button" onClick={() => onMove(1)}>
          Move down<span className="nhsuk-u-visually-hidden"> {item.title}</span>
        </button>
      )}
    </>
  );
}

export function ItemRow(props: ItemRowProps) {
  const { item, itemHref, canShare, onChange } = props;
  const title = item.title || 'Untitled';
  const editable = item.rights === 'edit';
  return (
    <li className="app-item" data-testid="overview-item">
      <Link className="app-item__title" href={itemHref(item.id)}>
        {title}
      </Link>
      {props.changes && (
        <p className="nhsuk-body-s app-item__changes" data-testid="changes-since-seen">
          {props.changes}
        </p>
      )}
      <Facts item={item} />
      {editable && (
        <div className="app-item__actions">
          <MoveButtons {...props} />
          <details className="nhsuk-details app-item__manage">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">
                Change<span className="nhsuk-u-visually-hidden"> {title}</span>
              </span>
            </summary>
            <div className="nhsuk-details__text">
              <RenameForm title={title} onChange={onChange} />
              {canShare && <SharingForm title={title} sharing={item.sharing} onChange={onChange} />}
              <ArchiveControl title={title} onChange={onChange} />
            </div>
          </details>
        </div>
      )}
    </li>
  );
}
