/**
 * How code below the app (the lab feed, for one) reports that the server no
 * longer accepts the session, without importing the app's session: the app
 * provides its `ended`, which shows the signed-out state.
 */
import { createContext, useContext } from 'react';

export const SessionEndedContext = createContext<() => void>(() => undefined);

export function useSessionEnded(): () => void {
  return useContext(SessionEndedContext);
}
