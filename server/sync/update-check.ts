/**
 * Whether bytes are a Yjs update (encoding v1) that a Yjs document can apply, checked
 * by walking the format without building it: no structs, no content objects, no
 * strings except the JSON ones Yjs parses. The room runs it on every update before the
 * update is stored, so it must cost far less than the apply that follows. It accepts
 * nothing `Y.decodeUpdate` refuses and refuses nothing it accepts, with three
 * deliberate differences:
 * - a read past the end of the update is an error here, where lib0 may read on into
 *   the buffer the update is a view of;
 * - a struct or deleted range of length 0 is refused. Yjs never writes one, and
 *   applying one can throw halfway through a transaction (an empty string item that
 *   another item names as its origin does), leaving the document half changed. The
 *   room broadcasts an update before it applies it, so an update must not be able to
 *   fail there;
 * - an item that names its own client at or after its own clock (as origin, right
 *   origin or parent) is refused. Yjs (13.6, `Item.getMissing` and `integrateStructs`)
 *   only waits for references to other clients: one to another client's clock it does
 *   not hold yet keeps the item pending until that clock arrives, and is then always
 *   found. An item of a client is integrated only once that client's earlier clocks are
 *   in the store, so a reference to an earlier clock of its own client is found too;
 *   a reference to its own or a later clock never is, and `findIndexSS` throws (at
 *   once, or when a gap before the item is filled). Yjs never writes such an item: an
 *   item's references existed when it was created, and a struct written from an offset
 *   names the clock just before it. This rule needs no document state, so pending
 *   items are covered as well as the ones applied at once.
 * `tests/unit/update-check.test.ts` compares the check with `Y.decodeUpdate` on real
 * and damaged updates, and `tests/unit/update-check-apply.test.ts` with a real apply
 * on a copy of a document, over tens of thousands of mutated updates.
 *
 * Format (Yjs `UpdateEncoderV1`): structs, then the delete set.
 *   structs:    varUint clients, each: varUint count, varUint client, varUint clock, struct*
 *   struct:     uint8 info; info & 31 == 0: GC (varUint length); info == 10: Skip
 *               (varUint length); else an Item: origin id if bit 8, right origin id if
 *               bit 7; with neither, varUint parent kind (1: string key, else an id) and
 *               a string parentSub if bit 6; then content by kind (info & 31, 1 to 9)
 *   delete set: varUint clients, each: varUint client, varUint count, (varUint clock, len)*
 */
import { any, MalformedUpdateError, Reader } from './update-reader';
import type { DeleteRange, StructId, UpdateStructs } from './update-structs';

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;
const SKIP = 10;
/** Content kinds (`info & 31`): Yjs `contentRefs`. */
const Content = {
  Deleted: 1,
  Json: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
} as const;
/** Type refs (Yjs `typeRefs`): 0 to 6; XmlElement (3) and XmlHook (5) carry a name. */
const LAST_TYPE_REF = 6;
const TYPE_REFS_WITH_NAME = new Set([3, 5]);

/** What `content` notes of an item for the schema guard, reused across one walk. */
interface ContentFacts {
  typeRef: number;
  value: Uint8Array | null;
}

/**
 * Reads an item's content; returns its length in clocks (Yjs `content.getLength()`).
 * With `facts`, notes a shared type's type ref and the bytes of a lone value.
 */
function content(reader: Reader, kind: number, facts: ContentFacts | null): number {
  switch (kind) {
    case Content.Deleted:
      return reader.length();
    case Content.Json: {
      const length = reader.length();
      for (let i = 0; i < length; i++) reader.json(true);
      return length;
    }
    case Content.Binary:
      reader.bytesField();
      return 1;
    case Content.String: {
      const units = reader.stringUnits();
      if (units === 0) throw new MalformedUpdateError('empty struct or range');
      return units;
    }
    case Content.Embed:
      reader.json(false);
      return 1;
    case Content.Format:
      reader.string();
      reader.json(false);
      return 1;
    case Content.Type: {
      const typeRef = reader.varUint();
      if (typeRef > LAST_TYPE_REF) throw new MalformedUpdateError(`unknown type ${typeRef}`);
      if (TYPE_REFS_WITH_NAME.has(typeRef)) reader.string();
      if (facts) facts.typeRef = typeRef;
      return 1;
    }
    case Content.Any: {
      const length = reader.length();
      const start = reader.position;
      for (let i = 0; i < length; i++) any(reader);
      if (facts && length === 1) facts.value = reader.since(start);
      return length;
    }
    case Content.Doc:
      reader.string();
      // Yjs reads `opts.shouldLoad` of the options it decodes here.
      if (any(reader)) throw new MalformedUpdateError('sub-document without options');
      return 1;
    default:
      throw new MalformedUpdateError(`unknown content kind ${kind}`);
  }
}

/**
 * What an update covers and what it depends on, for `update-fit.ts` to compare with
 * the room's state: one run of structs per client, and the ids its items name of
 * other clients; and, when asked for, what it writes (`update-structs.ts`).
 */
