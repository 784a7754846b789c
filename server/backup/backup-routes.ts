/**
 * `POST /api/admin/backup`: for an instance administrator (an API token, or a
 * session with its CSRF token), the whole embedded store as a tar stream of one
 * moment (`snapshot.ts`, `backup-stream.ts`), which `npm run backup` unpacks and
 * checks. One backup at a time; each is audited and logged.
 */
import { Hono } from 'hono';
import { type AppEnv, audit, requireAuth } from '../api/context';
import { ApiError, Errors } from '../api/errors';
import type { Snapshot } from './snapshot';

// The tar writer (tar-stream and what it needs) is loaded on the first backup, not at start.
const loadBackupStream = () => import('./backup-stream');

export const BACKUP_PATH = '/admin/backup';

export interface BackupDeps {
  /** Takes a snapshot now; null when this server does not run on the embedded stores. */
  readonly snapshot: (() => Snapshot) | null;
}

export function backupRoutes(deps: BackupDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  let running = false;
  routes.post(BACKUP_PATH, async (c) => {
    if (!requireAuth(c).user.isAdmin) throw Errors.forbidden('back up this Improvement Lab');
    const take = deps.snapshot;
    if (take === null) {
      throw new ApiError(
        409,
        'backup_unavailable',
        'This server does not keep its data in DATA_DIR, so it cannot back it up.',
      );
    }
    if (running) {
      throw new ApiError(
        409,
        'backup_running',
        'A backup is being taken now. Try again when it has finished.',
      );
    }
    running = true;
    let snapshot: Snapshot;
    let backupStream: Awaited<ReturnType<typeof loadBackupStream>>['backupStream'];
    try {
      ({ backupStream } = await loadBackupStream());
      await audit(c, 'backup.created', null);
      snapshot = take();
    } catch (error) {
      running = false;
      throw error;
    }
    const log = c.get('deps').logger;
    const facts = { takenAt: snapshot.takenAt.toISOString(), documents: snapshot.docs.length };
    log.info('backup started', facts);
    const body = backupStream(snapshot, (error) => {
      running = false;
      if (error === null) log.info('backup sent', facts);
      else log.error('backup not completed', { ...facts, error });
    });
    const stamp = facts.takenAt.replace(/[:.]/g, '-');
    return c.body(body, 200, {
      'content-type': 'application/x-tar',
      'content-disposition': `attachment; filename="improvement-lab-backup-${stamp}.tar"`,
      'cache-control': 'no-store',
    });
  });
  return routes;
}

/** Adds the backup route to the API app (call before the API is mounted on the server). */
export function mountBackupRoutes(api: Hono<AppEnv>, deps: BackupDeps): void {
  api.route('/', backupRoutes(deps));
}
