/**
 * Where the versions of item documents are kept, apart from the documents' own
 * logs so that compacting a log never touches them. Per document: an index (the
 * versions, each a snapshot step, with who took part; the authorship; each
 * person's last-seen version) and the content that every version's text comes
 * from (one Yjs update of a document without garbage collection). The index is
 * small and read for lists; the content only to show or compare versions.
 */
import * as z from 'zod';
import type { AuthorshipData } from '../../shared/history/authorship';

export const VERSION_REASONS = [
  'auto',
  'named',
  'before-restore',
  'restore',
  'before-migration',
  'seen',
] as const;

const authorRange = z.tuple([
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.number().int().positive(),
  z.number().int().nonnegative(),
]);

export const StoredVersionSchema = z.object({
  id: z.string().min(1),
  at: z.string().min(1),
  name: z.string().nullable(),
  reason: z.enum(VERSION_REASONS),
  /** Who asked for it (null: taken automatically). */
  takenBy: z.string().nullable(),
  /** Who changed the document since the version before. */
  people: z.array(z.string()),
  restoredFrom: z.string().nullable(),
  /** The snapshot, with only the deletions since the version before (base64). */
  step: z.string(),
});
export type StoredVersion = z.infer<typeof StoredVersionSchema>;

export const HistoryIndexSchema = z.object({
  versions: z.array(StoredVersionSchema),
  authorship: z.object({
    people: z.array(z.string()),
    inserted: z.array(authorRange),
    deleted: z.array(authorRange),
  }),
  /** Per person, the version they last looked at. */
  seen: z.record(z.string(), z.object({ versionId: z.string(), at: z.string() })),
  /** How many times it was written: a write must name the revision it read (absent: none). */
  revision: z.number().int().nonnegative().optional(),
});
export type HistoryIndex = Omit<z.infer<typeof HistoryIndexSchema>, 'authorship'> & {
  readonly authorship: AuthorshipData;
};

export function emptyHistoryIndex(): HistoryIndex {
  return { versions: [], authorship: { people: [], inserted: [], deleted: [] }, seen: {} };
}

/**
 * A write named a revision that is no longer the stored one: another process wrote
 * the same history since this one read it. Nothing was written; read again and redo.
 */
export class HistoryConflict extends Error {
  constructor(docId: string, expected: number, stored: number) {
    super(`history of ${docId} is at revision ${stored}, not ${expected}`);
  }
}

/** The revision a write of `index` expects to find stored (0: no history yet). */
export function expectedRevision(index: HistoryIndex): number {
  return index.revision ?? 0;
}

export interface HistoryStore {
  /** The index of a document's history (with its revision), or null when it has none. */
  readIndex(docId: string): Promise<HistoryIndex | null>;
  /** The content every version reads from (a version-2 update), or null. */
  readContent(docId: string): Promise<Uint8Array | null>;
  /**
   * Replaces the index, and the content when given, if the stored revision is still
   * the one `index` was read at; else rejects with `HistoryConflict` and changes
   * nothing. Durable when it resolves; the stored revision is then one more.
   */
  write(docId: string, index: HistoryIndex, content?: Uint8Array): Promise<void>;
  /** Bytes stored for a document's history (for the benchmark and metrics). */
  bytes(docId: string): Promise<number>;
  /** Every document with a history, in id order (for `migrate-store`). */
  docIds(): Promise<string[]>;
}

export function createMemoryHistoryStore(): HistoryStore {
  const indexes = new Map<string, string>();
  const contents = new Map<string, Uint8Array>();
  const revisionOf = (docId: string) => {
    const text = indexes.get(docId);
    return text === undefined ? 0 : expectedRevision(JSON.parse(text) as HistoryIndex);
  };
  return {
    readIndex: async (docId) => {
      const text = indexes.get(docId);
      return text === undefined ? null : HistoryIndexSchema.parse(JSON.parse(text));
    },
    readContent: async (docId) => contents.get(docId)?.slice() ?? null,
    write: async (docId, index, content) => {
      const stored = revisionOf(docId);
      const expected = expectedRevision(index);
      if (stored !== expected) throw new HistoryConflict(docId, expected, stored);
      indexes.set(docId, JSON.stringify({ ...index, revision: stored + 1 }));
      if (content) contents.set(docId, content.slice());
    },
    bytes: async (docId) =>
      (indexes.get(docId)?.length ?? 0) + (contents.get(docId)?.byteLength ?? 0),
    docIds: async () => [...indexes.keys()].sort(),
  };
}
