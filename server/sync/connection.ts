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
import { TokenBucket } from './token-bucket';

/** The part of a WebSocket the sync layer needs; the endpoint adapts the real one. */
export interface SyncSocket {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Per-connection policy state the registry creates with the connection. */
export interface ConnectionPolicy {
  /** Counts messages dropped by policy and logs them once per interval. */
  readonly drops: PolicyDrops;
  /** Pays for each accepted awareness update; an empty bucket drops the update. */
  readonly awareness: TokenBucket;
  /** Most awareness client ids this connection may publish. */
  readonly maxAwarenessClients: number;
}

/** A new connection's policy state under `limits`; `context` names it in log lines. */
export function connectionPolicy(
  limits: SyncLimits,
  logger: Logger,
  context: () => LogContext,
): ConnectionPolicy {
  return {
    drops: new PolicyDrops(logger, limits.dropLogIntervalMs, context),
    awareness: new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst),
    maxAwarenessClients: limits.maxAwarenessClients,
  };
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

export class Connection {
  readonly awarenessClients = new Set<number>();
  private readonly pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private updatesReceived = 0;
  private updatesSaved = 0;
  private ackScheduled = false;
  private savedChain: Promise<void> = Promise.resolve();
  private isClosed = false;

  constructor(
    /** Unique within one server, for logs. */
    readonly id: number,
    private readonly socket: SyncSocket,
    readonly options: ConnectionOptions,
    readonly policy: ConnectionPolicy,
  ) {}

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
    this.pending.length = 0;
    this.policy.drops.flush();
  }

  /**
   * Keeps a frame until the document is loaded. Returns false when the caps on
   * count or bytes are reached, so a client cannot fill memory before load.
   */
  queue(frame: Uint8Array): boolean {
    if (this.pending.length >= Limits.maxPendingMessages) return false;
    if (this.pendingBytes + frame.byteLength > Limits.maxPendingBytes) return false;
    this.pending.push(frame);
    this.pendingBytes += frame.byteLength;
    return true;
  }

  takeQueued(): Uint8Array[] {
    const frames = this.pending.splice(0);
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
    this.savedChain = Promise.all([this.savedChain, durable]).then(
      () => this.markSaved(seq),
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
