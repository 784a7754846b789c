/**
 * The on-disk format of one document's update log, as pure functions (no fs).
 *
 *   header: "YLOG" (4 bytes) + u32 LE format version
 *   record: u32 LE frame word + u32 LE CRC-32 of the payload + payload
 *           frame word: bits 0-30 the payload's length; bit 31 set when the payload is
 *           a Yjs update in the version-2 encoding (clear: version 1, as clients send)
 *
 * Format 1 files (written before compacted states were stored in version 2) never set
 * bit 31, so they read the same; appends to them add version-1 records, which format 1
 * allows. Every file written whole (a new log, a compaction, a repair) is format 2,
 * which a server that only knows format 1 refuses to open (and leaves as it is)
 * instead of misreading.
 *
 * Records are only ever appended, so a crash can leave at most one damaged
 * record, at the end. `scanLog` finds where the valid records end and why, so the
 * store can cut a torn tail off instead of refusing to load the document. Damage
 * elsewhere (a flipped bit on disk) costs only the records it touches: the scan
 * resynchronises on the next record whose frame and CRC check out and that is
 * followed by another valid record or by the end of the file.
 */
import { crc32 } from 'node:zlib';
import type { StoredUpdate, UpdateEncoding } from './doc-store';

export const LOG_MAGIC = Uint8Array.of(0x59, 0x4c, 0x4f, 0x47); // "YLOG"
/** The format written; format 1 (no version-2 records) is still read and appended to. */
export const LOG_FORMAT_VERSION = 2;
const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];
export const LOG_HEADER_BYTES = LOG_MAGIC.length + 4;
export const RECORD_FRAME_BYTES = 8;
const LENGTH_MASK = 0x7fff_ffff;
const V2_FLAG = 0x8000_0000;
const MAX_PAYLOAD_BYTES = LENGTH_MASK;

/** Why the valid prefix of a log ends where it does. */
export type ScanEnd =
  /** Every byte belongs to a valid record. */
  | 'clean'
  /** Fewer than 8 bytes after the last record: a record frame was cut short. */
  | 'torn-length'
  /** The frame promises more payload than the file holds. */
  | 'torn-payload'
  /** The payload does not match its CRC-32 (a torn or damaged write). */
  | 'checksum-mismatch'
  /** A frame of an empty payload, which is never written: zeroed or damaged bytes. */
  | 'empty-record'
  /** Not a log of this format (wrong magic or version, or shorter than a header). */
  | 'bad-header';

/** Bytes `[start, end)` of a log that hold no valid record, with valid records after them. */
export interface SkippedRange {
  readonly start: number;
  readonly end: number;
}

export interface LogScan {
  /** The valid records, in order (their updates are views into the scanned bytes). */
  readonly records: StoredUpdate[];
  /** Byte offset where the last valid record ends (0 when the header is bad). */
  readonly validEnd: number;
  /** How the file ends after the last valid record. */
  readonly end: ScanEnd;
  /** Damaged stretches before `validEnd` that the scan stepped over, in order. */
  readonly skipped: SkippedRange[];
}

/** The bytes every log file starts with. */
export function encodeHeader(): Uint8Array {
  const header = new Uint8Array(LOG_HEADER_BYTES);
  header.set(LOG_MAGIC, 0);
  new DataView(header.buffer).setUint32(LOG_MAGIC.length, LOG_FORMAT_VERSION, true);
  return header;
}

/**
 * Frames one update as a record (a copy: later changes to `payload` do not affect it).
 * `encoding` is the Yjs encoding of the update: version 1 unless said otherwise.
 */
export function encodeRecord(payload: Uint8Array, encoding: UpdateEncoding = 'v1'): Uint8Array {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) {
    throw new RangeError(`a log record holds at most ${MAX_PAYLOAD_BYTES} bytes`);
  }
  // Eight zero bytes frame an empty payload with a valid CRC: refusing empty records
  // means a zeroed stretch of a damaged file can never be read as records.
  if (payload.byteLength === 0) throw new RangeError('a log record cannot be empty');
  const record = new Uint8Array(RECORD_FRAME_BYTES + payload.byteLength);
  const view = new DataView(record.buffer);
  // `>>> 0` keeps the word unsigned once bit 31 is set.
  const word = encoding === 'v2' ? (payload.byteLength | V2_FLAG) >>> 0 : payload.byteLength;
  view.setUint32(0, word, true);
  view.setUint32(4, crc32(payload), true);
  record.set(payload, RECORD_FRAME_BYTES);
  return record;
}

