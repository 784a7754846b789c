/**
 * The update-log format as pure functions: framing, checksums, and where and why a
 * damaged file's valid prefix ends. The store's behaviour on disk is in
 * `update-log.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  encodeHeader,
  encodeRecord,
  LOG_HEADER_BYTES,
  RECORD_FRAME_BYTES,
  scanLog,
} from '../../server/store/update-log';
import { typeText } from '../contract/doc-store-contract';

function logOf(...payloads: Uint8Array[]): Uint8Array {
  return Buffer.concat([encodeHeader(), ...payloads.map(encodeRecord)]);
}

describe('update-log format', () => {
  it('decodes exactly the records it encoded', () => {
    const payloads = [
      new Uint8Array(0),
      Uint8Array.of(7),
      Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 256),
      ...typeText(new Y.Doc(), 'yjs'),
    ];
    const bytes = logOf(...payloads);
    expect(scanLog(bytes)).toEqual({ records: payloads, validEnd: bytes.byteLength, end: 'clean' });
    expect(scanLog(encodeHeader())).toEqual({
      records: [],
      validEnd: LOG_HEADER_BYTES,
      end: 'clean',
    });
  });

  it('frames a copy of the payload', () => {
    const payload = Uint8Array.of(1, 2, 3);
    const record = encodeRecord(payload);
    payload.fill(0);
    expect(record.byteLength).toBe(RECORD_FRAME_BYTES + 3);
    expect(scanLog(Buffer.concat([encodeHeader(), record])).records).toEqual([
      Uint8Array.of(1, 2, 3),
    ]);
  });

  it('says where and why the valid prefix ends', () => {
    const good = logOf(Uint8Array.of(1, 2, 3));
    const end = good.byteLength;
    const withTail = (tail: Uint8Array) => Buffer.concat([good, tail]);
    const second = encodeRecord(Uint8Array.of(4, 5, 6, 7));
    expect(scanLog(withTail(second.subarray(0, 5)))).toMatchObject({
      validEnd: end,
      end: 'torn-length',
    });
    expect(scanLog(withTail(second.subarray(0, 10)))).toMatchObject({
      validEnd: end,
      end: 'torn-payload',
    });
    const flipped = second.slice();
    flipped[RECORD_FRAME_BYTES] = (flipped[RECORD_FRAME_BYTES] ?? 0) ^ 0xff;
    expect(scanLog(withTail(flipped))).toMatchObject({ validEnd: end, end: 'checksum-mismatch' });
    expect(scanLog(withTail(flipped)).records).toEqual([Uint8Array.of(1, 2, 3)]);
  });

  it('rejects files that are not logs of this format', () => {
    const wrongVersion = encodeHeader();
    wrongVersion[4] = 99;
    for (const bytes of [
      new Uint8Array(0),
      Uint8Array.of(0x59, 0x4c),
      wrongVersion,
      logOf().fill(1),
    ]) {
      expect(scanLog(bytes)).toEqual({ records: [], validEnd: 0, end: 'bad-header' });
    }
  });
});
