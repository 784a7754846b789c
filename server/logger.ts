/**
 * The one logger, passed in to every server module (never imported as a global),
 * so tests can capture what was logged. Lines are JSON: one event, with context.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogRecord extends LogContext {
  level: LogLevel;
  message: string;
  time: string;
}

function serialiseError(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  return value;
}

/** A logger that writes JSON lines to `write` at or above `minLevel`. */
export function createLogger(
  minLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const emit = (level: LogLevel, message: string, context: LogContext = {}) => {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[minLevel]) return;
    const fields: LogContext = {};
    for (const [key, value] of Object.entries(context)) fields[key] = serialiseError(value);
    const record: LogRecord = { time: new Date().toISOString(), level, message, ...fields };
    write(JSON.stringify(record));
  };
  return {
    debug: (message, context) => emit('debug', message, context),
    info: (message, context) => emit('info', message, context),
    warn: (message, context) => emit('warn', message, context),
    error: (message, context) => emit('error', message, context),
  };
}

/** A logger that keeps records in memory and tells subscribers of each one; for tests. */
export function createMemoryLogger(): Logger & {
  records: LogRecord[];
  subscribe(listener: (record: LogRecord) => void): () => void;
} {
  const records: LogRecord[] = [];
  const listeners = new Set<(record: LogRecord) => void>();
  const logger = createLogger('debug', (line) => {
    const record = JSON.parse(line) as LogRecord;
    records.push(record);
    for (const listener of listeners) listener(record);
  });
  return Object.assign(logger, {
    records,
    subscribe(listener: (record: LogRecord) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}
