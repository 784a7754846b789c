/**
 * What an update writes, as the schema guard (`schema-guard.ts`) reads it: each
 * struct's id and length, an item's origins, parent and map key, its content reduced
 * to its kind (a shared type's type ref; a lone value's bytes, decoded only when a
 * rule looks at the value), and the deleted ranges. `checkUpdate` collects it in the
 * same walk that checks the update, so an update is read once on the edit path instead
 * of walked by the check and then decoded again by `Y.decodeUpdate` for the guard.
 * It holds what `Y.decodeUpdate` would give the guard, field for field, less the
 * content no rule reads (text, JSON, binaries); `tests/unit/update-structs.test.ts`
 * compares the two on every update of the check's corpora.
 */
import * as decoding from 'lib0/decoding';

/** An id an item names: a client and a clock. */
export interface StructId {
  readonly client: number;
  readonly clock: number;
}

export interface UpdateItem {
  readonly is: 'item';
  readonly client: number;
  readonly clock: number;
  /** In clocks, as Yjs counts it (`content.getLength()`). */
  readonly length: number;
  readonly origin: StructId | null;
  readonly rightOrigin: StructId | null;
  /**
   * Written only by an item with neither origin: the name of a root type, or the id of
   * the item holding the shared type it is in. Null when the origins place it.
   */
  readonly parent: string | StructId | null;
  /** Its map key, written only with `parent`. */
  readonly parentSub: string | null;
  /** Yjs's content kind (`info & 31`): 1 deleted, 7 a shared type, 8 values, … */
  readonly content: number;
  /** Of a shared type: Yjs's type ref (0 array, 1 map, 2 text, 3 XML element, …); else -1. */
  readonly typeRef: number;
  /** Of values (kind 8) when there is exactly one: its encoding (lib0 `writeAny`); else null. */
  readonly value: Uint8Array | null;
}

/** A GC (collected clocks) or a Skip (clocks a merged update leaves out). */
export interface UpdateGap {
  readonly is: 'gc' | 'skip';
  readonly client: number;
  readonly clock: number;
  readonly length: number;
}

export type UpdateStruct = UpdateItem | UpdateGap;

export interface DeleteRange {
  readonly clock: number;
  readonly len: number;
}

/** Structs in update order; deleted ranges by client, in update order (as Yjs reads them). */
export interface UpdateStructs {
  readonly structs: UpdateStruct[];
  readonly deletes: Map<number, DeleteRange[]>;
}

/** Yjs content kinds the guard tells apart. */
export const ContentKind = { Deleted: 1, Type: 7, Any: 8 } as const;

/** Yjs type refs (`typeRefs`), by name. */
export const TypeRef = {
  Array: 0,
  Map: 1,
  Text: 2,
  XmlElement: 3,
  XmlFragment: 4,
  XmlHook: 5,
  XmlText: 6,
} as const;

/** The one value of a values item, decoded as Yjs decodes it (lib0 `readAny`). */
export function loneValue(item: UpdateItem): unknown {
  if (item.value === null) throw new Error('the item does not hold exactly one value');
  return decoding.readAny(decoding.createDecoder(item.value));
}

/** Yjs `isDeleted` on a delete set as read from an update: a binary search of the client's ranges. */
export function isDeletedIn(deletes: ReadonlyMap<number, DeleteRange[]>, id: StructId): boolean {
  const ranges = deletes.get(id.client);
  if (ranges === undefined) return false;
  let left = 0;
  let right = ranges.length - 1;
  while (left <= right) {
    const middle = Math.floor((left + right) / 2);
    const range = ranges[middle] as DeleteRange;
    if (range.clock <= id.clock) {
      if (id.clock < range.clock + range.len) return true;
      left = middle + 1;
    } else right = middle - 1;
  }
  return false;
}