function hasValidHeader(bytes: Uint8Array): boolean {
  if (bytes.byteLength < LOG_HEADER_BYTES) return false;
  for (let i = 0; i < LOG_MAGIC.length; i++) {
    if (bytes[i] !== LOG_MAGIC[i]) return false;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, LOG_HEADER_BYTES);
  return READABLE_FORMAT_VERSIONS.includes(view.getUint32(LOG_MAGIC.length, true));
}

type RecordAt =
  | { readonly ok: true; readonly record: StoredUpdate; readonly next: number }
  | { readonly ok: false; readonly problem: Exclude<ScanEnd, 'clean' | 'bad-header'> };

function recordAt(bytes: Uint8Array, view: DataView, offset: number): RecordAt {
  if (bytes.byteLength - offset < RECORD_FRAME_BYTES) return { ok: false, problem: 'torn-length' };
  const word = view.getUint32(offset, true);
  const length = word & LENGTH_MASK;
  if (length === 0) return { ok: false, problem: 'empty-record' };
  const start = offset + RECORD_FRAME_BYTES;
  if (bytes.byteLength - start < length) return { ok: false, problem: 'torn-payload' };
  const payload = bytes.subarray(start, start + length);
  if (crc32(payload) !== view.getUint32(offset + 4, true)) {
    return { ok: false, problem: 'checksum-mismatch' };
  }
  const encoding: UpdateEncoding = word >= V2_FLAG ? 'v2' : 'v1';
  return { ok: true, record: { update: payload, encoding }, next: start + length };
}

/**
 * The first offset after `from` where valid records resume, or null. A candidate must
 * frame a non-empty payload that fits the file and matches its CRC-32, and be followed
 * by the end of the file or by another such record: garbage passes one 32-bit check
 * by chance about once in four billion offsets, and two chained ones practically never.
 */
function resyncFrom(bytes: Uint8Array, view: DataView, from: number): number | null {
  const plausible = (offset: number): number | null => {
    const found = recordAt(bytes, view, offset);
    return found.ok ? found.next : null;
  };
  for (let offset = from; offset + RECORD_FRAME_BYTES < bytes.byteLength; offset++) {
    const next = plausible(offset);
    if (next === null) continue;
    if (next === bytes.byteLength || plausible(next) !== null) return offset;
  }
  return null;
}

/** Reads a whole log file: its valid records, where they end and why. Never throws. */
export function scanLog(input: Uint8Array): LogScan {
  // Plain Uint8Array views (not Buffer subclasses) whatever the caller read with.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (!hasValidHeader(bytes)) return { records: [], validEnd: 0, end: 'bad-header', skipped: [] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: StoredUpdate[] = [];
  const skipped: SkippedRange[] = [];
  let offset = LOG_HEADER_BYTES;
  while (offset < bytes.byteLength) {
    const found = recordAt(bytes, view, offset);
    if (found.ok) {
      records.push(found.record);
      offset = found.next;
      continue;
    }
    const resumes = resyncFrom(bytes, view, offset + 1);
    // Nothing valid follows: the damage is the tail (a torn write), cut there.
    if (resumes === null) return { records, validEnd: offset, end: found.problem, skipped };
    skipped.push({ start: offset, end: resumes });
    offset = resumes;
  }
  return { records, validEnd: offset, end: 'clean', skipped };
}

/** A sentence for logs saying what a scan end means. */
export function describeScanEnd(end: ScanEnd): string {
  switch (end) {
    case 'clean':
      return 'the log ends after a complete record';
    case 'torn-length':
      return 'the last record frame is cut short (torn write)';
    case 'torn-payload':
      return 'the last record payload is cut short (torn write)';
    case 'checksum-mismatch':
      return 'a record payload does not match its CRC-32 (torn or damaged write)';
    case 'empty-record':
      return 'a record frame claims an empty payload (zeroed or damaged bytes)';
    case 'bad-header':
      return 'the file does not start with a valid update-log header';
    default: {
      const unknown: never = end;
      return `unknown scan end ${String(unknown)}`;
    }
  }
}
