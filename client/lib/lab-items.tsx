/**
 * A lab's items as this person may see them (title, status, rights, facts), live
 * from the lab feed: lists and boards render from these and open no item's
 * document. A page that shows several lists of one lab wraps them in
 * `LabItemsProvider`, so they share one feed; `useLabItems` outside one opens
 * its own.
 */
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { ItemWithRights } from '../../shared/schemas/api-responses';
import { ApiRequestError } from './api';
import { labFeedUrl, openLabFeed } from './lab-feed';
import { useSessionEnded } from './session-ended';
import type { Loaded } from './use-api-data';

type LabItems = Loaded<readonly ItemWithRights[]>;

const LOADING: LabItems = { status: 'loading' };

const SharedFeed = createContext<{ labId: string; items: LabItems } | null>(null);

/** The feed of `labId` while `enabled`; answers for another lab are never shown. */
function useLabFeed(labId: string, enabled: boolean): LabItems {
  const sessionEnded = useSessionEnded();
  const [state, setState] = useState<{ labId: string; items: LabItems }>({
    labId,
    items: LOADING,
  });
  useEffect(() => {
    if (!enabled) return;
    setState({ labId, items: LOADING });
    return openLabFeed(labFeedUrl(window.location, labId), {
      onItems: (items) => setState({ labId, items: { status: 'ready', data: items } }),
      onRefused: (reason) =>
        setState({
          labId,
          items: {
            status: 'error',
            error: new ApiRequestError(
              0,
              'lab_feed',
              `The lab’s items could not be loaded: ${reason}.`,
            ),
          },
        }),
      onSignedOut: sessionEnded,
    });
  }, [labId, enabled, sessionEnded]);
  return state.labId === labId ? state.items : LOADING;
}

/** One feed of `labId` for everything inside. */
export function LabItemsProvider({ labId, children }: { labId: string; children: ReactNode }) {
  const items = useLabFeed(labId, true);
  return <SharedFeed.Provider value={{ labId, items }}>{children}</SharedFeed.Provider>;
}

/** The lab's items (archived ones too), kept live; the page's shared feed when there is one. */
export function useLabItems(labId: string): LabItems {
  const shared = useContext(SharedFeed);
  const useShared = shared !== null && shared.labId === labId;
  const own = useLabFeed(labId, !useShared);
  return useShared ? shared.items : own;
}
