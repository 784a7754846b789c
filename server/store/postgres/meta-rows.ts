/**
 * What changed in the metadata since the last write to PostgreSQL, as rows. The
 * MetaStore's core changes one in-memory `MetaData` in place (`meta-data-core.ts`);
 * each write compares it with what the database was last given and sends only the
 * difference. The comparison runs synchronously, so it captures the state exactly as
 * it was when the write began.
 *
 * Row order is record order: each table's `seq` rises with insertion, and the core
 * only ever appends records, changes them in place or removes them. A record removed
 * and added again moves to the end in memory, so it is deleted and inserted again in
 * the database; so is everything after the first record out of place.
 */
import type { MetaData } from '../../../shared/schemas/records';
import type { MetaTable } from './migrations';

/** The tables diffed record by record (the audit trail is append-only and only grows). */
export type DiffedTable = Exclude<MetaTable, 'audit_events'>;

interface Keyed {
  readonly family: keyof MetaData;
  readonly key: (record: never) => string;
}

const FAMILIES: Record<DiffedTable, Keyed> = {
  users: { family: 'users', key: (r: { id: string }) => r.id },
  sessions: { family: 'sessions', key: (r: { tokenHash: string }) => r.tokenHash },
  api_tokens: { family: 'apiTokens', key: (r: { id: string }) => r.id },
  labs: { family: 'labs', key: (r: { id: string }) => r.id },
  memberships: {
    family: 'memberships',
    key: (r: { labId: string; userId: string }) => JSON.stringify([r.labId, r.userId]),
  },
  invites: { family: 'invites', key: (r: { id: string }) => r.id },
  items: { family: 'items', key: (r: { id: string }) => r.id },
  surveys: { family: 'surveys', key: (r: { labId: string }) => r.labId },
  survey_responses: {
    family: 'surveyResponses',
    key: (r: { labId: string; round: string; userId: string }) =>
      JSON.stringify([r.labId, r.round, r.userId]),
  },
  profiles: { family: 'profiles', key: (r: { userId: string }) => r.userId },
  password_resets: { family: 'passwordResets', key: (r: { tokenHash: string }) => r.tokenHash },
  contributions: {
    family: 'contributions',
    key: (r: { itemId: string; userId: string }) => JSON.stringify([r.itemId, r.userId]),
  },
  notifications: { family: 'notifications', key: (r: { id: string }) => r.id },
  notification_settings: {
    family: 'notificationSettings',
    key: (r: { userId: string }) => r.userId,
  },
  personal_data_flags: { family: 'personalDataFlags', key: (r: { id: string }) => r.id },
  sso_requests: { family: 'ssoRequests', key: (r: { keyHash: string }) => r.keyHash },
  interest_groups: { family: 'groups', key: (r: { id: string }) => r.id },
  interest_group_members: {
    family: 'groupMembers',
    key: (r: { groupId: string; userId: string }) => JSON.stringify([r.groupId, r.userId]),
  },
  workshops: { family: 'workshops', key: (r: { itemId: string }) => r.itemId },
};

export const DIFFED_TABLES = Object.keys(FAMILIES) as DiffedTable[];

/** The family a diffed table holds and the key of one of its records. */
export function familyOf(table: DiffedTable): {
  readonly family: keyof MetaData;
  readonly key: (record: unknown) => string;
} {
  const { family, key } = FAMILIES[table];
  return { family, key: key as (record: unknown) => string };
}

/** Where each table's records live in `MetaData`, for loading them back. */
export const TABLE_FAMILIES: Record<MetaTable, keyof MetaData> = {
  ...(Object.fromEntries(DIFFED_TABLES.map((t) => [t, FAMILIES[t].family])) as Record<
    DiffedTable,
    keyof MetaData
  >),
  audit_events: 'audit',
};

export interface Row {
  readonly key: string;
  /** The record as JSON text. */
  readonly json: string;
}

