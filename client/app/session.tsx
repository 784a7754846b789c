/**
 * The signed-in person for the whole app: the API client (one per app, holding
 * the session's CSRF token) and `MeResponse`. A 401 from any request, or a sync
 * or lab feed socket closed as unauthenticated, ends the session here: the page
 * that was open stays, saying so (`signed-out`), so that what the person was
 * typing is kept on this device and syncs once they sign in again; moving to
 * another page sends them to sign in.
 */

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import { Api } from '../../shared/api-routes';
import type { Actor } from '../../shared/policy';
import type { MeResponse } from '../../shared/schemas/api';
import { type ApiClient, ApiRequestError, createApiClient } from '../lib/api';
import { SessionEndedContext } from '../lib/session-ended';
import { asApiError } from '../lib/use-api-data';
import { takeEarlySession } from './early-requests';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'unreachable'; readonly error: ApiRequestError }
  /** `ended`: the person was signed in and the server no longer accepts the session. */
  | { readonly status: 'anonymous'; readonly ended: boolean }
  | { readonly status: 'signed-in'; readonly me: MeResponse }
  /**
   * The server stopped accepting the session while the page at `path` was open:
   * that page stays, as `me`, saying that the person has been signed out.
   */
  | { readonly status: 'signed-out'; readonly me: MeResponse; readonly path: string };

export interface Session {
  readonly api: ApiClient;
  readonly state: SessionState;
  /** After sign-in, set-up or sign-up: the server's answer starts the session. */
  signedIn(me: MeResponse): void;
  /** Ends the session on the server; rejects (and stays signed in) if that failed. */
  signOut(): Promise<void>;
  /** The server refused the session (for example, a sync socket closed with 4401). */
  ended(): void;
}

/** What a page for signed-in people needs. */
export interface SignedIn {
  readonly api: ApiClient;
  readonly me: MeResponse;
  readonly actor: Actor;
}

export function actorOf(me: MeResponse): Actor {
  return { userId: me.user.id, isAdmin: me.user.isAdmin, canCreateLabs: me.user.canCreateLabs };
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const ended = useCallback(
    () =>
      setState((current) =>
        current.status === 'signed-in'
          ? { status: 'signed-out', me: current.me, path: window.location.pathname }
          : current,
      ),
    [],
  );
  const [api] = useState(() => createApiClient({ onUnauthenticated: ended }));
  // Usually asked for already, as the page's script ran (`early-requests.ts`). Else a
  // layout effect, so the session is asked for before what pages fetch early in their
  // effects (an item's summary, its code): the browser sends only a few requests to the
  // server at once, and every page waits on this one.
  useLayoutEffect(() => {
    let current = true;
    (takeEarlySession() ?? api.me()).then(
      (me) => {
        if (me) api.setCsrfToken(me.csrfToken);
        if (current)
          setState(me ? { status: 'signed-in', me } : { status: 'anonymous', ended: false });
      },
      (error: unknown) => current && setState({ status: 'unreachable', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);
  const signedIn = useCallback(
    (me: MeResponse) => {
      api.setCsrfToken(me.csrfToken);
      setState({ status: 'signed-in', me });
    },
    [api],
  );
  const signOut = useCallback(async () => {
    try {
      await api.call(Api.auth.signOut);
    } catch (error) {
      // A session the server no longer knows is already signed out; anything else is not.
      if (!(error instanceof ApiRequestError && error.status === 401)) throw error;
    }
    api.setCsrfToken(null);
    setState({ status: 'anonymous', ended: false });
  }, [api]);
  const session = useMemo(
    () => ({ api, state, signedIn, signOut, ended }),
    [api, state, signedIn, signOut, ended],
  );
  return (
    <SessionContext.Provider value={session}>
      <SessionEndedContext.Provider value={ended}>{children}</SessionEndedContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
