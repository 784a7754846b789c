/**
 * A backup of the embedded store (`npm run backup`): the files of a data directory
 * at one moment, and `backup.json`, this manifest, naming each with its size and
 * SHA-256. The server sends it last in the backup stream; the backup command
 * writes it last, once every file matched it, so a directory with a manifest is
 * a whole backup. `npm run restore` checks every file against it before it writes.
 */
import * as z from 'zod';
import { DOC_ID_PATTERN } from '../doc-id';
import { Limits } from '../limits';

export const BACKUP_FORMAT = 'improvement-lab-backup';
export const BACKUP_VERSION = 1;
export const BACKUP_MANIFEST = 'backup.json';
export const BACKUP_META_FILE = 'meta.json';
export const BACKUP_DOCS_DIR = 'docs';

/** `meta.json` or `docs/<docId>.ylog`: the only paths a backup may hold. */
export function isBackupFilePath(value: string): boolean {
  if (value === BACKUP_META_FILE) return true;
  const match = /^docs\/(.+)\.ylog$/.exec(value);
  const docId = match?.[1];
  return docId !== undefined && docId.length <= Limits.maxDocIdLength && DOC_ID_PATTERN.test(docId);
}

export const BackupFileSchema = z.object({
  path: z.string().refine(isBackupFilePath, 'is not meta.json or docs/<document id>.ylog'),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 in hex'),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

export const BackupManifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    /** The moment the copy was taken (ISO 8601). */
    takenAt: z.iso.datetime(),
    files: z.array(BackupFileSchema),
  })
  .refine((m) => m.files.some((f) => f.path === BACKUP_META_FILE), 'it has no meta.json')
  .refine(
    (m) => new Set(m.files.map((f) => f.path)).size === m.files.length,
    'a file is listed twice',
  );
export type BackupManifest = z.infer<typeof BackupManifestSchema>;
