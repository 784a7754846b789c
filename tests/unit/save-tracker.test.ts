import { describe, expect, it } from 'vitest';
import { SaveTracker } from '../../client/features/sync/save-tracker';
import { MessageType, SyncMessageType } from '../../shared/protocol';

const update = Uint8Array.from([MessageType.Sync, SyncMessageType.Update, 2, 0, 0]);
const step2 = Uint8Array.from([MessageType.Sync, SyncMessageType.Step2, 2, 0, 0]);
const step1 = Uint8Array.from([MessageType.Sync, SyncMessageType.Step1, 0]);
const awareness = Uint8Array.from([MessageType.Awareness, 1, 0]);

function connectedAndSynced(): SaveTracker {
  const tracker = new SaveTracker();
  tracker.socketCreated();
  tracker.connectionChanged(true);
  tracker.frameSent(step1);
  tracker.frameSent(step2);
  tracker.syncedChanged(true);
  tracker.savedAcknowledged(1);
  return tracker;
}

describe('SaveTracker', () => {
  it('says "connecting" before the first connection', () => {
    expect(new SaveTracker().state).toBe('connecting');
  });

  it('is saved only when every content frame sent has been acknowledged', () => {
    const tracker = connectedAndSynced();
    expect(tracker.state).toBe('saved');
    tracker.frameSent(update);
    tracker.frameSent(update);
    expect(tracker.state).toBe('saving');
    tracker.savedAcknowledged(2);
    expect(tracker.state).toBe('saving');
    tracker.savedAcknowledged(3);
    expect(tracker.state).toBe('saved');
  });

  it('does not count awareness or sync step 1 frames as content', () => {
    const tracker = connectedAndSynced();
    tracker.frameSent(awareness);
    tracker.frameSent(step1);
    expect(tracker.state).toBe('saved');
  });

  it('keeps edits made offline unsaved until the next connection acknowledges its sync step 2', () => {
    const tracker = connectedAndSynced();
    tracker.connectionChanged(false);
    expect(tracker.state).toBe('offline');
    tracker.localChange();
    expect(tracker.hasUnsavedEdits).toBe(true);
    tracker.socketCreated();
    tracker.connectionChanged(true);
    tracker.frameSent(step1);
    tracker.frameSent(step2);
    tracker.syncedChanged(true);
    expect(tracker.state).toBe('saving');
    tracker.savedAcknowledged(1);
    expect(tracker.state).toBe('saved');
    expect(tracker.hasUnsavedEdits).toBe(false);
  });

  it('treats frames lost with a dropped socket as unsaved', () => {
    const tracker = connectedAndSynced();
    tracker.frameSent(update);
    tracker.connectionChanged(false);
    expect(tracker.hasUnsavedEdits).toBe(true);
    tracker.socketCreated();
    tracker.connectionChanged(true);
    tracker.syncedChanged(true);
    expect(tracker.state).toBe('saving');
  });

  it('stops counting once told the session only reads: the handshake it sent never reads as unsaved', () => {
    const tracker = connectedAndSynced();
    tracker.frameSent(step2);
    expect(tracker.state).toBe('saving');
    tracker.stopCounting();
    expect(tracker.state).toBe('saved');
    tracker.frameSent(update);
    expect(tracker.state).toBe('saved');
    expect(tracker.hasUnsavedEdits).toBe(false);
  });

  it('notifies subscribers of each change', () => {
    const tracker = connectedAndSynced();
    const seen: string[] = [];
    tracker.subscribe((state) => seen.push(state));
    tracker.frameSent(update);
    tracker.savedAcknowledged(2);
    expect(seen).toEqual(['saving', 'saved']);
  });
});
