/**
 * Who is here, across processes: each process writes who has which of a lab's
 * documents open on it into one Redis hash per lab (a field per process, with the
 * time it was written), every `PRESENCE_REFRESH_MS` and whenever its rooms change
 * (at most that often). The lab's presence is this process's own, as it is now,
 * merged with the other processes' fields written within `PRESENCE_TTL_MS`: a process
 * that stopped without clearing its fields drops out after that. Each hash expires
 * when nobody refreshes it. Clocks of the machines are assumed to agree to within a
 * few seconds (NTP).
 */
import type { Logger } from '../logger';
import type { RedisLink } from './redis-link';

export const PRESENCE_REFRESH_MS = 2_000;
export const PRESENCE_TTL_MS = 10_000;

export interface PresentPerson {
  readonly userId: string;
  readonly name: string;
  readonly docIds: string[];
}

export interface SharedPresence {
  /** Everyone with any of the lab's documents open on any process. */
  inLab(labId: string): Promise<PresentPerson[]>;
  /** Rooms or connections changed here: write soon. */
  changed(): void;
  /** Clears this process's fields. */
  stop(): Promise<void>;
}

export interface SharedPresenceOptions {
  readonly link: RedisLink;
  readonly prefix: string;
  readonly processId: string;
  /** This process's presence, per lab. */
  readonly local: () => ReadonlyMap<string, PresentPerson[]>;
  readonly logger: Logger;
}

interface Field {
  readonly at: number;
  readonly people: PresentPerson[];
}

function merge(lists: readonly PresentPerson[][]): PresentPerson[] {
  const people = new Map<string, PresentPerson>();
  for (const list of lists) {
    for (const person of list) {
      const known = people.get(person.userId);
      if (!known) {
        people.set(person.userId, { ...person, docIds: [...person.docIds] });
        continue;
      }
      for (const docId of person.docIds)
        if (!known.docIds.includes(docId)) known.docIds.push(docId);
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function readField(json: string): Field | null {
  try {
    const value = JSON.parse(json) as Partial<Field>;
    if (typeof value.at !== 'number' || !Array.isArray(value.people)) return null;
    const people = value.people.filter(
      (p): p is PresentPerson =>
        typeof p?.userId === 'string' &&
        typeof p.name === 'string' &&
        Array.isArray(p.docIds) &&
        p.docIds.every((d) => typeof d === 'string'),
    );
    return { at: value.at, people };
  } catch {
    return null;
  }
}

export function startSharedPresence(options: SharedPresenceOptions): SharedPresence {
  const { link, prefix, processId, local, logger } = options;
  const keyOf = (labId: string) => `${prefix}:presence:${labId}`;
  /** Labs this process has written a field into. */
  let written = new Set<string>();
  let writing = false;
  let due: ReturnType<typeof setTimeout> | null = null;

  async function write(): Promise<void> {
    if (writing || !link.connected()) return;
    writing = true;
    try {
      const now = Date.now();
      const labs = local();
      const pipeline = link.commands.multi();
      for (const [labId, people] of labs) {
        pipeline.hset(keyOf(labId), processId, JSON.stringify({ at: now, people }));
        pipeline.pexpire(keyOf(labId), PRESENCE_TTL_MS);
      }
      for (const labId of written) if (!labs.has(labId)) pipeline.hdel(keyOf(labId), processId);
      await pipeline.exec();
      written = new Set(labs.keys());
    } catch (error) {
      logger.warn('could not share presence through Redis', { error });
    } finally {
      writing = false;
    }
  }

  const timer = setInterval(() => void write(), PRESENCE_REFRESH_MS);
  timer.unref();
  return {
    async inLab(labId) {
      const own = local().get(labId) ?? [];
      if (!link.connected()) return merge([own]);
      const fields = await link.commands.hgetall(keyOf(labId));
      const now = Date.now();
      const others: PresentPerson[][] = [own];
      for (const [process, json] of Object.entries(fields)) {
        if (process === processId) continue;
        const field = readField(json);
        if (field && now - field.at < PRESENCE_TTL_MS) others.push(field.people);
      }
      return merge(others);
    },
    changed() {
      if (due !== null) return;
      due = setTimeout(() => {
        due = null;
        void write();
      }, 50);
      due.unref();
    },
    async stop() {
      clearInterval(timer);
      if (due !== null) clearTimeout(due);
      if (!link.connected() || written.size === 0) return;
      const pipeline = link.commands.multi();
      for (const labId of written) pipeline.hdel(keyOf(labId), processId);
      await pipeline.exec().catch(() => undefined);
    },
  };
}
