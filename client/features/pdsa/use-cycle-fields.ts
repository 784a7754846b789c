/**
 * The fields of several PDSA cycles, each read live through `watchCycle` while
 * the component is mounted (fine for the handful of cycles a lab's ramps hold),
 * and closed when it unmounts or the set of cycles changes.
 */
import { useEffect, useState } from 'react';
import { syncServerUrl } from '../../lib/background-doc';
import { type CycleSnapshot, watchCycle } from './cycle-watch';

const LOADING: CycleSnapshot = { state: 'loading' };

export function useCycleFields(
  itemIds: readonly string[],
  enabled = true,
): ReadonlyMap<string, CycleSnapshot> {
  // A string key, so that a new array with the same ids does not reopen every connection.
  const key = enabled ? [...itemIds].sort().join(' ') : '';
  const [snapshots, setSnapshots] = useState<ReadonlyMap<string, CycleSnapshot>>(new Map());
  useEffect(() => {
    const ids = key ? key.split(' ') : [];
    const serverUrl = syncServerUrl(window.location);
    setSnapshots(new Map(ids.map((id) => [id, LOADING])));
    const closers = ids.map((id) =>
      watchCycle(serverUrl, id, (snapshot) =>
        setSnapshots((previous) => new Map(previous).set(id, snapshot)),
      ),
    );
    return () => {
      for (const close of closers) close();
    };
  }, [key]);
  return snapshots;
}
