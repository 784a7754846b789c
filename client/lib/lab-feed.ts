/**
 * The lab feed's client (`shared/schemas/lab-feed.ts`): one WebSocket that keeps a
 * lab's items, as this person may see them, current. Every message is checked
 * against the shared schema; a snapshot replaces what was known. A dropped
 * connection is reopened (sooner at first, then less often), and the server sends
 * a fresh snapshot, at once when the browser comes back online; a refusal for
 * good (a 44xx close code) ends it, and 4401 (the session ended) is reported as such.
 */
import { CLOSE_REASONS, CloseCode, isPermanentCloseCode } from '../../shared/close-codes';
import type { ItemWithRights } from '../../shared/schemas/api-responses';
import { LAB_FEED_PATH_PREFIX, LabFeedMessageSchema } from '../../shared/schemas/lab-feed';

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 10_000;

/** The lab feed of the site this page came from. */
export function labFeedUrl(location: Pick<Location, 'protocol' | 'host'>, labId: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${LAB_FEED_PATH_PREFIX}${encodeURIComponent(labId)}`;
}

export interface LabFeedHandlers {
  /** The lab's items, in the lab's order, after every snapshot or change. */
  onItems(items: readonly ItemWithRights[]): void;
  /** The server refused the feed for good, with its sentence. */
  onRefused(reason: string): void;
  /** The server no longer accepts the session (4401). */
  onSignedOut(): void;
}

function inLabOrder(items: ReadonlyMap<string, ItemWithRights>): ItemWithRights[] {
  // Stable: equal orders keep the order the server listed them in (creation).
  return [...items.values()].sort((a, b) => a.order - b.order);
}

function reasonOf(code: number): string {
  return CLOSE_REASONS[code as CloseCode] ?? `closed with code ${code}`;
}

/** Follows the lab's items until the returned function is called. */
export function openLabFeed(url: string, handlers: LabFeedHandlers): () => void {
  let items = new Map<string, ItemWithRights>();
  let socket: WebSocket | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let stopped = false;

  const receive = (data: unknown) => {
    let parsed: unknown;
    try {
      parsed = typeof data === 'string' ? JSON.parse(data) : null;
    } catch {
      parsed = null;
    }
    const message = LabFeedMessageSchema.safeParse(parsed);
    if (!message.success) return; // a newer server's message this page does not know
    const next = message.data;
    switch (next.type) {
      case 'items':
        items = new Map(next.items.map((item) => [item.id, item]));
        failures = 0;
        break;
      case 'item':
        items.set(next.item.id, next.item);
        break;
      case 'gone':
        items.delete(next.id);
        break;
      default: {
        const unreachable: never = next;
        throw new Error(`unknown lab feed message ${JSON.stringify(unreachable)}`);
      }
    }
    handlers.onItems(inLabOrder(items));
  };

  const connect = () => {
    retry = null;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = (event) => receive(event.data);
    ws.onclose = (event) => {
      if (stopped || socket !== ws) return;
      socket = null;
      if (event.code === CloseCode.Unauthenticated) {
        handlers.onSignedOut();
        return;
      }
      if (isPermanentCloseCode(event.code)) {
        handlers.onRefused(event.reason || reasonOf(event.code));
        return;
      }
      const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
      failures += 1;
      retry = setTimeout(connect, wait);
    };
  };

  // Back online: try now rather than after the back-off.
  const online = () => {
    if (stopped || retry === null) return;
    clearTimeout(retry);
    failures = 0;
    connect();
  };
  window.addEventListener('online', online);
  connect();
  return () => {
    window.removeEventListener('online', online);
    stopped = true;
    if (retry !== null) clearTimeout(retry);
    socket?.close();
    socket = null;
  };
}
