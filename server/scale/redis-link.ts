/**
 * The connections to Redis one server process keeps in scale-out mode: one for
 * commands and publishing, one in subscriber mode (Redis allows nothing else on
 * it). The client, ioredis, is imported only when REDIS_URL is set. Both reconnect
 * by themselves, forever, at most a second apart; commands issued meanwhile wait in
 * ioredis's queue and go out on reconnect, so a publish resolves only once Redis has
 * it (which is what holds "Saved" back while Redis is away). Subscriptions are
 * renewed on reconnect; listeners of `onReconnected` then catch up on what was lost.
 */
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from '../logger';

export interface RedisLink {
  /** The command connection, for keys (presence, rate limits). */
  readonly commands: Redis;
  publish(channel: string, message: Buffer): Promise<void>;
  /**
   * Delivers messages on `channel` to `handler` until `unsubscribe`; resolves once
   * Redis has confirmed the subscription (it waits for a reconnect meanwhile).
   * `family` names the kind of channel (every document's channel is one family), for `received`.
   */
  subscribe(
    channel: string,
    family: BusChannelFamily,
    handler: (message: Buffer) => void,
  ): Promise<void>;
  unsubscribe(channel: string): void;
  /**
   * Messages delivered so far, by channel family, this process's own included (Redis
   * sends a publisher what it publishes on a channel it follows). Counted once the
   * handler has run, so a count a scrape sees has been acted on.
   */
  received(): ReadonlyMap<BusChannelFamily, number>;
  /** Both connections are up now. */
  connected(): boolean;
  /** Resolves when Redis answers a PING on both connections; rejects with why not. */
  ping(): Promise<void>;
  /** Called each time the subscriber is back after a drop (messages may have been lost). */
  onReconnected(listener: () => void): void;
  close(): Promise<void>;
}

/** The kinds of channel the processes talk on: documents, metadata, throttles. */
export type BusChannelFamily = 'doc' | 'meta' | 'throttles';

/** Longest wait between attempts to reconnect. */
const MAX_RECONNECT_DELAY_MS = 1_000;
/** How long start-up waits for Redis before giving up. */
const START_TIMEOUT_MS = 10_000;

function notConnected(): Error {
  return Object.assign(new Error('Redis is not connected'), { code: 'not_connected' });
}

export async function openRedisLink(url: string, logger: Logger): Promise<RedisLink> {
  const ioredis = await import('ioredis');
  // A CommonJS package: Node names its exports, the bundled server finds it as `default`.
  const Redis = ioredis.Redis ?? ioredis.default;
  const options: RedisOptions = {
    // Wait for the connection however long it takes rather than fail commands: a
    // publish that fails would be an update other processes never hear of.
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    connectTimeout: 2_000,
    lazyConnect: true,
  };
  const commands = new Redis(url, { ...options, connectionName: 'improvement-lab' });
  const subscriber = new Redis(url, { ...options, connectionName: 'improvement-lab-sub' });
  const handlers = new Map<
    string,
    { readonly family: BusChannelFamily; readonly handle: (message: Buffer) => void }
  >();
  const received = new Map<BusChannelFamily, number>();
  const reconnectListeners: Array<() => void> = [];
  let down = false;
  for (const [name, client] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    // Without a listener, a connection error would be an uncaught exception.
    client.on('error', (error: Error) => {
      if (!down) logger.warn('Redis connection error; reconnecting', { connection: name, error });
    });
    client.on('close', () => {
      if (!down) logger.error('lost the connection to Redis; reconnecting', { connection: name });
      down = true;
    });
    client.on('ready', () => {
      if (!down) return;
      if (commands.status === 'ready' && subscriber.status === 'ready') {
        down = false;
        logger.info('connection to Redis restored');
      }
    });
  }
  subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
    const handler = handlers.get(channel.toString());
    if (!handler) return;
    handler.handle(message);
    received.set(handler.family, (received.get(handler.family) ?? 0) + 1);
  });
  let started = false;
  subscriber.on('ready', () => {
    if (!started) return;
    for (const listener of reconnectListeners) listener();
  });
  try {
    await Promise.race([
      Promise.all([commands.connect(), subscriber.connect()]),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer within ${START_TIMEOUT_MS} ms`)),
          START_TIMEOUT_MS,
        ).unref(),
      ),
    ]);
  } catch (error) {
    commands.disconnect();
    subscriber.disconnect();
    throw new Error(`could not connect to Redis at ${describeRedisUrl(url)}: ${String(error)}`, {
      cause: error,
    });
  }
  started = true;
  return {
    commands,
    async publish(channel, message) {
      await commands.publish(channel, message);
    },
    async subscribe(channel, family, handle) {
      handlers.set(channel, { family, handle });
      await subscriber.subscribe(channel);
    },
    unsubscribe(channel) {
      if (!handlers.delete(channel)) return;
      subscriber.unsubscribe(channel).catch(() => undefined);
    },
    received: () => received,
    connected: () => commands.status === 'ready' && subscriber.status === 'ready',
    async ping() {
      if (commands.status !== 'ready' || subscriber.status !== 'ready') throw notConnected();
      await Promise.all([commands.ping(), subscriber.ping()]);
    },
    onReconnected(listener) {
      reconnectListeners.push(listener);
    },
    async close() {
      handlers.clear();
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
    },
  };
}

/** The URL without its password, for logs and messages. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unreadable REDIS_URL';
  }
}
