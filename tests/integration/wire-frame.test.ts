/**
 * Frames built once for a broadcast must read, at a real `ws` client, exactly as
 * if `ws` had sent them itself: at every boundary of the three length encodings,
 * and interleaved with messages `ws` sends on the same socket.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { frameBinaryMessage } from '../../server/sync/wire-frame';
import { once } from '../helpers/wait';

const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];

function payloadOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

let server: WebSocketServer | null = null;
afterEach(async () => {
  const closing = server;
  server = null;
  if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
});

describe('wire frames', () => {
  it('arrive whole and in order at a ws client, between messages ws sends itself', async () => {
    const expected: Uint8Array[] = [];
    for (const [index, length] of LENGTHS.entries()) {
      expected.push(payloadOf(length, index), payloadOf(length, index + 100));
    }
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    server = wss;
    wss.on('connection', (ws, request) => {
      // Alternate: one message framed here and written to the TCP socket, one sent by ws.
      expected.forEach((payload, i) => {
        if (i % 2 === 0) request.socket.write(frameBinaryMessage(payload));
        else ws.send(payload);
      });
    });
    await once<void>('the test server to listen', (resolve) => {
      wss.once('listening', () => resolve());
      return () => undefined;
    });
    const { port } = wss.address() as AddressInfo;
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const received: Uint8Array[] = [];
    const binary: boolean[] = [];
    await once<void>(
      `${expected.length} messages`,
      (resolve) => {
        client.on('message', (data, isBinary) => {
          binary.push(isBinary);
          received.push(new Uint8Array(data as Buffer));
          if (received.length === expected.length) resolve();
        });
        return () => undefined;
      },
      20_000,
    );
    client.close();
    expect(binary.every(Boolean)).toBe(true);
    expect(received.map((bytes) => bytes.byteLength)).toEqual(expected.map((b) => b.byteLength));
    const mismatched = received.filter((bytes, i) => Buffer.compare(bytes, expected[i] ?? bytes));
    expect(mismatched).toEqual([]);
  });

  it('use the shortest length encoding RFC 6455 allows', () => {
    expect([...frameBinaryMessage(payloadOf(125, 0)).subarray(0, 2)]).toEqual([0x82, 125]);
    expect([...frameBinaryMessage(payloadOf(126, 0)).subarray(0, 4)]).toEqual([0x82, 126, 0, 126]);
    expect([...frameBinaryMessage(payloadOf(65_535, 0)).subarray(0, 4)]).toEqual([
      0x82, 126, 0xff, 0xff,
    ]);
    expect([...frameBinaryMessage(payloadOf(65_536, 0)).subarray(0, 10)]).toEqual([
      0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0,
    ]);
  });
});
