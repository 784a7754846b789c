/**
 * Connections a room asked to sync again after an update that did not fit its
 * document (`update-fit.ts`). The dropped update's "Saved" acknowledgement waits for
 * the connection's next update-carrying message: a stock client answers the sync
 * step 1 it was sent with everything the room lacks, the dropped update included.
 */
import type { Connection } from './connection';
import { encodeSyncStep1 } from './message-codec';

export class ResyncRequests {
  private readonly waiting = new Map<Connection, (durable: Promise<void>) => void>();

  /** Whether the connection was asked and has not answered yet. */
  asked(connection: Connection): boolean {
    return this.waiting.has(connection);
  }

  /** Called with each update-carrying message: it answers the request, if there was one. */
  answer(connection: Connection, durable: Promise<void>): void {
    this.waiting.get(connection)?.(durable);
    this.waiting.delete(connection);
  }

  /** Asks the connection to sync against `stateVector`; message `seq` is acked with the answer. */
  ask(connection: Connection, seq: number, stateVector: Uint8Array): void {
    connection.ackWhenDurable(seq, new Promise((resolve) => this.waiting.set(connection, resolve)));
    connection.send(encodeSyncStep1(stateVector));
  }

  forget(connection: Connection): void {
    this.waiting.delete(connection);
  }
}
