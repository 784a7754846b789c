import { useEffect, useState } from 'react';
import type { CollabSession, ConnectionState } from './collab-session';
import type { SaveState } from './save-tracker';

export function useSyncStatus(session: CollabSession): {
  connection: ConnectionState;
  save: SaveState;
} {
  const [connection, setConnection] = useState(session.connectionState());
  const [save, setSave] = useState(session.saves.state);
  useEffect(() => {
    setConnection(session.connectionState());
    setSave(session.saves.state);
    const offConnection = session.onConnectionState(setConnection);
    const offSave = session.saves.subscribe(setSave);
    return () => {
      offConnection();
      offSave();
    };
  }, [session]);
  return { connection, save };
}
