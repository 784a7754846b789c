/**
 * One client's WebSocket as the sync layer sees it: its rights, the messages it
 * sent before its document was loaded, the awareness client ids it controls, what
 * it sent that policy dropped, and the bookkeeping behind "Saved" acknowledgements.
 */
import { CLOSE_REASONS, type CloseCode } from '../../shared/close-codes';
import { Limits, type SyncLimits } from '../../shared/limits';
import type { LogContext, Logger } from '../logger';
import { encodeSaved } from './message-codec';
import { PolicyDrops } from './policy-drops';
import type { SyncMeter } from './sync-meter';
import { TokenBucket } from './token-bucket';

/** The part of a WebSocket the sync layer needs; the endpoint adapts the real one. */
export interface SyncSocket {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/**
 * Per-connection policy state: what policy dropped, the awareness rate and the rate
 * of requests for the whole state. Each part
 * is made on first use: most connections never have a message dropped, and a
 * connection that only reads may never publish presence, so an idle one pays for
 * neither.
 */
export class ConnectionPolicy {
  #drops: PolicyDrops | null = null;
  #awareness: TokenBucket | null = null;
  #stateRequests: TokenBucket | null = null;

  constructor(
    private readonly limits: SyncLimits,
    /** Whose lines name the connection. */
    private readonly source: { readonly logger: Logger },
  ) {}

  /** Counts messages dropped by policy and logs them once per interval. */
  get drops(): PolicyDrops {
    this.#drops ??= new PolicyDrops(this.source.logger, this.limits.dropLogIntervalMs);
    return this.#drops;
  }

  /** Pays for each accepted awareness update; an empty bucket drops the update. */
  get awareness(): TokenBucket {
    this.#awareness ??= new TokenBucket(this.limits.awarenessPerSecond, this.limits.awarenessBurst);
    return this.#awareness;
  }

  /** Pays for each request for the whole state; an empty bucket closes the connection. */
  get stateRequests(): TokenBucket {
    this.#stateRequests ??= new TokenBucket(
      this.limits.stateRequestsPerSecond,
      this.limits.stateRequestBurst,
    );
    return this.#stateRequests;
  }

  /** Most awareness client ids this connection may publish. */
  get maxAwarenessClients(): number {
    return this.limits.maxAwarenessClients;
  }

  /** Logs the drops not yet reported, if any were counted. */
  flushDrops(): void {
    this.#drops?.flush();
  }
}

export interface ConnectionOptions {
  readonly docId: string;
  /** Whether updates from this connection may be applied. */
  readonly canWrite: boolean;
  /** Whether the client opted in to `Saved` acknowledgements. */
  readonly wantsSavedAck: boolean;
  /** Who is on the other end: their awareness state must name them. */
  readonly user: { readonly id: string; readonly name: string };
  /**
   * Whether they are a reviewer in the item's lab: other reviewers see their presence
   * without a name (`reviewer-presence.ts`). A role change closes the connection.
   */
  readonly isReviewer: boolean;
  /** The lab the document belongs to, so access changes can find the connection. */
  readonly labId: string;
  /** The session the connection signed in with (null for an API token), so ending it ends this. */
  readonly sessionTokenHash: string | null;
  /** The API token the connection signed in with (null for a session), so revoking it ends this. */
  readonly apiTokenId: string | null;
  /** When the session or token ends (ms since the epoch; null = never): the socket closes then. */
  readonly expiresAt: number | null;
}

/** No awareness client ids: shared by every connection that has published none. */
const NO_CLIENTS: ReadonlySet<number> = new Set();

export class Connection {
  readonly policy: ConnectionPolicy;
  /** Made on first use, like `pending` and `savedChain`: an idle connection keeps none. */
  private ownedClients: Set<number> | null = null;
  private pending: Uint8Array[] | null = null;
  private pendingBytes = 0;
  private updatesReceived = 0;
  private updatesSaved = 0;
  private ackScheduled = false;
  private savedChain: Promise<void> | null = null;
  private isClosed = false;
  #logger: Logger | null = null;

  constructor(
    /** Unique within one server, for logs. */
    readonly id: number,
    private readonly socket: SyncSocket,
    readonly options: ConnectionOptions,
    limits: SyncLimits,
    /** The server's logger; this connection's is a child of it. */
    private readonly serverLogger: Logger,
    /** Counts for `/metrics`. */
    private readonly meter: SyncMeter,
  ) {
    this.policy = new ConnectionPolicy(limits, this);
  }

  /**
   * Logs with the connection's document, id and user on every line. Made on first
   * use, like the rest: most connections never log a line.
   */
  get logger(): Logger {
    this.#logger ??= this.serverLogger.child(this.logContext());
    return this.#logger;
  }

  /** The awareness client ids this connection publishes. */
  get awarenessClients(): ReadonlySet<number> {
    return this.ownedClients ?? NO_CLIENTS;
  }

  addAwarenessClient(clientId: number): void {
    this.ownedClients ??= new Set();
    this.ownedClients.add(clientId);
  }

  removeAwarenessClient(clientId: number): void {
    this.ownedClients?.delete(clientId);
  }

  /** What names this connection in log lines. */
  logContext(): LogContext {
    return { docId: this.options.docId, connectionId: this.id, userId: this.options.user.id };
  }

  get closed(): boolean {
    return this.isClosed;
  }

  send(message: Uint8Array): void {
    if (this.isClosed) return;
    try {
      this.socket.send(message);
    } catch {
      // A socket that fails to send is closing; its close event does the cleanup.
    }
  }

  close(code: CloseCode): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.socket.close(code, CLOSE_REASONS[code]);
  }

  /** Called when the socket closed from the other side. */
  markClosed(): void {
    this.isClosed = true;
    this.pending = null;
    this.pendingBytes = 0;
    this.policy.flushDrops();
  }

  /**
   * Keeps a frame until the document is loaded. Returns false when the caps on
   * count or bytes are reached, so a client cannot fill memory before load.
   */
  queue(frame: Uint8Array): boolean {
    this.pending ??= [];
    if (this.pending.length >= Limits.maxPendingMessages) return false;
    if (this.pendingBytes + frame.byteLength > Limits.maxPendingBytes) return false;
    this.pending.push(frame);
    this.pendingBytes += frame.byteLength;
    return true;
  }

  takeQueued(): Uint8Array[] {
    const frames = this.pending ?? [];
    this.pending = null;
    this.pendingBytes = 0;
    return frames;
  }

  /** Numbers each update-carrying message, as the opted-in client numbers what it sends. */
  nextUpdateSeq(): number {
    this.updatesReceived += 1;
    return this.updatesReceived;
  }

  /**
   * Acknowledges message `seq` once `durable` resolves and every earlier message is
   * saved. Acks are monotonic because they are chained in arrival order.
   */
  ackWhenDurable(seq: number, durable: Promise<void>): void {
    // Nobody reads the count unless the client asked for acknowledgements.
    if (!this.options.wantsSavedAck) return;
    const received = performance.now();
    this.savedChain = Promise.all([this.savedChain, durable]).then(
      () => {
        this.markSaved(seq);
        this.meter.savedLatency((performance.now() - received) / 1000);
      },
      () => undefined, // The write failed: the connection is closed and the client keeps its change.
    );
  }

  private markSaved(seq: number): void {
    if (seq <= this.updatesSaved) return;
    this.updatesSaved = seq;
    if (this.ackScheduled) return;
    // Coalesce: one ack for every message made durable by the same fsync.
    this.ackScheduled = true;
    queueMicrotask(() => {
      this.ackScheduled = false;
      this.send(encodeSaved(this.updatesSaved));
    });
  }
}
