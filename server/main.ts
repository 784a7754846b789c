/**
 * The process entry point: configuration, logger, server, and the signals that
 * stop it gracefully. Everything else is created here and passed down.
 */
import { startWorkspaceServer } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { describeUrl } from './store/postgres/database-address';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const server = await startWorkspaceServer({ config, logger });
  const storage =
    config.database === null
      ? { dataDir: config.dataDir }
      : { database: describeUrl(config.database.url), schema: config.database.schema };
  logger.info('Improvement Lab is running', { url: server.url, ...storage });
  process.stdout.write(`Improvement Lab is running at ${server.url}\n`);
  if (server.setupPath) {
    // Printed, never logged: the link is a one-time secret for whoever runs the server.
    const base = config.publicUrl ?? server.url;
    process.stdout.write(
      `Set up the first administrator (link valid 24 hours): ${base}${server.setupPath}\n`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Improvement Lab could not start: ${String(error)}\n`);
  // The same as a log line, with the stack and cause, for whoever reads the logs.
  createLogger('error').error('could not start', { error });
  process.exit(1);
});
