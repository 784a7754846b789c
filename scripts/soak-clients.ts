/**
 * The people of `npm run soak`: stock clients that edit their document, leave and are
 * replaced; one watcher per document that times every edit from the moment it was
 * made to the moment the watcher sees it; and a read-only observer that floods the
 * server with frames it may not send. Edits are ids pushed onto a `log` array (plus a
 * few characters typed into the text), so the final documents can be checked for
 * every one of them.
 */
import { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { connectStockClient, type StockClient } from '../bench/stock-client';
import { docUrl, type DocAccess } from '../bench/workspace-access';
import { MessageType, SyncMessageType } from '../shared/protocol';

export const LOG_NAME = 'log';

export interface SoakCounters {
  edits: number;
  joins: number;
  leaves: number;
  errors: string[];
  latencies: number[];
  floodFrames: number;
  floodCloses: Record<string, number>;
}

/** Edits sent and not yet seen by the watcher of their document, with the time sent. */
export class EditLedger {
  readonly sent = new Map<string, Set<string>>();
  private readonly unseen = new Map<string, number>();

  constructor(private readonly counters: SoakCounters) {}

  record(docId: string, id: string): void {
    const ids = this.sent.get(docId) ?? new Set<string>();
    this.sent.set(docId, ids);
    ids.add(id);
    this.unseen.set(id, performance.now());
    this.counters.edits += 1;
  }

  seen(id: string): void {
    const at = this.unseen.get(id);
    if (at === undefined) return;
    this.unseen.delete(id);
    this.counters.latencies.push(performance.now() - at);
  }

  unseenOf(prefix: string): number {
    let count = 0;
    for (const id of this.unseen.keys()) if (id.startsWith(prefix)) count += 1;
    return count;
  }

  get unseenCount(): number {
    return this.unseen.size;
  }
}

/** A document's watcher: reports every id pushed onto its log. */
export function watch(syncBase: string, access: DocAccess, ledger: EditLedger): StockClient {
  const client = connectStockClient(syncBase, access);
  client.doc.getArray<string>(LOG_NAME).observe((event: Y.YArrayEvent<string>) => {
    for (const delta of event.changes.delta) {
      if (Array.isArray(delta.insert)) for (const id of delta.insert) ledger.seen(String(id));
    }
  });
  return client;
}

export class Editor {
  readonly client: StockClient;
  private seq = 0;
  private unexpectedClose = false;

  constructor(
    readonly name: string,
    readonly access: DocAccess,
    syncBase: string,
    private readonly ledger: EditLedger,
    private readonly counters: SoakCounters,
  ) {
    this.client = connectStockClient(syncBase, access);
    this.client.provider.on('connection-close', (event: CloseEvent | null) => {
      if (this.unexpectedClose || !event || event.code === 1000) return;
      this.unexpectedClose = true;
      counters.errors.push(`${name}: socket closed by the server with ${event.code}`);
    });
  }

  /** One edit, made only while connected and synced, as a person's would be saved. */
  edit(random: () => number): void {
    const { doc, text, provider } = this.client;
    if (!provider.wsconnected || !provider.synced) return;
    const id = `${this.name}:${this.seq++}`;
    doc.transact(() => {
      doc.getArray<string>(LOG_NAME).push([id]);
      text.insert(Math.floor(random() * (text.length + 1)), 'ab ');
    });
    this.ledger.record(this.access.docId, id);
  }

  /** Leaves once the watcher has seen all of this editor's edits. */
  async leave(deadlineMs: number): Promise<void> {
    const started = performance.now();
    while (this.ledger.unseenOf(`${this.name}:`) > 0) {
      if (performance.now() - started > deadlineMs) {
        this.counters.errors.push(`${this.name}: edits not seen ${deadlineMs} ms after leaving`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.unexpectedClose = true;
    try {
      await this.client.destroy();
    } catch (error) {
      this.counters.errors.push(`${this.name}: ${String(error)}`);
    }
    this.counters.leaves += 1;
  }
}

/** A read-only observer sending what it may not: updates, awareness of others, sync requests. */
export class Flood {
  private socket: WebSocket | null = null;
  private stopped = false;

  constructor(
    private readonly syncBase: string,
    private readonly access: DocAccess,
    private readonly counters: SoakCounters,
  ) {}

  start(): void {
    if (this.stopped) return;
    const socket = new WebSocket(docUrl(this.syncBase, this.access));
    this.socket = socket;
    socket.on('open', () => this.pump(socket));
    socket.on('error', () => undefined); // the close event follows
    socket.on('close', (code) => {
      this.counters.floodCloses[code] = (this.counters.floodCloses[code] ?? 0) + 1;
      if (!this.stopped) setTimeout(() => this.start(), 100);
    });
  }

  private pump(socket: WebSocket): void {
    const frames = [
      Uint8Array.from([MessageType.Sync, SyncMessageType.Update, 2, 0, 0]),
      Uint8Array.from([MessageType.Sync, SyncMessageType.Step1, 1, 0]),
      Uint8Array.from([MessageType.QueryAwareness]),
    ];
    const loop = () => {
      if (this.stopped || socket.readyState !== WebSocket.OPEN) return;
      // Never buffer more than 1 MB here: the flood measures the server, not this process.
      while (socket.bufferedAmount < 1024 * 1024) {
        socket.send(frames[this.counters.floodFrames % frames.length] as Uint8Array);
        this.counters.floodFrames += 1;
        if (this.counters.floodFrames % 256 === 0) break;
      }
      setImmediate(loop);
    };
    loop();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close();
  }
}
