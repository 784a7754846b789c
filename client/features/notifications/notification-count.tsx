/**
 * The signed-in person's unread notifications, live: one server-sent events stream
 * (`/api/notifications/stream`) per tab, opened while someone is signed in, shared by
 * the header and the notifications page through context. The browser reconnects a
 * dropped stream by itself; a stream refused (signed out) stays closed.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

const NOTIFICATION_STREAM = '/api/notifications/stream';

/** The unread count, or null before the first count arrives (or with nobody signed in). */
const CountContext = createContext<number | null>(null);

export function NotificationCountProvider(props: {
  readonly userId: string | null;
  readonly children: ReactNode;
}) {
  const { userId } = props;
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    setCount(null);
    if (userId === null || typeof EventSource === 'undefined') return;
    const source = new EventSource(NOTIFICATION_STREAM);
    source.addEventListener('count', (event) => {
      try {
        const { unread } = JSON.parse((event as MessageEvent<string>).data) as { unread: number };
        if (Number.isInteger(unread) && unread >= 0) setCount(unread);
      } catch {
        // A message that is not a count changes nothing.
      }
    });
    return () => source.close();
  }, [userId]);
  return <CountContext.Provider value={count}>{props.children}</CountContext.Provider>;
}

export function useUnreadCount(): number | null {
  return useContext(CountContext);
}
