/**
 * Awareness states are how people see who is here and where their carets are, so
 * nobody may speak for someone else: every state a connection publishes must name
 * the connection's own user (id and name), and a connection may not touch client
 * ids that another connection publishes. A connection publishes at most a few
 * client ids (`SyncLimits.maxAwarenessClients`): without the cap one reader could
 * make every watcher draw thousands of fake people. Updates that fail are dropped whole.
 */
import * as decoding from 'lib0/decoding';
import type { Connection } from './connection';

/**
 * `echo`: every entry is one the room already has (stock clients send everyone
 * else's presence back); applying it would change nothing, so it is ignored quietly.
 */
export type AwarenessProblem =
  | 'echo'
  | 'malformed'
  | 'forged_user'
  | 'foreign_client'
  | 'too_many_clients';

interface Entry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** What the room's awareness knows of a client id: `y-protocols`' own rule for a stale entry. */
export interface KnownPresence {
  clockOf(clientId: number): number | undefined;
  has(clientId: number): boolean;
  /** Whether another server process's connection publishes this client id. */
  isRemote?(clientId: number): boolean;
}

/** Whether applying `entry` would change nothing (the same test `applyAwarenessUpdate` makes). */
function isStale(entry: Entry, known: KnownPresence): boolean {
  const clock = known.clockOf(entry.clientId);
  if (clock === undefined || entry.clock > clock) return false;
  if (entry.clock < clock) return true;
  // Same clock: only a removal of a state still present would change anything.
  return entry.state !== null || !known.has(entry.clientId);
}

function readEntries(update: Uint8Array): Entry[] | null {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: Entry[] = [];
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) });
    }
    return decoding.hasContent(decoder) ? null : entries;
  } catch {
    return null;
  }
}

function namesUser(state: unknown, user: { id: string; name: string }): boolean {
  if (state === null) return true; // a removal: the client is leaving
  if (typeof state !== 'object') return false;
  const claimed = (state as { user?: unknown }).user;
  if (claimed === undefined) return true; // no identity claimed (e.g. cursor-less tools)
  if (typeof claimed !== 'object' || claimed === null) return false;
  const { id, name } = claimed as { id?: unknown; name?: unknown };
  return id === user.id && name === user.name;
}

export function checkAwarenessUpdate(
  update: Uint8Array,
  connection: Connection,
  others: Iterable<Connection>,
  known: KnownPresence,
): AwarenessProblem | null {
  const entries = readEntries(update);
  if (!entries) return 'malformed';
  const owned = connection.awarenessClients;
  let added = 0;
  let fresh = 0;
  for (const entry of entries) {
    if (isStale(entry, known)) continue;
    fresh += 1;
    if (!namesUser(entry.state, connection.options.user)) return 'forged_user';
    if (known.isRemote?.(entry.clientId) === true) return 'foreign_client';
    for (const other of others) {
      if (other !== connection && other.awarenessClients.has(entry.clientId))
        return 'foreign_client';
    }
    if (entry.state !== null && !owned.has(entry.clientId)) added += 1;
  }
  if (fresh === 0 && entries.length > 0) return 'echo';
  if (owned.size + added > connection.policy.maxAwarenessClients) return 'too_many_clients';
  return null;
}