/**
 * What the database holds, as this process last wrote or read it. Changed in place
 * only by the catch-up with other processes' writes (`meta-journal.ts`).
 */
export interface WrittenMeta {
  /** Per table, each key's JSON in row order. */
  readonly tables: Record<DiffedTable, Map<string, string>>;
  auditCount: number;
  readonly settings: Map<string, string>;
}

export interface TableChanges {
  readonly table: MetaTable;
  /** Deleted first: records removed, and records to be inserted again at the end. */
  readonly deleted: readonly string[];
  /** Changed in place, keeping their position. */
  readonly updated: readonly Row[];
  /** Inserted after everything else, in this order. */
  readonly inserted: readonly Row[];
}

export interface MetaChanges {
  readonly tables: readonly TableChanges[];
  readonly settings: readonly Row[];
}

const SETTINGS = ['formatVersion', 'setupToken'] as const satisfies ReadonlyArray<keyof MetaData>;

function rowsOf(table: DiffedTable, data: MetaData): Row[] {
  const { family, key } = FAMILIES[table];
  const records = data[family] as never[];
  return records.map((record) => ({ key: key(record), json: JSON.stringify(record) }));
}

function diffTable(
  table: DiffedTable,
  before: ReadonlyMap<string, string>,
  rows: readonly Row[],
): TableChanges {
  const position = new Map([...before.keys()].map((key, index) => [key, index]));
  const present = new Set(rows.map((row) => row.key));
  const deleted = [...before.keys()].filter((key) => !present.has(key));
  const updated: Row[] = [];
  const inserted: Row[] = [];
  let lastKept = -1;
  for (const row of rows) {
    const was = position.get(row.key);
    if (inserted.length === 0 && was !== undefined && was > lastKept) {
      lastKept = was;
      if (before.get(row.key) !== row.json) updated.push(row);
      continue;
    }
    if (was !== undefined) deleted.push(row.key);
    inserted.push(row);
  }
  return { table, deleted, updated, inserted };
}

/** The changes from `before` to `data`, and what the database holds once they are written. */
export function diffMetaData(
  before: WrittenMeta,
  data: MetaData,
): { changes: MetaChanges; after: WrittenMeta } {
  const tables: TableChanges[] = [];
  const afterTables = {} as Record<DiffedTable, Map<string, string>>;
  for (const table of DIFFED_TABLES) {
    const rows = rowsOf(table, data);
    const changes = diffTable(table, before.tables[table], rows);
    if (changes.deleted.length + changes.updated.length + changes.inserted.length > 0) {
      tables.push(changes);
    }
    afterTables[table] = new Map(rows.map((row) => [row.key, row.json]));
  }
  // Append-only: only the events added since the last write are new.
  const newEvents = data.audit.slice(before.auditCount);
  if (newEvents.length > 0) {
    tables.push({
      table: 'audit_events',
      deleted: [],
      updated: [],
      inserted: newEvents.map((event) => ({ key: event.id, json: JSON.stringify(event) })),
    });
  }
  const settings: Row[] = [];
  const afterSettings = new Map<string, string>();
  for (const name of SETTINGS) {
    const json = JSON.stringify(data[name]);
    afterSettings.set(name, json);
    if (before.settings.get(name) !== json) settings.push({ key: name, json });
  }
  return {
    changes: { tables, settings },
    after: { tables: afterTables, auditCount: data.audit.length, settings: afterSettings },
  };
}

/** What an empty schema holds. */
export function nothingWritten(): WrittenMeta {
  const tables = {} as Record<DiffedTable, Map<string, string>>;
  for (const table of DIFFED_TABLES) tables[table] = new Map();
  return {
    tables,
    auditCount: 0,
    settings: new Map<string, string>(),
  };
}

/** What the database holds when it holds `data` (after loading it). */
export function writtenFrom(data: MetaData): WrittenMeta {
  return diffMetaData(nothingWritten(), data).after;
}
