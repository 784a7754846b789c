/**
 * One lab feed's `ws` WebSocket: JSON text out, nothing in (a client that sends
 * anything is closed with 4400), the same cap on bytes waiting for a client that
 * does not read as a sync socket has, and the same keepalive. Only public `ws` APIs.
 */
import { WebSocket } from 'ws';
import { CLOSE_REASONS, CloseCode } from '../../shared/close-codes';
import type { SyncLimits } from '../../shared/limits';
import type { LabFeedMessage } from '../../shared/schemas/lab-feed';
import type { Logger } from '../logger';

export class LabFeedSocket {
  /** Whether the client answered the last keepalive ping (or none was sent yet). */
  private answered = true;

  constructor(
    private readonly ws: WebSocket,
    private readonly limits: SyncLimits,
    private readonly logger: Logger,
    private readonly context: Readonly<Record<string, unknown>>,
  ) {
    ws.on('pong', () => {
      this.answered = true;
    });
    ws.on('error', (error) => logger.info('lab feed socket error', { ...context, error }));
    ws.on('message', () => {
      logger.warn('message on the lab feed, which takes none; connection closed', context);
      this.close(CloseCode.MalformedMessage);
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(message: LabFeedMessage): void {
    if (!this.open) return;
    if (this.ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.drop('slow reader: too much unread data; lab feed dropped', {
        bufferedBytes: this.ws.bufferedAmount,
      });
      return;
    }
    this.ws.send(JSON.stringify(message));
  }

  close(code: CloseCode): void {
    this.ws.close(code, CLOSE_REASONS[code]);
  }

  onClose(listener: () => void): void {
    this.ws.on('close', listener);
  }

  /** One keepalive tick, as for a sync socket: no answer to the previous ping drops it. */
  keepalive(): void {
    if (!this.open) return;
    if (!this.answered) {
      this.drop('no answer to ping; lab feed dropped', {});
      return;
    }
    this.answered = false;
    this.ws.ping();
  }

  private drop(message: string, context: Record<string, unknown>): void {
    this.logger.warn(message, { ...this.context, ...context });
    this.ws.terminate();
  }
}
