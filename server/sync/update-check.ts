/**
 * Whether bytes are a Yjs update (encoding v1) that `Y.decodeUpdate` reads without
 * error, checked by walking the format without building it: no structs, no content
 * objects, no strings except the JSON ones Yjs parses. The room runs it on every
 * update before the update is stored, so it must cost far less than the apply that
 * follows. It accepts nothing `Y.decodeUpdate` refuses and refuses nothing it
 * accepts, with two deliberate differences:
 * - a read past the end of the update is an error here, where lib0 may read on into
 *   the buffer the update is a view of;
 * - a struct or deleted range of length 0 is refused. Yjs never writes one, and
 *   applying one can throw halfway through a transaction (an empty string item that
 *   another item names as its origin does), leaving the document half changed. The
 *   room broadcasts an update before it applies it, so an update must not be able to
 *   fail there.
 * `tests/unit/update-check.test.ts` compares the two on real and damaged updates, and
 * applies thousands of random well-formed updates to a real document.
 *
 * Format (Yjs `UpdateEncoderV1`): structs, then the delete set.
 *   structs:    varUint clients, each: varUint count, varUint client, varUint clock, struct*
 *   struct:     uint8 info; info & 31 == 0: GC (varUint length); info == 10: Skip
 *               (varUint length); else an Item: origin id if bit 8, right origin id if
 *               bit 7; with neither, varUint parent kind (1: string key, else an id) and
 *               a string parentSub if bit 6; then content by kind (info & 31, 1 to 9)
 *   delete set: varUint clients, each: varUint client, varUint count, (varUint clock, len)*
 */
import { isUtf8 } from 'node:buffer';

export class MalformedUpdateError extends Error {
  override readonly name = 'MalformedUpdateError';
}

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
/** lib0 `readAny` tags, 127 down to 116. */
const Any = {
  Undefined: 127,
  Null: 126,
  Integer: 125,
  Float32: 124,
  Float64: 123,
  BigInt64: 122,
  False: 121,
  True: 120,
  String: 119,
  Object: 118,
  Array: 117,
  Bytes: 116,
} as const;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class Reader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  uint8(): number {
    const byte = this.bytes[this.pos];
    if (byte === undefined) throw new MalformedUpdateError('update ends inside a struct');
    this.pos += 1;
    return byte;
  }

  /** lib0 `readVarUint`: 7 bits a byte, at most a safe integer. */
  varUint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      const byte = this.uint8();
      num += (byte & 0x7f) * mult;
      mult *= 128;
      if (byte < BIT8) return num;
      if (num > Number.MAX_SAFE_INTEGER) throw new MalformedUpdateError('integer out of range');
    }
  }

  /** lib0 `readVarInt`: sign and 6 bits in the first byte, then 7 bits a byte. */
  varInt(): void {
    let byte = this.uint8();
    let num = byte & 0x3f;
    let mult = 64;
    while (byte >= BIT8) {
      byte = this.uint8();
      num += (byte & 0x7f) * mult;
      mult *= 128;
      if (byte >= BIT8 && num > Number.MAX_SAFE_INTEGER) {
        throw new MalformedUpdateError('integer out of range');
      }
    }
  }

  skip(length: number): void {
    if (length > this.bytes.length - this.pos) throw new MalformedUpdateError('update truncated');
    this.pos += length;
  }

  /** A length-prefixed byte array (`readVarUint8Array`). */
  bytesField(): Uint8Array {
    const length = this.varUint();
    const start = this.pos;
    this.skip(length);
    return this.bytes.subarray(start, start + length);
  }

  /**
   * lib0 `readVarString` decodes with a fatal UTF-8 decoder: the bytes must be UTF-8.
   * Returns the length in bytes.
   */
  string(): number {
    const bytes = this.bytesField();
    if (!isUtf8(bytes)) throw new MalformedUpdateError('string is not UTF-8');
    return bytes.length;
  }

  /** A length of a struct, of its content or of a deleted range: never 0 (see above). */
  length(): number {
    const length = this.varUint();
    if (length === 0) throw new MalformedUpdateError('empty struct or range');
    return length;
  }

  /** A string Yjs goes on to `JSON.parse`. */
  json(allowUndefined: boolean): void {
    const text = utf8.decode(this.bytesField());
    if (allowUndefined && text === 'undefined') return;
    JSON.parse(text);
  }

  id(): void {
    this.varUint();
    this.varUint();
  }
}

/** lib0 `readAny`, without building the value; returns whether it was null or undefined. */
function any(reader: Reader): boolean {
  const tag = reader.uint8();
  switch (tag) {
    case Any.Undefined:
    case Any.Null:
      return true;
    case Any.Integer:
      reader.varInt();
      return false;
    case Any.Float32:
      reader.skip(4);
      return false;
    case Any.Float64:
    case Any.BigInt64:
      reader.skip(8);
      return false;
    case Any.False:
    case Any.True:
      return false;
    case Any.String:
      reader.string();
      return false;
    case Any.Object: {
      const entries = reader.varUint();
      for (let i = 0; i < entries; i++) {
        reader.string();
        any(reader);
      }
      return false;
    }
    case Any.Array: {
      const length = reader.varUint();
      for (let i = 0; i < length; i++) any(reader);
      return false;
    }
    case Any.Bytes:
      reader.bytesField();
      return false;
    default:
      throw new MalformedUpdateError(`unknown value tag ${tag}`);
  }
}

function content(reader: Reader, kind: number): void {
  switch (kind) {
    case Content.Deleted:
      reader.length();
      return;
    case Content.Json: {
      const length = reader.length();
      for (let i = 0; i < length; i++) reader.json(true);
      return;
    }
    case Content.Binary:
      reader.bytesField();
      return;
    case Content.String:
      if (reader.string() === 0) throw new MalformedUpdateError('empty struct or range');
      return;
    case Content.Embed:
      reader.json(false);
      return;
    case Content.Format:
      reader.string();
      reader.json(false);
      return;
    case Content.Type: {
      const typeRef = reader.varUint();
      if (typeRef > LAST_TYPE_REF) throw new MalformedUpdateError(`unknown type ${typeRef}`);
      if (TYPE_REFS_WITH_NAME.has(typeRef)) reader.string();
      return;
    }
    case Content.Any: {
      const length = reader.length();
      for (let i = 0; i < length; i++) any(reader);
      return;
    }
    case Content.Doc:
      reader.string();
      // Yjs reads `opts.shouldLoad` of the options it decodes here.
      if (any(reader)) throw new MalformedUpdateError('sub-document without options');
      return;
    default:
      throw new MalformedUpdateError(`unknown content kind ${kind}`);
  }
}

function struct(reader: Reader): void {
  const info = reader.uint8();
  if (info === SKIP || (info & BITS5) === 0) {
    reader.length(); // of a Skip or a GC
    return;
  }
  if (info & BIT8) reader.id();
  if (info & BIT7) reader.id();
  if ((info & (BIT7 | BIT8)) === 0) {
    if (reader.varUint() === 1) reader.string();
    else reader.id();
    if (info & BIT6) reader.string();
  }
  content(reader, info & BITS5);
}

/** Throws `MalformedUpdateError` (or the `SyntaxError` of a bad JSON value) unless valid. */
export function checkUpdate(update: Uint8Array): void {
  const reader = new Reader(update);
  const clients = reader.varUint();
  for (let c = 0; c < clients; c++) {
    const structs = reader.varUint();
    reader.varUint(); // client
    reader.varUint(); // first clock
    for (let s = 0; s < structs; s++) struct(reader);
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
}
