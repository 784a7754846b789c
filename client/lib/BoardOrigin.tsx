/**
 * Where a diagram's row (a driver node, a cause) came from when a workshop board's
 * cluster or note was added as it: its `fromBoard`, written by the server, shown as a
 * link back to the board, which links here in turn.
 */
import type * as Y from 'yjs';
import { list } from '../../shared/documents/item-doc';
import { Link } from './navigation';

function boardOf(doc: Y.Doc, listKey: string, rowId: string): string | null {
  for (const row of list(doc, listKey)) {
    if (row.get('id') !== rowId) continue;
    const board = row.get('fromBoard');
    return typeof board === 'string' && board !== '' ? board : null;
  }
  return null;
}

export function BoardOrigin({
  doc,
  listKey,
  rowId,
}: {
  doc: Y.Doc;
  listKey: string;
  rowId: string;
}) {
  const boardId = boardOf(doc, listKey, rowId);
  if (boardId === null) return null;
  return (
    <p className="nhsuk-body-s" data-testid="board-origin">
      From a workshop:{' '}
      <Link href={`/items/${encodeURIComponent(boardId)}`}>
        see the workshop board it came from
      </Link>
    </p>
  );
}
