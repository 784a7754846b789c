/**
 * The MetaStore over one in-memory `MetaData` object, whatever keeps it: every
 * method works on that object, and a pluggable persister writes it out. The record
 * families live in `meta-core-accounts.ts`, `meta-core-labs.ts` and
 * `meta-core-items.ts`; write ordering and coalescing in `meta-write-scheduler.ts`.
 *
 * The rule that keeps updates from being lost: a mutating method checks and changes
 * the object in one synchronous step (never read, await, then write), and only then
 * waits for a write that includes the change.
 */
import type { MetaData } from '../../shared/schemas/records';
import {
  apiTokenMethods,
  passwordResetMethods,
  sessionMethods,
  setupTokenMethods,
  userMethods,
} from './meta-core-accounts';
import { contributionMethods } from './meta-core-contributions';
import { flagMethods } from './meta-core-flags';
import { groupMethods } from './meta-core-groups';
import { auditMethods, itemMethods } from './meta-core-items';
import { inviteMethods, labMethods, membershipMethods } from './meta-core-labs';
import { notificationMethods } from './meta-core-notifications';
import { profileMethods } from './meta-core-profiles';
import { ssoMethods } from './meta-core-sso';
import type { CoreState } from './meta-core-state';
import { surveyMethods } from './meta-core-surveys';
import { workshopMethods } from './meta-core-workshops';
import type { MetaStore } from './meta-store';
import { createWriteScheduler } from './meta-write-scheduler';

/** Writes the whole state out; one call at a time. */
export interface MetaPersister {
  /**
   * Must capture `data` (serialise it) synchronously, before its first `await`: the
   * object keeps changing while the write is in flight, and the write must carry the
   * state exactly as it was when it began.
   */
  write(data: MetaData): Promise<void>;
}

/**
 * A MetaStore that changes `data` in place (the caller must not touch it afterwards
 * and is trusted to pass valid data) and writes it through `persister`.
 */
export function createMetaDataCore(data: MetaData, persister: MetaPersister): MetaStore {
  const writes = createWriteScheduler(() => persister.write(data));
  let closed = false;
  const state: CoreState = {
    data,
    assertOpen() {
      if (closed) throw new Error('the metadata store is closed; nothing more can be changed');
    },
    saved: () => writes.schedule(),
    durable: () => writes.flush(),
  };
  return {
    ...userMethods(state),
    ...sessionMethods(state),
    ...apiTokenMethods(state),
    ...labMethods(state),
    ...membershipMethods(state),
    ...inviteMethods(state),
    ...itemMethods(state),
    ...auditMethods(state),
    ...surveyMethods(state),
    ...profileMethods(state),
    ...contributionMethods(state),
    ...notificationMethods(state),
    ...flagMethods(state),
    ...workshopMethods(state),
    ...groupMethods(state),
    ...setupTokenMethods(state),
    ...passwordResetMethods(state),
    ...ssoMethods(state),
    flush: () => writes.flush(),
    async close() {
      closed = true;
      await writes.flush();
    },
  };
}
