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
  type LogScan,
  RECORD_FRAME_BYTES,
  scanLog,
} from '../../server/store/update-log';
import { asAppended, typeText } from '../contract/doc-store-contract';
import { seededRandom } from '../helpers/seeded-random';

/** A log of `payloads`, as a plain Uint8Array (a Buffer's `slice` would share its bytes). */
function logOf(...payloads: Uint8Array[]): Uint8Array {
  return new Uint8Array(
    Buffer.concat([encodeHeader(), ...payloads.map((payload) => encodeRecord(payload))]),
  );
}

/** The updates of the records a scan found, without their encodings. */
function updatesIn(scan: LogScan): Uint8Array[] {
  return scan.records.map(({ update }) => update);
}

describe('update-log format', () => {
  it('decodes exactly the records it encoded', () => {
    const payloads = [
      Uint8Array.of(7),
      Uint8Array.from({ length: 1000 }, (_, i) => (i * 31) % 256),
      ...typeText(new Y.Doc(), 'yjs'),
    ];
    const bytes = logOf(...payloads);
    expect(scanLog(bytes)).toEqual({
      records: asAppended(payloads),
      validEnd: bytes.byteLength,
      end: 'clean',
      skipped: [],
    });
    expect(scanLog(encodeHeader())).toEqual({
      records: [],
      validEnd: LOG_HEADER_BYTES,
      end: 'clean',
      skipped: [],
    });
  });

  it('never frames an empty payload, and reads eight zero bytes as damage', () => {
    expect(() => encodeRecord(new Uint8Array(0))).toThrow(/empty/);
    const zeroed = new Uint8Array(Buffer.concat([logOf(Uint8Array.of(1)), new Uint8Array(8)]));
    expect(scanLog(zeroed)).toMatchObject({
      records: asAppended([Uint8Array.of(1)]),
      end: 'empty-record',
      validEnd: zeroed.byteLength - 8,
    });
  });

  it('frames a copy of the payload', () => {
    const payload = Uint8Array.of(1, 2, 3);
    const record = encodeRecord(payload);
    payload.fill(0);
    expect(record.byteLength).toBe(RECORD_FRAME_BYTES + 3);
    expect(updatesIn(scanLog(Buffer.concat([encodeHeader(), record])))).toEqual([
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
    expect(updatesIn(scanLog(withTail(flipped)))).toEqual([Uint8Array.of(1, 2, 3)]);
  });

  it('marks a version-2 record in its frame and reads it back as one', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'state');
    const state = Y.encodeStateAsUpdateV2(doc);
    const [append] = typeText(doc, '!');
    if (append === undefined) throw new Error('no update recorded');
    const bytes = new Uint8Array(
      Buffer.concat([encodeHeader(), encodeRecord(state, 'v2'), encodeRecord(append)]),
    );
    expect(scanLog(bytes)).toEqual({
      records: [
        { update: state, encoding: 'v2' },
        { update: append, encoding: 'v1' },
      ],
      validEnd: bytes.byteLength,
      end: 'clean',
      skipped: [],
    });
    // Bit 31 of the frame word says version 2; the rest is the length.
    const word = new DataView(bytes.buffer).getUint32(LOG_HEADER_BYTES, true);
    expect(word).toBe((0x8000_0000 | state.byteLength) >>> 0);
  });

  it('reads a format 1 log, written before states were stored in version 2', () => {
    const payloads = typeText(new Y.Doc(), 'old');
    const header = encodeHeader();
    new DataView(header.buffer).setUint32(4, 1, true);
    const bytes = new Uint8Array(
      Buffer.concat([header, ...payloads.map((payload) => encodeRecord(payload))]),
    );
    expect(scanLog(bytes)).toMatchObject({ records: asAppended(payloads), end: 'clean' });
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
      expect(scanLog(bytes)).toEqual({ records: [], validEnd: 0, end: 'bad-header', skipped: [] });
    }
  });
});

/** 50 edits, each one record, as people typing one after another would make. */
function fiftyEdits(): Uint8Array[] {
  return Array.from({ length: 50 }, (_, i) => {
    const doc = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    doc.on('update', (u: Uint8Array) => {
      update = u;
    });
    doc.getMap('edits').set(`edit-${i}`, `text of edit ${i}`);
    return update;
  });
}

/** Where each record of a log starts. */
function recordStarts(payloads: readonly Uint8Array[]): number[] {
  const starts: number[] = [];
  let offset = LOG_HEADER_BYTES;
  for (const payload of payloads) {
    starts.push(offset);
    offset += RECORD_FRAME_BYTES + payload.byteLength;
  }
  return starts;
}

describe('update-log damage in the middle', () => {
  const edits = fiftyEdits();
  const log = logOf(...edits);
  const starts = recordStarts(edits);

  it('skips only the record a flipped byte hits, wherever in the record it is', () => {
    const victim = 24;
    const start = starts[victim] ?? 0;
    const size = RECORD_FRAME_BYTES + (edits[victim]?.byteLength ?? 0);
    for (let offset = start; offset < start + size; offset++) {
      const damaged = log.slice();
      damaged[offset] = (damaged[offset] ?? 0) ^ 0x10;
      const scan = scanLog(damaged);
      expect(updatesIn(scan)).toEqual(edits.filter((_, i) => i !== victim));
      expect(scan).toMatchObject({ end: 'clean', validEnd: log.byteLength });
      expect(scan.skipped).toEqual([{ start, end: start + size }]);
    }
  });

  it('steps over several damaged stretches and still cuts a torn tail', () => {
    const damaged = log.slice(0, log.byteLength - 3);
    for (const victim of [3, 30]) {
      const at = (starts[victim] ?? 0) + RECORD_FRAME_BYTES + 1;
      damaged[at] = (damaged[at] ?? 0) ^ 0xff;
    }
    const scan = scanLog(damaged);
    expect(updatesIn(scan)).toEqual(edits.filter((_, i) => i !== 3 && i !== 30 && i !== 49));
    expect(scan.skipped).toHaveLength(2);
    expect(scan.end).toBe('torn-payload');
    expect(scan.validEnd).toBe(starts[49]);
  });

  it('never takes zeroed or random garbage for records when resynchronising', () => {
    const random = seededRandom(12);
    for (let round = 0; round < 40; round++) {
      const victim = 1 + Math.floor(random() * 47);
      const start = starts[victim] ?? 0;
      const end = starts[victim + 2] ?? 0;
      const damaged = log.slice();
      // Two whole records overwritten: by zeros (a lost page) or by random bytes.
      for (let i = start; i < end; i++) {
        damaged[i] = round % 2 === 0 ? 0 : Math.floor(random() * 256);
      }
      const scan = scanLog(damaged);
      expect(updatesIn(scan)).toEqual(edits.filter((_, i) => i !== victim && i !== victim + 1));
      expect(scan.end).toBe('clean');
    }
    // A long stretch of garbage between two valid records adds nothing.
    const garbage = Uint8Array.from({ length: 64 * 1024 }, () => Math.floor(random() * 256));
    const head = edits.slice(0, 10);
    const tail = edits.slice(10);
    const spliced = new Uint8Array(
      Buffer.concat([logOf(...head), garbage, ...tail.map((edit) => encodeRecord(edit))]),
    );
    expect(updatesIn(scanLog(spliced))).toEqual(edits);
  });
});
