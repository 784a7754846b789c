/**
 * Says what of an item could not be read and is not shown: rows, fields or sections
 * stored before the server checked updates against the item's schema, or written
 * into storage by other means. The page shows everything else.
 *
 * The check reads every row of the document, so it runs after the page is drawn and
 * then at most every `RECHECK_MS` while the document changes, not on every change: a
 * board being sorted by a room of people changes many times a second.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { shapeProblems } from '../../../shared/documents/item-shape';
import type { ItemKind } from '../../../shared/schemas/records';

const RECHECK_MS = 500;
const NONE: readonly string[] = [];

const sameProblems = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((problem, i) => problem === b[i]);

export function ItemDamageNotice({ doc, kind }: { doc: Y.Doc; kind: ItemKind }) {
  const [problems, setProblems] = useState(NONE);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      const found = shapeProblems(doc, kind);
      setProblems((shown) => (sameProblems(shown, found) ? shown : found));
    };
    const listener = () => {
      timer ??= setTimeout(check, RECHECK_MS);
    };
    check();
    doc.on('update', listener);
    return () => {
      doc.off('update', listener);
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc, kind]);
  if (problems.length === 0) return null;
  return (
    <div className="nhsuk-warning-callout" data-testid="damage-notice">
      <h3 className="nhsuk-warning-callout__label">
        <span className="nhsuk-u-visually-hidden">Important: </span>
        Part of this item could not be read
      </h3>
      <p>It is not shown here or in exports. Everything else is.</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
