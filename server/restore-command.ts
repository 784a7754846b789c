/**
 * `npm run restore -- DIR`
 *
 * Restores a backup made by `npm run backup` into DATA_DIR (the same setting the
 * server reads; ./data by default), which must be empty or not exist yet. Every
 * file is checked against the backup's manifest before anything is written.
 * Start the server on DATA_DIR afterwards.
 * Exit codes: 0 restored; 1 refused or failed (the message says why); 2 the
 * command line is wrong.
 */
import { RestoreError, restoreBackup } from './backup/restore';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

const USAGE = `usage: [DATA_DIR=<an empty or new directory>] npm run restore -- DIR

  DIR       a backup made by npm run backup
  DATA_DIR  where to restore it (default ./data); it must be empty or not exist
`;

const [from, ...extra] = process.argv.slice(2);
if (!from || extra.length > 0 || from.startsWith('-')) {
  process.stderr.write(`name one backup directory\n\n${USAGE}`);
  process.exit(2);
}

let dataDir: string;
try {
  dataDir = loadConfig(process.env).dataDir;
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}

try {
  const result = await restoreBackup({ from, dataDir, logger: createLogger('warn') });
  process.stdout.write(
    `Restored the metadata and ${result.documents} documents, as they were at ` +
      `${result.manifest.takenAt}, into ${dataDir}. Start the server with DATA_DIR=${dataDir}.\n`,
  );
  if (result.tornTails.length > 0) {
    process.stdout.write(
      `${result.tornTails.length} document log(s) end in a record cut short; the server cuts it ` +
        `(keeping it aside) when it opens them: ${result.tornTails.join(', ')}\n`,
    );
  }
} catch (error) {
  const message = error instanceof RestoreError ? error.message : String(error);
  process.stderr.write(
    `Restore failed: ${message}\n` +
      (error instanceof RestoreError
        ? ''
        : `DATA_DIR ${dataDir} may hold part of the restore: empty it and run the restore again.\n`),
  );
  process.exit(1);
}
