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

/** Reads an item's content; returns its length in clocks (Yjs `content.getLength()`). */
function content(reader: Reader, kind: number): number {
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
      return 1;
    }
    case Content.Any: {
      const length = reader.length();
      for (let i = 0; i < length; i++) any(reader);
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
 * other clients.
 */
export interface UpdateShape {
  readonly runs: StructRun[];
  /** Flat quadruples: run index, struct index in the run, then the client and clock named. */
  readonly references: number[];
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

/** One past the last clock the run covers. */
export function runEnd(run: StructRun): number {
  return run.ends.at(-1) ?? run.start;
}

/** An id an item names: of its own client it must be before the item (see above). */
function reference(reader: Reader, run: StructRun, clock: number, shape: UpdateShape): void {
  const id = reader.id();
  if (id.client !== run.client) {
    shape.references.push(shape.runs.length, run.ends.length, id.client, id.clock);
  } else if (id.clock >= clock) {
    throw new MalformedUpdateError(
      `item ${run.client}:${clock} names ${id.client}:${id.clock}, not before it`,
    );
  }
}

/** Reads the struct at `clock` of `run`'s client into it; returns its length in clocks. */
function struct(reader: Reader, run: StructRun, clock: number, shape: UpdateShape): number {
  const info = reader.uint8();
  if (info === SKIP) return reader.length();
  if (clock > runEnd(run)) run.gap = true;
  let length: number;
  if ((info & BITS5) === 0)
    length = reader.length(); // a GC
  else {
    if (info & BIT8) reference(reader, run, clock, shape);
    if (info & BIT7) reference(reader, run, clock, shape);
    if ((info & (BIT7 | BIT8)) === 0) {
      if (reader.varUint() === 1) reader.string();
      else reference(reader, run, clock, shape);
      if (info & BIT6) reader.string();
    }
    length = content(reader, info & BITS5);
  }
  run.ends.push(clock + length);
  return length;
}

/**
 * Throws `MalformedUpdateError` (or the `SyntaxError` of a bad JSON value) unless the
 * update is valid; returns its shape.
 */
export function checkUpdate(update: Uint8Array): UpdateShape {
  const reader = new Reader(update);
  const shape: UpdateShape = { runs: [], references: [] };
  const clients = reader.varUint();
  for (let c = 0; c < clients; c++) {
    const structs = reader.varUint();
    const client = reader.varUint();
    let clock = reader.varUint();
    const run: StructRun = { client, start: clock, ends: [], gap: false };
    for (let s = 0; s < structs; s++) clock += struct(reader, run, clock, shape);
    if (run.ends.length > 0) shape.runs.push(run);
  }
  const deleteClients = reader.varUint();
  for (let c = 0; c < deleteClients; c++) {
    reader.varUint(); // client
    const deletes = reader.varUint();
    for (let d = 0; d < deletes; d++) {
      reader.varUint(); // clock
      reader.length();
    }
  }
  return shape;
}
