/**
 * Several processes sharing one schema's metadata (scale-out with Redis). Each keeps
 * the whole metadata in memory, because the MetaStore's reads and checks are
 * synchronous; each write also records the keys it changed in `meta_changes`, in
 * commit order (writers take turns under a transaction lock). A process catches up
 * by reading the journal after the last entry it has seen and loading those records
 * from their tables, so what it applies is what PostgreSQL holds now, whichever
 * process wrote it and in whatever order the notifications came: every copy ends up
 * equal to the database. A key this process has changed and not yet written is left
 * alone (its write follows, is journalled, and is read back in turn), so a local change
 * is never lost to a catch-up and the last committed write wins, record by record.
 */
import type { ZodType } from 'zod';
import {
  type MetaData,
  MetaDataSchema,
  SetupTokenRecordSchema,
} from '../../../shared/schemas/records';
import type { Logger } from '../../logger';
import type { RemoteMetaChange } from '../meta-store';
import { DIFFED_TABLES, type DiffedTable, familyOf, type WrittenMeta } from './meta-rows';
import type { MetaTable } from './migrations';

type Queryable = { query: import('pg').Pool['query'] };

/** What one catch-up must look at: per table (or `meta_settings`), the keys. */
export type Wanted = Map<MetaTable | 'meta_settings', Set<string>>;

/** Journal entries at most read per catch-up; the rest come with the next. */
const JOURNAL_PAGE = 5_000;

export interface JournalRead {
  readonly wanted: Wanted;
  /** The last entry read: where the next catch-up starts. */
  readonly head: number;
  /** True when entries after `after` were pruned unread: everything must be reloaded. */
  readonly gap: boolean;
}

/** Reads the journal after entry `after`; entries of this writer's audit events are left out. */
export async function readJournal(
  db: Queryable,
  after: number,
  writer: string,
): Promise<JournalRead> {
  const { rows } = await db.query<{ id: number; writer: string; tbl: string; key: string }>(
    `SELECT id::float8 AS id, writer, tbl, key FROM meta_changes WHERE id > $1 ORDER BY id LIMIT ${JOURNAL_PAGE}`,
    [after],
  );
  let gap = false;
  if (after > 0) {
    // Ids have gaps (a rolled-back write), so only an oldest entry past the next
    // one expected says that entries this process never read were pruned.
    const oldest = await db.query<{ id: number | null }>(
      'SELECT min(id)::float8 AS id FROM meta_changes',
    );
    const first = oldest.rows[0]?.id ?? null;
    gap = first !== null && first > after + 1 && rows[0]?.id === first;
  }
  const wanted: Wanted = new Map();
  let head = after;
  for (const row of rows) {
    head = row.id;
    // The audit trail only grows: this process's own events are already in memory.
    if (row.tbl === 'audit_events' && row.writer === writer) continue;
    const table = row.tbl as MetaTable | 'meta_settings';
    let keys = wanted.get(table);
    if (keys === undefined) {
      keys = new Set();
      wanted.set(table, keys);
    }
    keys.add(row.key);
  }
  return { wanted, head, gap };
}

/** How long journal entries are kept, and how often one process deletes older ones. */
const JOURNAL_KEPT = '1 day';
export const JOURNAL_PRUNE_EVERY_MS = 10 * 60_000;

