/**
 * One end of a store migration: an embedded DATA_DIR or a PostgreSQL schema, seen
 * as what `migrate-store` needs of it. Each side holds its writer lock while open, so
 * no server changes it mid-copy.
 */
import type { MetaData } from '../../../shared/schemas/records';
import type { DocStore } from '../doc-store';
import type { HistoryStore } from '../history-store';

export interface StoreSide {
  /** Names the side for people: "DATA_DIR /srv/lab/data", "PostgreSQL schema public". */
  readonly name: string;
  /** True when it holds no metadata and no document. */
  isEmpty(): Promise<boolean>;
  /** All metadata; rejects when there is none. */
  readMeta(): Promise<MetaData>;
  /** Writes all metadata into a side that has none. */
  writeMeta(data: MetaData): Promise<void>;
  /** Every document with something stored, in id order. */
  docIds(): Promise<string[]>;
  readonly docs: DocStore;
  /** The items' versions. */
  readonly history: HistoryStore;
  /** Closes the document store and lets go of the lock. */
  close(): Promise<void>;
}
