/**
 * `npm run backup -- DIR [--url URL]`
 *
 * Takes a consistent copy of the running server's DATA_DIR (documents and
 * metadata at one moment, while people keep editing) into DIR, a new or empty
 * directory, through the server's `POST /api/admin/backup`. The server must be
 * running; the token is an administrator's API token, read from BACKUP_TOKEN (not
 * the command line, where other users of the machine could see it). The URL is
 * --url, else BACKUP_URL, else http://127.0.0.1:$PORT (8787).
 * Exit codes: 0 the backup is complete and checked; 1 it failed (nothing is left in
 * DIR); 2 the command line is wrong.
 */
import { parseArgs } from 'node:util';
import { BackupError, receiveBackup } from './backup/receive-backup';

const USAGE = `usage: BACKUP_TOKEN=<an administrator's API token> npm run backup -- DIR [--url URL]

  DIR    a new or empty directory for the backup
  --url  the running server (default: BACKUP_URL, else http://127.0.0.1:$PORT, PORT 8787)
`;

function usage(problem: string): never {
  process.stderr.write(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<
  typeof parseArgs<{ options: { url: { type: 'string' } }; allowPositionals: true }>
>;
try {
  args = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const [dir, ...extra] = args.positionals;
if (!dir || extra.length > 0) usage('name one directory to back up into');
const token = process.env.BACKUP_TOKEN ?? '';
if (!token) usage('set BACKUP_TOKEN to an administrator’s API token (Account page, API tokens)');
const url =
  args.values.url ?? process.env.BACKUP_URL ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}`;

const started = performance.now();
try {
  const backup = await receiveBackup({ url, token, dir });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (backup.bytes / 1e6).toFixed(1);
  process.stdout.write(
    `Backed up the metadata and ${backup.documents} documents (${megabytes} MB) as they were at ` +
      `${backup.manifest.takenAt} into ${dir} in ${seconds} s.\n`,
  );
} catch (error) {
  const message = error instanceof BackupError ? error.message : String(error);
  process.stderr.write(`Backup failed: ${message}\n`);
  process.exit(1);
}
