/**
 * Decides what the save indicator says. It counts the content-carrying frames
 * this client sends on the current socket and the server's `Saved` count for
 * them, and remembers edits made while disconnected (kept in IndexedDB and sent
 * in sync step 2 on reconnect). "Saved" is shown only when the server has said
 * that everything sent is on disk.
 */
import { isUpdateCarryingFrame } from '../../../shared/protocol';

export type SaveState = 'connecting' | 'saving' | 'saved' | 'offline';

export class SaveTracker {
  private sent = 0;
  private acknowledged = 0;
  private connected = false;
  private synced = false;
  private everConnected = false;
  private unsentEdits = false;
  private counting = true;
  private readonly listeners = new Set<(state: SaveState) => void>();

  get state(): SaveState {
    if (!this.connected) return this.everConnected ? 'offline' : 'connecting';
    if (!this.synced || this.unsentEdits || this.acknowledged < this.sent) return 'saving';
    return 'saved';
  }

  /** Whether edits exist that the server has not confirmed as saved. */
  get hasUnsavedEdits(): boolean {
    return this.unsentEdits || this.acknowledged < this.sent;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new socket starts its own count; the server numbers per connection too. */
  socketCreated(): void {
    this.sent = 0;
    this.acknowledged = 0;
  }

  frameSent(frame: Uint8Array): void {
    if (this.counting && isUpdateCarryingFrame(frame)) this.sent += 1;
    this.emit();
  }

  savedAcknowledged(count: number): void {
    this.acknowledged = Math.max(this.acknowledged, count);
    // Edits kept while offline travel in this socket's sync step 2, which is sent
    // before the client counts as synced; its acknowledgement clears them.
    if (this.synced && this.sent > 0 && this.acknowledged >= this.sent) this.unsentEdits = false;
    this.emit();
  }

  connectionChanged(connected: boolean): void {
    if (connected) this.everConnected = true;
    // Frames sent but not acknowledged on a socket that closed are re-sent in the
    // next sync step 2, so they count as unsent until then.
    if (!connected && this.acknowledged < this.sent) this.unsentEdits = true;
    this.connected = connected;
    if (!connected) this.synced = false;
    this.emit();
  }

  syncedChanged(synced: boolean): void {
    this.synced = synced;
    this.emit();
  }

  /**
   * The session only reads (learnt after it connected as a writer would): the server
   * acknowledges nothing a reader sends, so what was counted would never read as saved.
   */
  stopCounting(): void {
    this.counting = false;
    this.sent = 0;
    this.acknowledged = 0;
    this.unsentEdits = false;
    this.emit();
  }

  /** A change made on this device; while disconnected it waits for the next sync. */
  localChange(): void {
    if (!this.connected) this.unsentEdits = true;
    this.emit();
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}
