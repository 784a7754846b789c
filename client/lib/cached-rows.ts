/**
 * A list's readable rows as plain values (`readRows`), each row checked and read once
 * and kept until it, or a text in it, changes. A board of hundreds of notes is drawn
 * again on every move, by anyone; reading and checking every row each time was most of
 * the page's own work per move, where one or two rows had changed.
 *
 * Rows are kept only while the list is watched (`watch`, from an effect): a row read
 * before then may have changed unseen, so watching starts from nothing kept.
 */
import { useEffect, useMemo, useReducer } from 'react';
import * as Y from 'yjs';
import { type FieldValue, rowValues } from '../../shared/documents/item-doc';
import { rowProblem } from '../../shared/documents/item-shape';
import { listName } from '../../shared/documents/names';

export type RowValues = Readonly<Record<string, FieldValue>>;

export class CachedRows {
  private kept = new WeakMap<Y.Map<unknown>, RowValues | null>();
  private watching = false;
  private readonly rows: Y.Array<unknown>;

  constructor(
    doc: Y.Doc,
    private readonly listKey: string,
  ) {
    // Elements that are not maps may be there in a damaged document: not `list`'s type.
    this.rows = doc.getArray<unknown>(listName(listKey));
  }

  /** Keeps rows from now on, forgetting each as it changes; returns how to stop. */
  watch(changed: () => void = () => undefined): () => void {
    this.kept = new WeakMap();
    this.watching = true;
    const forget = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      for (const event of events) {
        // The row the change is in: the list's element that holds its target.
        let type: Y.AbstractType<unknown> | null = event.target;
        while (type !== null && type.parent !== this.rows) type = type.parent;
        if (type instanceof Y.Map) this.kept.delete(type);
      }
      changed();
    };
    this.rows.observeDeep(forget);
    return () => {
      this.rows.unobserveDeep(forget);
      this.watching = false;
    };
  }

  /** The readable rows' values, in the list's order. */
  read(): RowValues[] {
    const out: RowValues[] = [];
    for (const row of this.rows.toArray()) {
      if (!(row instanceof Y.Map)) continue;
      // Unwatched, a kept row may have changed unseen: read it afresh.
      let values = this.watching ? this.kept.get(row) : undefined;
      if (values === undefined) {
        values = rowProblem(this.listKey, row) === null ? rowValues(row) : null;
        if (this.watching) this.kept.set(row, values);
      }
      if (values !== null) out.push(values);
    }
    return out;
  }
}

/** `doc`'s list `listKey` read through kept rows; draws again whenever the list changes. */
export function useCachedRows(doc: Y.Doc, listKey: string): CachedRows {
  const rows = useMemo(() => new CachedRows(doc, listKey), [doc, listKey]);
  const [, changed] = useReducer((n: number) => n + 1, 0);
  useEffect(() => rows.watch(changed), [rows]);
  return rows;
}
