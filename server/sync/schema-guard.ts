/**
 * Refuses a client's update that would break its item's schema (`shared/documents/
 * item-schema.ts`): a string pushed into a measure's points, a map in place of a
 * text field, a driver node with an object id, a new `meta.kind`, a text field or
 * row id deleted. One such update used to blank the lab for everyone. It also refuses
 * what only the server writes (`serverOnlyProblem`): a workshop board's notes, their
 * words and authors, and what a cluster or note became.
 *
 * It checks only what the update writes, never the whole document: each new item is
 * placed (which map key, list or row it lands in) from its parent or origin, found in
 * the update itself, in the room's document, or among the updates this guard
 * accepted that the room has not applied yet (the room applies stored updates in
 * batches, `apply-queue.ts`). Deleted ranges are checked only for entries a reader
 * needs. The cost is proportional to the update, not to the document.
 *
 * It reads the update as `checkUpdate` collected it in its own walk (`update-structs.ts`),
 * so the update is not decoded a second time, and a lone value is decoded only when
 * its slot has a rule for it.
 */
import * as Y from 'yjs';
import {
  childSlot,
  entryProblem,
  isRequiredEntry,
  rootSlot,
  serverOnlyProblem,
  type Slot,
  type Written,
} from '../../shared/documents/item-schema';
import type { ItemKind } from '../../shared/schemas/records';
import type { UpdateShape } from './update-check';
import {
  ContentKind,
  type DeleteRange,
  isDeletedIn,
  loneValue,
  type StructId,
  TypeRef,
  type UpdateItem,
  type UpdateStruct,
  type UpdateStructs,
} from './update-structs';

/** Where an item lands: its slot, its map key (null in a list), its parent's identity. */
interface Placed {
  readonly slot: Slot;
  readonly key: string | null;
  readonly parentKey: string;
  /** The slot of its contents, when it is a shared type. */
  readonly child: Slot | null;
}
/** An item Yjs will integrate as garbage (its parent or origin was collected). */
const COLLECTED = 'collected';
type Placement = Placed | typeof COLLECTED;
type Deletes = ReadonlyMap<number, DeleteRange[]>;

interface Remembered {
  readonly clock: number;
  length: number;
  readonly placement: Placement;
}

export class SchemaViolation extends Error {}

/** What an item of the document holds, as the rules see it. */
function writtenOfContent(content: Y.Item['content']): Written {
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlText) return { is: 'xml', element: false };
    if (type instanceof Y.XmlElement) return { is: 'xml', element: true };
    if (type instanceof Y.XmlHook) return { is: 'other' };
    if (type instanceof Y.Text) return { is: 'text' };
    if (type instanceof Y.Map) return { is: 'map' };
    return { is: 'other' };
  }
  if (content instanceof Y.ContentAny && content.arr.length === 1)
    return { is: 'value', value: content.arr[0] };
  return { is: 'other' };
}

/** What an item of an update holds, as the rules see it: as `writtenOfContent` of its decoding. */
function writtenOfItem(item: UpdateItem): Written {
  if (item.content === ContentKind.Type) {
    switch (item.typeRef) {
      case TypeRef.XmlText:
        return { is: 'xml', element: false };
      case TypeRef.XmlElement:
        return { is: 'xml', element: true };
      case TypeRef.Text:
        return { is: 'text' };
      case TypeRef.Map:
        return { is: 'map' };
      default:
        return { is: 'other' };
    }
  }
  if (item.content === ContentKind.Any && item.value !== null)
    return { is: 'value', value: loneValue(item) };
  return { is: 'other' };
}

const typeKey = (id: StructId) => `${id.client}:${id.clock}`;

/** Where an item of an update lands, with the slot of its contents when it is a shared type. */
function placedItem(
  kind: ItemKind,
  item: UpdateItem,
  slot: Slot,
  key: string | null,
  parentKey: string,
): Placed {
  const child =
    item.content === ContentKind.Type ? childSlot(kind, slot, writtenOfItem(item), key) : null;
  return { slot, key, parentKey, child };
}

/** What the update writes, which the room asks `checkUpdate` for when it has a guard. */
function writtenBy(shape: UpdateShape): UpdateStructs {
  if (shape.written === null) throw new Error('the update was checked without what it writes');
  return shape.written;
}

export class SchemaGuard {
  /** Items of accepted updates the document may not hold yet, by client, in clock order. */
  private readonly remembered = new Map<number, Remembered[]>();
  private readonly slotOfType = new WeakMap<Y.AbstractType<unknown>, Slot>();
  /** Where an element (no map key, no shared type) of a live type sits. */
  private readonly elementOfType = new WeakMap<Y.AbstractType<unknown>, Placed>();

  constructor(
    private readonly kind: ItemKind,
    /** The room's document as applied so far (it may lag behind what was accepted). */
    private readonly doc: Y.Doc,
  ) {}

