/**
 * Says what of an item could not be read and is not shown: rows, fields or sections
 * stored before the server checked updates against the item's schema, or written
 * into storage by other means. The page shows everything else.
 */
import { useEffect, useMemo, useReducer } from 'react';
import type * as Y from 'yjs';
import { shapeProblems } from '../../../shared/documents/item-shape';
import type { ItemKind } from '../../../shared/schemas/records';

export function ItemDamageNotice({ doc, kind }: { doc: Y.Doc; kind: ItemKind }) {
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const listener = () => bump();
    doc.on('update', listener);
    return () => doc.off('update', listener);
  }, [doc]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes with the document.
  const problems = useMemo(() => shapeProblems(doc, kind), [doc, kind, version]);
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
