/**
 * The on-disk format of one document's update log, as pure functions (no fs).
 *
 *   header: "YLOG" (4 bytes) + u32 LE format version
 *   record: u32 LE payload length + u32 LE CRC-32 of the payload + payload
 *
 * Records are only ever appended, so a crash can leave at most one damaged
 * record, at the end. `scanLog` finds where the valid prefix ends and why, so the
 * store can cut the damage off instead of refusing to load the document.
 */
import { crc32 } from 'node:zlib';

export const LOG_MAGIC = Uint8Array.of(0x59, 0x4c, 0x4f, 0x47); // "YLOG"
export const LOG_FORMAT_VERSION = 1;
export const LOG_HEADER_BYTES = LOG_MAGIC.length + 4;
export const RECORD_FRAME_BYTES = 8;
const MAX_PAYLOAD_BYTES = 0xffff_ffff;

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
  /** Not a log of this format (wrong magic or version, or shorter than a header). */
  | 'bad-header';

export interface LogScan {
  /** Payloads of the valid records, in order (views into the scanned bytes). */
  readonly records: Uint8Array[];
  /** Byte offset where the valid prefix ends (0 when the header is bad). */
  readonly validEnd: number;
  readonly end: ScanEnd;
}

/** The bytes every log file starts with. */
export function encodeHeader(): Uint8Array {
  const header = new Uint8Array(LOG_HEADER_BYTES);
  header.set(LOG_MAGIC, 0);
  new DataView(header.buffer).setUint32(LOG_MAGIC.length, LOG_FORMAT_VERSION, true);
  return header;
}

/** Frames one payload as a record (a copy: later changes to `payload` do not affect it). */
export function encodeRecord(payload: Uint8Array): Uint8Array {
  if (payload.byteLength > MAX_PAYLOAD_BYTES) {
    throw new RangeError(`a log record holds at most ${MAX_PAYLOAD_BYTES} bytes`);
  }
  const record = new Uint8Array(RECORD_FRAME_BYTES + payload.byteLength);
  const view = new DataView(record.buffer);
  view.setUint32(0, payload.byteLength, true);
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
  return view.getUint32(LOG_MAGIC.length, true) === LOG_FORMAT_VERSION;
}

/** Reads a whole log file: its valid records, where they end and why. Never throws. */
export function scanLog(input: Uint8Array): LogScan {
  // Plain Uint8Array views (not Buffer subclasses) whatever the caller read with.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (!hasValidHeader(bytes)) return { records: [], validEnd: 0, end: 'bad-header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: Uint8Array[] = [];
  let offset = LOG_HEADER_BYTES;
  while (offset < bytes.byteLength) {
    if (bytes.byteLength - offset < RECORD_FRAME_BYTES) {
      return { records, validEnd: offset, end: 'torn-length' };
    }
    const length = view.getUint32(offset, true);
    const checksum = view.getUint32(offset + 4, true);
    const start = offset + RECORD_FRAME_BYTES;
    if (bytes.byteLength - start < length) {
      return { records, validEnd: offset, end: 'torn-payload' };
    }
    const payload = bytes.subarray(start, start + length);
    if (crc32(payload) !== checksum) {
      return { records, validEnd: offset, end: 'checksum-mismatch' };
    }
    records.push(payload);
    offset = start + length;
  }
  return { records, validEnd: offset, end: 'clean' };
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
    case 'bad-header':
      return 'the file does not start with a valid update-log header';
    default: {
      const unknown: never = end;
      return `unknown scan end ${String(unknown)}`;
    }
  }
}