  /**
   * Throws SchemaViolation when the update breaks the schema; otherwise remembers it.
   * `shape` is the update as `checkUpdate(update, true)` read it.
   */
  check(shape: UpdateShape): void {
    this.forgetApplied();
    const { structs, deletes } = writtenBy(shape);
    const ofUpdate = new StructsById(structs);
    const placements = new Map<UpdateItem, Placement | null>();
    const place = (item: UpdateItem) => this.placeInUpdate(item, ofUpdate, placements);
    const written = new Set<string>();
    // Indexed loops, no destructuring, here and below: this runs on every update, much
    // of it before the code is optimised, where iterators cost several times more.
    for (let i = 0; i < structs.length; i++) {
      const struct = structs[i] as UpdateStruct;
      if (struct.is !== 'item') continue;
      const placed = place(struct);
      if (placed === null)
        throw new SchemaViolation('the update builds on content the server does not have');
      if (placed === COLLECTED || struct.content === ContentKind.Deleted) continue;
      // Anything goes in a free slot (`entryProblem`): its value need not be decoded.
      const problem =
        placed.slot.at === 'free'
          ? null
          : (entryProblem(this.kind, placed.slot, placed.key, writtenOfItem(struct)) ??
            serverOnlyProblem(this.kind, placed.slot, placed.key));
      if (problem !== null) throw new SchemaViolation(problem);
      if (placed.key !== null) written.add(`${placed.parentKey}\u0000${placed.key}`);
    }
    this.checkDeletions(deletes, written);
    this.remember(structs, place);
  }

  /** Remembers where an update the server wrote itself puts its items (never refused). */
  note(shape: UpdateShape): void {
    this.forgetApplied();
    const { structs } = writtenBy(shape);
    const ofUpdate = new StructsById(structs);
    const placements = new Map<UpdateItem, Placement | null>();
    this.remember(structs, (item) => this.placeInUpdate(item, ofUpdate, placements));
  }

  private remember(structs: UpdateStruct[], place: (item: UpdateItem) => Placement | null): void {
    for (let i = 0; i < structs.length; i++) {
      const struct = structs[i] as UpdateStruct;
      if (struct.is === 'skip') continue;
      const placement = struct.is === 'item' ? place(struct) : COLLECTED;
      if (placement === null) continue;
      const { client, clock, length } = struct;
      const list = this.remembered.get(client);
      const last = list?.at(-1);
      // Consecutive clocks placed alike (a run of typing) are one entry.
      if (last && last.placement === placement && last.clock + last.length === clock)
        last.length += length;
      else if (list) list.push({ clock, length, placement });
      else this.remembered.set(client, [{ clock, length, placement }]);
    }
  }

  /** Drops what the document now holds itself (entries come in clock order: from the front). */
  private forgetApplied(): void {
    this.remembered.forEach((list, client) => {
      const state = Y.getState(this.doc.store, client);
      let applied = 0;
      while (
        applied < list.length &&
        (list[applied]?.clock ?? 0) + (list[applied]?.length ?? 0) <= state
      )
        applied += 1;
      if (applied === list.length) this.remembered.delete(client);
      else if (applied > 0) list.splice(0, applied);
    });
  }

  private placeInUpdate(
    item: UpdateItem,
    ofUpdate: StructsById,
    memo: Map<UpdateItem, Placement | null>,
  ): Placement | null {
    if (memo.has(item)) return memo.get(item) ?? null;
    memo.set(item, null); // a cycle of origins within the update resolves to "unknown"
    const placement = this.resolve(item, ofUpdate, memo);
    memo.set(item, placement);
    return placement;
  }

  private resolve(
    item: UpdateItem,
    ofUpdate: StructsById,
    memo: Map<UpdateItem, Placement | null>,
  ): Placement | null {
    const { parent } = item;
    if (typeof parent === 'string')
      return placedItem(this.kind, item, rootSlot(this.kind, parent), item.parentSub, parent);
    const ref = parent ?? item.origin ?? item.rightOrigin;
    if (ref === null) return null;
    const found = this.find(ref, ofUpdate, memo);
    if (found === null || found === COLLECTED) return found;
    if (parent !== null) {
      if (found.child === null) return null; // the parent is not a shared type
      return placedItem(this.kind, item, found.child, item.parentSub, typeKey(parent));
    }
    // Placed next to its origin: same parent, same map key. Most items (typing) are no
    // shared type next to one that is none either: their placement is the origin's own.
    if (item.content !== ContentKind.Type && found.child === null) return found;
    return placedItem(this.kind, item, found.slot, found.key, found.parentKey);
  }

