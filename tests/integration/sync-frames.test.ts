/**
 * The server writes sync messages as frames of its own to the TCP socket that `ws` was
 * given at the upgrade (`server/sync/ws-frame.ts`, `ws-sync-socket.ts`), while `ws`
 * writes its control frames (ping, close) to the same socket. A stock `ws` client must
 * read every frame of every size, in the order written, with both writers interleaved:
 * a wrong length, or a `ws` version that wrote a frame in parts, fails here.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, LastFrame } from '../../server/sync/ws-frame';

/** Sizes at and around each of the three length encodings. */
const SIZES = [0, 1, 125, 126, 127, 1000, 65_535, 65_536, 300_000];

function payloadOf(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  return bytes;
}

interface Pair {
  readonly server: Server;
  readonly client: WebSocket;
  readonly serverSide: WebSocket;
  readonly tcp: Duplex;
}

/** A `ws` server set up as ours (no permessage-deflate) and one stock `ws` client. */
async function connectPair(): Promise<Pair> {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  const server = createServer();
  const accepted = new Promise<{ ws: WebSocket; tcp: Duplex }>((resolve) => {
    server.on('upgrade', (request, tcp: Duplex, head) => {
      wss.handleUpgrade(request, tcp, head, (ws) => resolve({ ws, tcp }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  client.binaryType = 'nodebuffer';
  await once(client, 'open');
  const { ws, tcp } = await accepted;
  return { server, client, serverSide: ws, tcp };
}

describe('frames written beside ws', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  it('a stock ws client reads every size, in order, between ws pings and sends', async () => {
    const pair = await connectPair();
    servers.push(pair.server);
    const received: Buffer[] = [];
    let pings = 0;
    pair.client.on('message', (data: Buffer) => received.push(Buffer.from(data)));
    pair.client.on('ping', () => {
      pings += 1;
    });
    const closed = once(pair.client, 'close') as Promise<[number, Buffer]>;

    const expected: Uint8Array[] = [];
    SIZES.forEach((size, i) => {
      const ours = payloadOf(size, i);
      pair.tcp.write(binaryFrame(ours));
      expected.push(ours);
      pair.serverSide.ping();
      const theirs = payloadOf(size, i + 100);
      pair.serverSide.send(theirs);
      expected.push(theirs);
    });
    pair.serverSide.close(1000, 'done');
    const [code] = await closed;

    expect(code).toBe(1000);
    expect(pings).toBe(SIZES.length);
    expect(received.map((message) => message.byteLength)).toEqual(
      expected.map((message) => message.byteLength),
    );
    received.forEach((message, i) => {
      expect(Buffer.compare(message, Buffer.from(expected[i] ?? []))).toBe(0);
    });
  });

  it('frames a message once for every socket it is sent to, and a new message afresh', () => {
    const frames = new LastFrame();
    const first = payloadOf(10, 1);
    const second = payloadOf(10, 2);
    const framed = frames.of(first);
    expect(frames.of(first)).toBe(framed);
    expect([...framed]).toEqual([0x82, 10, ...first]);
    const next = frames.of(second);
    expect(next).not.toBe(framed);
    expect([...next.subarray(2)]).toEqual([...second]);
  });
});
