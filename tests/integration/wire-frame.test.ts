/**
 * Frames built once for a broadcast and written to the TCP socket (`writeToSocket`)
 * must read, at a real `ws` client, exactly as if `ws` had sent them itself: at every
 * boundary of the three length encodings, interleaved with messages `ws` sends on the
 * same socket, and when a reader stops reading so that the kernel takes only part of
 * a frame and the rest queues behind it.
 */
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { writeToSocket } from '../../server/sync/socket-write';
import { frameBinaryMessage } from '../../server/sync/wire-frame';
import { once } from '../helpers/wait';

const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];

function payloadOf(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

let server: WebSocketServer | null = null;
async function listen(): Promise<{ wss: WebSocketServer; port: number }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server = wss;
  await once<void>('the test server to listen', (resolve) => {
    wss.once('listening', () => resolve());
    return () => undefined;
  });
  return { wss, port: (wss.address() as AddressInfo).port };
}

/** Collects `count` messages on `client`; rejects after `timeoutMs`. */
function receive(client: WebSocket, count: number, timeoutMs = 20_000) {
  const received: Uint8Array[] = [];
  const binary: boolean[] = [];
  const done = once<void>(
    `${count} messages`,
    (resolve) => {
      client.on('message', (data, isBinary) => {
        binary.push(isBinary);
        received.push(new Uint8Array(data as Buffer));
        if (received.length === count) resolve();
      });
      return () => undefined;
    },
    timeoutMs,
  );
  return { received, binary, done };
}

function expectSame(received: readonly Uint8Array[], expected: readonly Uint8Array[]): void {
  expect(received.map((bytes) => bytes.byteLength)).toEqual(expected.map((b) => b.byteLength));
  const mismatched = received.filter((bytes, i) => Buffer.compare(bytes, expected[i] ?? bytes));
  expect(mismatched).toEqual([]);
}

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
    const { wss, port } = await listen();
    const writtenAtOnce: boolean[] = [];
    wss.on('connection', (ws, request) => {
      // Alternate: one message framed here and written to the TCP socket, one sent by ws.
      expected.forEach((payload, i) => {
        if (i % 2 === 0)
          writtenAtOnce.push(writeToSocket(request.socket, frameBinaryMessage(payload)));
        else ws.send(payload);
      });
    });
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    const { received, binary, done } = receive(client, expected.length);
    await done;
    client.close();
    expect(binary.every(Boolean)).toBe(true);
    expectSame(received, expected);
    expect(writtenAtOnce).toContain(true);
  });

  it('queue behind a reader that stops reading, and arrive whole and in order when it reads again', async () => {
    // Far more than the kernel buffers on both ends take, so writes come up short and
    // queue; more frames follow while the reader catches up, which must queue behind them.
    const expected = Array.from({ length: 400 }, (_, i) => payloadOf(65_536 + (i % 7), i));
    const whileStopped = expected.slice(0, 320);
    const whileReading = expected.slice(320);
    const { wss, port } = await listen();
    const results: boolean[] = [];
    const send = (ws: WebSocket, socket: Socket, payload: Uint8Array, i: number) => {
      if (i % 3 === 2) ws.send(payload);
      else results.push(writeToSocket(socket, frameBinaryMessage(payload)));
    };
    const connected = once<{ ws: WebSocket; socket: Socket }>(
      'the reader to be ready',
      (resolve) => {
        wss.on('connection', (ws, request) => {
          ws.once('message', () => resolve({ ws, socket: request.socket as Socket }));
        });
        return () => undefined;
      },
    );
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    await once<void>('the client to connect', (resolve) => {
      client.once('open', () => resolve());
      return () => undefined;
    });
    client.pause();
    client.send('ready');
    const { received, done } = receive(client, expected.length);
    const { ws, socket } = await connected;
    for (const [i, payload] of whileStopped.entries()) send(ws, socket, payload, i);
    expect(socket.writableLength).toBeGreaterThan(0);
    expect(results).toContain(true);
    expect(results).toContain(false);
    client.resume();
    // One frame per turn of the event loop, while the queue drains to the reader.
    for (const [i, payload] of whileReading.entries()) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      send(ws, socket, payload, whileStopped.length + i);
    }
    await done;
    client.close();
    expectSame(received, expected);
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
