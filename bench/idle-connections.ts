/**
 * Scenario "idle connections": what each open, idle sync connection costs the server.
 * A few connections open the document first (so neither the room's own cost nor code
 * compiled on first use is counted); then N bare `ws` sockets do the sync handshake
 * and stay open, sending nothing more.
 * The live JavaScript heap (after a full collection, through the inspector) and the
 * resident memory are read before and after; the differences divided by N are the
 * figures.
 */
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../shared/protocol';
import { connectInspector } from './inspector';
import { readRssBytes } from './proc-stats';
import type { ServerProcess } from './server-process';
import { waitFor } from './wait';
import { type DocAccess, docUrl } from './workspace-access';

export interface IdleConnectionFigures {
  readonly connections: number;
  /** Live heap after a full collection, per connection. */
  readonly heapPerConnectionBytes: number;
  /** VmRSS growth per connection. */
  readonly rssPerConnectionBytes: number;
}

const HANDSHAKE_TIMEOUT_MS = 30_000;
/** Connections opened before measuring: the room loads, and the code paths warm up. */
const WARM_UP_CONNECTIONS = 20;

function syncFrame(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sockets that finish the handshake (send an empty state, answer step 1) and then idle. */
class IdleSockets {
  readonly sockets: WebSocket[] = [];
  private synced = 0;
  private failure: Error | null = null;
  private readonly listeners = new Set<() => void>();
  private closing = false;
  private readonly step1: Uint8Array;
  private readonly step2: Uint8Array;

  constructor(private readonly url: string) {
    const empty = new Y.Doc();
    this.step1 = syncFrame(SyncMessageType.Step1, Y.encodeStateVector(empty));
    this.step2 = syncFrame(SyncMessageType.Step2, Y.encodeStateAsUpdate(empty));
    empty.destroy();
  }

  async open(count: number): Promise<void> {
    const target = this.synced + count;
    for (let i = 0; i < count; i++) this.connect();
    await waitFor(
      `${target} idle sockets to finish the sync handshake`,
      () => this.failure !== null || this.synced >= target,
      (notify) => {
        this.listeners.add(notify);
        return () => this.listeners.delete(notify);
      },
      HANDSHAKE_TIMEOUT_MS,
    );
    if (this.failure !== null) throw this.failure;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private connect(): void {
    const socket = new WebSocket(this.url, { perMessageDeflate: false });
    const index = this.sockets.push(socket);
    socket.on('open', () => socket.send(this.step1));
    socket.on('message', (data) => {
      if (!Buffer.isBuffer(data) || data[0] !== MessageType.Sync) return;
      if (data[1] === SyncMessageType.Step1) socket.send(this.step2);
      else if (data[1] === SyncMessageType.Step2) {
        this.synced += 1;
        this.notify();
      }
    });
    const fail = (why: string) => {
      if (this.closing) return;
      this.failure ??= new Error(`idle socket ${index}: ${why}`);
      this.notify();
    };
    socket.on('error', (error) => fail(error.message));
    socket.on('close', (code) => fail(`closed by the server (${code})`));
  }

  async closeAll(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            if (socket.readyState === WebSocket.CLOSED) return resolve();
            socket.once('close', () => resolve());
            socket.close();
          }),
      ),
    );
  }
}

export async function runIdleConnectionScenario(
  server: ServerProcess,
  access: DocAccess,
  connections: number,
): Promise<IdleConnectionFigures> {
  if (server.inspectorUrl === null) throw new Error('the server was started without --inspect');
  const inspector = await connectInspector(server.inspectorUrl);
  const sockets = new IdleSockets(docUrl(server.syncBase, access));
  try {
    await sockets.open(WARM_UP_CONNECTIONS);
    const heapBefore = await inspector.usedHeapAfterGc();
    const rssBefore = readRssBytes(server.pid);
    await sockets.open(connections);
    const heapAfter = await inspector.usedHeapAfterGc();
    const rssAfter = readRssBytes(server.pid);
    return {
      connections,
      heapPerConnectionBytes: (heapAfter - heapBefore) / connections,
      rssPerConnectionBytes: (rssAfter - rssBefore) / connections,
    };
  } finally {
    inspector.close();
    await sockets.closeAll();
  }
}