/** Deletes journal entries older than a day. */
export async function pruneJournal(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM meta_changes WHERE at < now() - interval '${JOURNAL_KEPT}'`);
}

/** Every key of every diffed table and setting, for a full reload after a gap. */
export async function everyKey(db: Queryable, data: MetaData): Promise<Wanted> {
  const wanted: Wanted = new Map();
  for (const table of DIFFED_TABLES) {
    const { rows } = await db.query<{ key: string }>(`SELECT key FROM ${table}`);
    const { family, key } = familyOf(table);
    const keys = new Set(rows.map((row) => row.key));
    for (const record of data[family] as unknown[]) keys.add(key(record));
    wanted.set(table, keys);
  }
  wanted.set('meta_settings', new Set(['setupToken']));
  return wanted;
}

/** The stored JSON of the wanted records, per table and key (absent: deleted). */
export type StoredRows = Map<string, Map<string, string>>;

export async function readWantedRows(db: Queryable, wanted: Wanted): Promise<StoredRows> {
  const rows: StoredRows = new Map();
  for (const [table, keys] of wanted) {
    const sql =
      table === 'meta_settings'
        ? 'SELECT name AS key, value::text AS json FROM meta_settings WHERE name = ANY($1::text[])'
        : `SELECT key, record::text AS json FROM ${table} WHERE key = ANY($1::text[]) ORDER BY seq`;
    const result = await db.query<{ key: string; json: string }>(sql, [[...keys]]);
    rows.set(table, new Map(result.rows.map((row) => [row.key, row.json])));
  }
  return rows;
}

function elementSchema(family: keyof MetaData): ZodType<unknown> {
  // Families added after the first format are arrays with a default (`.default([])`):
  // their element is that of the array inside.
  const field = MetaDataSchema.shape[family] as unknown as {
    element?: ZodType<unknown>;
    unwrap?: () => { element: ZodType<unknown> };
  };
  const element = field.element ?? field.unwrap?.().element;
  if (element === undefined) throw new Error(`the metadata family ${family} is not a list`);
  return element;
}

/**
 * Applies the stored rows to the copy in memory and to what this process believes
 * the database holds, in one synchronous step; returns what changed. Records keep
 * their places, new ones go last (in memory and in `written` alike, so the next
 * write's diff sees nothing out of place).
 */
export function applyStoredRows(
  data: MetaData,
  written: WrittenMeta,
  wanted: Wanted,
  stored: StoredRows,
  logger: Logger,
): RemoteMetaChange[] {
  const changes: RemoteMetaChange[] = [];
  for (const [table, keys] of wanted) {
    const rows = stored.get(table) ?? new Map<string, string>();
    if (table === 'meta_settings') applySettings(data, written, rows);
    else if (table === 'audit_events') applyAudit(data, written, keys, rows, logger);
    else applyTable(table, data, written, keys, rows, logger, changes);
  }
  return changes;
}

function applyTable(
  table: DiffedTable,
  data: MetaData,
  written: WrittenMeta,
  keys: ReadonlySet<string>,
  rows: ReadonlyMap<string, string>,
  logger: Logger,
  changes: RemoteMetaChange[],
): void {
  const { family, key: keyOf } = familyOf(table);
  const records = data[family] as unknown[];
  const index = new Map<string, number>();
  records.forEach((record, i) => {
    index.set(keyOf(record), i);
  });
  const known = written.tables[table];
  const schema = elementSchema(family);
  const removed = new Set<number>();
  for (const key of keys) {
    const at = index.get(key);
    const current = at === undefined ? undefined : records[at];
    const believed = known.get(key);
    const pending =
      current === undefined ? believed !== undefined : JSON.stringify(current) !== believed;
    // Changed here and not yet written: that write follows and wins.
    if (pending) continue;
    const json = rows.get(key);
    if (json === believed) continue;
    if (json === undefined) {
      if (at !== undefined) removed.add(at);
      known.delete(key);
      changes.push({ family, before: current, after: null } as RemoteMetaChange);
      continue;
    }
    const parsed = schema.safeParse(JSON.parse(json));
    if (!parsed.success) {
      logger.error('a metadata record another process wrote does not match the schema; kept ours', {
        table,
        key,
      });
      continue;
    }
    const record = parsed.data;
    if (at === undefined) records.push(record);
    else records[at] = record;
    known.set(key, JSON.stringify(record));
    changes.push({ family, before: current ?? null, after: record } as RemoteMetaChange);
  }
  if (removed.size > 0) {
    let kept = 0;
    records.forEach((record, i) => {
      if (!removed.has(i)) records[kept++] = record;
    });
    records.length = kept;
  }
}

function applyAudit(
  data: MetaData,
  written: WrittenMeta,
  keys: ReadonlySet<string>,
  rows: ReadonlyMap<string, string>,
  logger: Logger,
): void {
  if (rows.size === 0) return;
  const have = new Set(data.audit.map((event) => event.id));
  const schema = elementSchema('audit');
  const arrived: MetaData['audit'] = [];
  for (const key of keys) {
    const json = rows.get(key);
    if (json === undefined || have.has(key)) continue;
    const parsed = schema.safeParse(JSON.parse(json));
    if (!parsed.success) {
      logger.error('an audit event another process wrote does not match the schema; skipped', {
        key,
      });
      continue;
    }
    arrived.push(parsed.data as MetaData['audit'][number]);
  }
  // Before this process's events not yet written, which the next write appends.
  data.audit.splice(written.auditCount, 0, ...arrived);
  written.auditCount += arrived.length;
}

function applySettings(
  data: MetaData,
  written: WrittenMeta,
  rows: ReadonlyMap<string, string>,
): void {
  const json = rows.get('setupToken');
  const believed = written.settings.get('setupToken');
  if (json === undefined || json === believed) return;
  if (JSON.stringify(data.setupToken) !== believed) return;
  const parsed = (SetupTokenRecordSchema.nullable() as ZodType<MetaData['setupToken']>).safeParse(
    JSON.parse(json),
  );
  if (!parsed.success) return;
  data.setupToken = parsed.data;
  written.settings.set('setupToken', JSON.stringify(parsed.data));
}