  /** Where the item holding `id` sits: in the update, the document, or what was accepted. */
  private find(
    id: StructId,
    ofUpdate: StructsById,
    memo: Map<UpdateItem, Placement | null>,
  ): Placement | null {
    const inUpdate = ofUpdate.find(id);
    if (inUpdate !== null)
      return inUpdate.is === 'item' ? this.placeInUpdate(inUpdate, ofUpdate, memo) : COLLECTED;
    if (id.clock < Y.getState(this.doc.store, id.client)) {
      const struct = Y.getItem(this.doc.store, Y.createID(id.client, id.clock)) as Y.Item | Y.GC;
      return struct instanceof Y.Item ? this.placeOfDocItem(struct) : COLLECTED;
    }
    const list = this.remembered.get(id.client) ?? [];
    for (let i = list.length - 1; i >= 0; i -= 1) {
      const entry = list[i];
      if (entry && entry.clock <= id.clock && id.clock < entry.clock + entry.length)
        return entry.placement;
    }
    return null;
  }

  private placeOfDocItem(item: Y.Item): Placement {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return COLLECTED;
    const slot = this.slotOf(parent);
    if (item.content instanceof Y.ContentType) {
      const child = childSlot(this.kind, slot, writtenOfContent(item.content), item.parentSub);
      return { slot, key: item.parentSub, parentKey: this.parentKeyOf(parent), child };
    }
    if (item.parentSub !== null)
      return { slot, key: item.parentSub, parentKey: this.parentKeyOf(parent), child: null };
    // An element of a list or a text: one placement per parent, made once.
    let element = this.elementOfType.get(parent);
    if (!element) {
      element = { slot, key: null, parentKey: this.parentKeyOf(parent), child: null };
      this.elementOfType.set(parent, element);
    }
    return element;
  }

  private parentKeyOf(type: Y.AbstractType<unknown>): string {
    return type._item === null ? Y.findRootTypeKey(type) : typeKey(type._item.id);
  }

  /** The slot of a live shared type's contents. */
  private slotOf(type: Y.AbstractType<unknown>): Slot {
    const known = this.slotOfType.get(type);
    if (known) return known;
    const owner = type._item;
    let slot: Slot;
    if (owner === null) slot = rootSlot(this.kind, Y.findRootTypeKey(type));
    else if (owner.parent instanceof Y.AbstractType)
      slot = childSlot(
        this.kind,
        this.slotOf(owner.parent),
        writtenOfContent(owner.content),
        owner.parentSub,
      );
    else slot = { at: 'free' };
    this.slotOfType.set(type, slot);
    return slot;
  }

  /** Refuses deleting an entry readers need (the kind, a text field, a row id) without a new one. */
  private checkDeletions(ds: Deletes, written: ReadonlySet<string>): void {
    ds.forEach((ranges, client) => {
      const structs = this.doc.store.clients.get(client);
      if (!structs) return;
      const state = Y.getState(this.doc.store, client);
      for (let r = 0; r < ranges.length; r++) {
        const range = ranges[r] as DeleteRange;
        const end = Math.min(range.clock + range.len, state);
        if (range.clock >= end) continue;
        for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i += 1) {
          const struct = structs[i];
          if (!struct || struct.id.clock >= end) break;
          if (struct instanceof Y.Item) this.checkDeleted(struct, ds, written);
        }
      }
    });
  }

  private checkDeleted(item: Y.Item, ds: Deletes, written: ReadonlySet<string>): void {
    const parent = item.parent;
    const key = item.parentSub;
    if (item.deleted || !(parent instanceof Y.AbstractType)) return;
    if (key !== null && parent._map.get(key) !== item) return; // an older value of the key
    // Deleting a row deletes its entries with it: only a lone entry's deletion matters.
    const owner = parent._item;
    if (owner !== null && (owner.deleted || isDeletedIn(ds, owner.id))) return;
    const slot = this.slotOf(parent);
    if (key === null) {
      // Characters of a text only the server writes (a note's words): the row goes whole or not at all.
      if (slot.at === 'sealed')
        throw new SchemaViolation(`the update deletes from the ${slot.what}`);
      return;
    }
    if (!isRequiredEntry(this.kind, slot, key)) return;
    if (written.has(`${this.parentKeyOf(parent)}\u0000${key}`)) return;
    throw new SchemaViolation(`the update deletes "${key}", which the item needs`);
  }
}

/** The structs of one update, found by id. */
class StructsById {
  private readonly byClient = new Map<number, UpdateStruct[]>();

  constructor(structs: readonly UpdateStruct[]) {
    for (let i = 0; i < structs.length; i++) {
      const struct = structs[i] as UpdateStruct;
      const list = this.byClient.get(struct.client) ?? [];
      list.push(struct);
      this.byClient.set(struct.client, list);
    }
  }

  /** Binary search: a client's structs in an update are in clock order. */
  find(id: StructId): UpdateStruct | null {
    const list = this.byClient.get(id.client) ?? [];
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle];
      if (!struct) return null;
      if (id.clock < struct.clock) high = middle - 1;
      else if (id.clock >= struct.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return null;
  }
}
