import { CloseCode } from '../../../shared/close-codes';
import type { CollabSession } from './collab-session';
import type { SaveState } from './save-tracker';
import { useSyncStatus } from './use-sync-status';

const SAVE_LABELS: Record<SaveState, string> = {
  connecting: 'Connecting…',
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline — changes kept on this device',
};

const READ_ONLY_LABELS: Record<SaveState, string> = {
  ...SAVE_LABELS,
  saving: 'Updating…',
  saved: 'Up to date',
  offline: 'Offline — showing the copy on this device',
};

function refusal(code: number | null, readOnly: boolean): string {
  // Signed out while the page was open: what is typed now waits on this device.
  if (code === CloseCode.Unauthenticated)
    return readOnly ? 'Signed out' : 'Signed out — changes kept on this device';
  // The server refused a change that would have broken the item (a faulty client or
  // extension): nothing of it was saved, and the page has to be reloaded to go on.
  if (code === CloseCode.SchemaViolation)
    return 'A change would have damaged this item, so it was not saved. Reload the page.';
  return 'You do not have access to this document';
}

/**
 * Connection and save state, announced politely to screen readers. "Saved" means
 * the server has confirmed every change is on disk; a reader sees "Up to date".
 */
export function SyncStatus({ session, readOnly }: { session: CollabSession; readOnly: boolean }) {
  const { connection, save } = useSyncStatus(session);
  const labels = readOnly ? READ_ONLY_LABELS : SAVE_LABELS;
  const text = connection === 'refused' ? refusal(session.refusedWith(), readOnly) : labels[save];
  return (
    <p
      className={`sync-status sync-status--${connection === 'refused' ? 'refused' : save}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-save-state={save}
      data-connection={connection}
    >
      <span className="sync-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