export interface UpdateShape {
  readonly runs: StructRun[];
  /** Flat quadruples: run index, struct index in the run, then the client and clock named. */
  readonly references: number[];
  /** What the update writes, for the schema guard; null unless asked for. */
  readonly written: UpdateStructs | null;
}

export interface StructRun {
  readonly client: number;
  /** The first clock of the run. */
  readonly start: number;
  /** One past the last clock of each struct that is not a Skip, in order. */
  readonly ends: number[];
  /** Whether a struct follows a Skip: it could only wait as pending. */
  gap: boolean;
}

/** One pass over an update: the reader, the shape so far, and what it writes when asked. */
interface Walk {
  readonly reader: Reader;
  readonly shape: UpdateShape;
  readonly written: UpdateStructs | null;
  readonly facts: ContentFacts;
}

/** One past the last clock the run covers. */
export function runEnd(run: StructRun): number {
  return run.ends.at(-1) ?? run.start;
}

/** An id an item names: of its own client it must be before the item (see above). */
function reference(walk: Walk, run: StructRun, clock: number): StructId {
  const id = walk.reader.id();
  const { shape } = walk;
  if (id.client !== run.client) {
    shape.references.push(shape.runs.length, run.ends.length, id.client, id.clock);
  } else if (id.clock >= clock) {
    throw new MalformedUpdateError(
      `item ${run.client}:${clock} names ${id.client}:${id.clock}, not before it`,
    );
  }
  return id;
}

/** A root type's name or a map key: decoded only when the guard will read it. */
function name(walk: Walk): string {
  if (walk.written !== null) return walk.reader.text();
  walk.reader.string();
  return '';
}

/** Reads the struct at `clock` of `run`'s client into it; returns its length in clocks. */
function struct(walk: Walk, run: StructRun, clock: number): number {
  const { reader } = walk;
  const structs = walk.written?.structs;
  const client = run.client;
  const info = reader.uint8();
  if (info === SKIP) {
    const length = reader.length();
    structs?.push({ is: 'skip', client, clock, length });
    return length;
  }
  if (clock > runEnd(run)) run.gap = true;
  let length: number;
  if ((info & BITS5) === 0) {
    length = reader.length();
    structs?.push({ is: 'gc', client, clock, length });
  } else {
    const origin = info & BIT8 ? reference(walk, run, clock) : null;
    const rightOrigin = info & BIT7 ? reference(walk, run, clock) : null;
    let parent: string | StructId | null = null;
    let parentSub: string | null = null;
    if ((info & (BIT7 | BIT8)) === 0) {
      parent = reader.varUint() === 1 ? name(walk) : reference(walk, run, clock);
      if (info & BIT6) parentSub = name(walk);
    }
    const kind = info & BITS5;
    if (structs === undefined) length = content(reader, kind, null);
    else {
      const { facts } = walk;
      facts.typeRef = -1;
      facts.value = null;
      length = content(reader, kind, facts);
      structs.push({
        is: 'item',
        client,
        clock,
        length,
        origin,
        rightOrigin,
        parent,
        parentSub,
        content: kind,
        typeRef: facts.typeRef,
        value: facts.value,
      });
    }
  }
  run.ends.push(clock + length);
  return length;
}

/**
 * Throws `MalformedUpdateError` (or the `SyntaxError` of a bad JSON value) unless the
 * update is valid; returns its shape, with what it writes when `withWritten` (the
 * schema guard's input, collected in the same pass).
 */
export function checkUpdate(update: Uint8Array, withWritten = false): UpdateShape {
  const reader = new Reader(update);
  const written: UpdateStructs | null = withWritten ? { structs: [], deletes: new Map() } : null;
  const shape: UpdateShape = { runs: [], references: [], written };
  const walk: Walk = { reader, shape, written, facts: { typeRef: -1, value: null } };
  const clients = reader.varUint();
  for (let c = 0; c < clients; c++) {
    const structs = reader.varUint();
    const client = reader.varUint();
    let clock = reader.varUint();
    const run: StructRun = { client, start: clock, ends: [], gap: false };
    for (let s = 0; s < structs; s++) clock += struct(walk, run, clock);
    if (run.ends.length > 0) shape.runs.push(run);
  }
  const deleteClients = reader.varUint();
  for (let c = 0; c < deleteClients; c++) {
    const client = reader.varUint();
    const deletes = reader.varUint();
    // As Yjs reads a delete set: a client named twice adds to its first list.
    let ranges: DeleteRange[] | undefined;
    if (written !== null && deletes > 0) {
      ranges = written.deletes.get(client) ?? [];
      written.deletes.set(client, ranges);
    }
    for (let d = 0; d < deletes; d++) {
      const clock = reader.varUint();
      const len = reader.length();
      ranges?.push({ clock, len });
    }
  }
  return shape;
}
