/**
 * A strict reader of the primitives of a Yjs update (encoding v1): lib0's varUint,
 * varInt, length-prefixed bytes and strings, and `readAny` values, walked without
 * building them. Every read past the end of the update throws `MalformedUpdateError`.
 */
import { isUtf8 } from 'node:buffer';

export class MalformedUpdateError extends Error {
  override readonly name = 'MalformedUpdateError';
}

const BIT8 = 128;
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

export class Reader {
  private pos = 0;
  /**
   * A plain Uint8Array over the update: the room's updates are Buffers, whose
   * `subarray` builds its result through Buffer's own constructor, several times
   * slower than a plain view's.
   */
  private readonly bytes: Uint8Array;

  constructor(update: Uint8Array) {
    this.bytes = new Uint8Array(update.buffer, update.byteOffset, update.byteLength);
  }

  /** The offset of the next byte to read. */
  get position(): number {
    return this.pos;
  }

  /** The bytes from `start` to the current position (a view, not a copy). */
  since(start: number): Uint8Array {
    return this.bytes.subarray(start, this.pos);
  }

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
    const length = this.varUint();
    const start = this.pos;
    this.skip(length);
    if (!this.isAscii(start, length)) this.checkUtf8(start, length);
    return length;
  }

  /**
   * A string's length as Yjs counts it (`ContentString`): UTF-16 code units, one per
   * UTF-8 lead byte and a second for each 4-byte sequence (a surrogate pair).
   */
  stringUnits(): number {
    const length = this.varUint();
    const start = this.pos;
    this.skip(length);
    // Typing is mostly ASCII: one unit a byte, valid UTF-8 without asking.
    if (this.isAscii(start, length)) return length;
    const bytes = this.checkUtf8(start, length);
    let units = 0;
    for (const byte of bytes) {
      if ((byte & 0xc0) !== 0x80) units += 1;
      if (byte >= 0xf0) units += 1;
    }
    return units;
  }

  /** Whether the bytes from `start` are all below 128 (ASCII, so valid UTF-8). */
  private isAscii(start: number, length: number): boolean {
    const { bytes } = this;
    for (let i = start; i < start + length; i++) if ((bytes[i] as number) >= BIT8) return false;
    return true;
  }

  /** The bytes from `start`, which must be UTF-8. */
  private checkUtf8(start: number, length: number): Uint8Array {
    const bytes = this.bytes.subarray(start, start + length);
    if (!isUtf8(bytes)) throw new MalformedUpdateError('string is not UTF-8');
    return bytes;
  }

  /** lib0 `readVarString`: the string itself (a fatal decoder that keeps a BOM, as lib0's). */
  text(): string {
    return utf8.decode(this.utf8String());
  }

  private utf8String(): Uint8Array {
    const bytes = this.bytesField();
    if (!isUtf8(bytes)) throw new MalformedUpdateError('string is not UTF-8');
    return bytes;
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

  /** An id: client, then clock. */
  id(): { client: number; clock: number } {
    return { client: this.varUint(), clock: this.varUint() };
  }
}

/** lib0 `readAny`, without building the value; returns whether it was null or undefined. */
export function any(reader: Reader): boolean {
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
