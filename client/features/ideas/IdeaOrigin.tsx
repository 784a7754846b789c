/**
 * Where a change idea came from, when a workshop board's cluster or note was made
 * into it: a link back to the board (the board links to the idea in turn).
 */
import type * as Y from 'yjs';
import { fieldsMap, readField } from '../../../shared/documents/item-doc';
import { useYShallowChanges } from '../../lib/y-hooks';

export function IdeaOrigin({
  doc,
  itemHref,
}: {
  doc: Y.Doc;
  itemHref: (itemId: string) => string;
}) {
  useYShallowChanges(fieldsMap(doc));
  const board = readField(doc, 'idea', 'fromBoard');
  if (typeof board !== 'string') return null;
  return (
    <p className="nhsuk-body" data-testid="idea-origin">
      Made at a workshop: see <a href={itemHref(board)}>the workshop board it came from</a>.
    </p>
  );
}
