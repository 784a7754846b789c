/**
 * The one logger, passed in to every server module (never imported as a global),
 * so tests can capture what was logged. Lines are JSON (pino): one event, with
 * context. A room, a connection and an HTTP request each log through a child that
 * carries their ids, so every line says which one it is about.
 */
import pino, { type DestinationStream } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogContext = Record<string, unknown>;

export interface Logger {
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  /** A logger whose every line also carries `bindings` (a document, a connection, a request). */
  child(bindings: LogContext): Logger;
}

export interface LogRecord extends LogContext {
  level: LogLevel;
  message: string;
  time: string;
}

/**
 * Any Error among a line's fields, whatever its key, goes out with its type,
 * message, stack, own fields (`code`, `errno`, `syscall`), its `cause` chain and an
 * AggregateError's errors: an operator needs the stack to find where it failed.
 */
function serialiseErrors(fields: LogContext): LogContext {
  for (const key in fields) {
    if (fields[key] instanceof Error) {
      const out: LogContext = {};
      for (const [name, value] of Object.entries(fields)) {
        out[name] = value instanceof Error ? pino.stdSerializers.errWithCause(value) : value;
      }
      return out;
    }
  }
  return fields;
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, context) => (context ? log.debug(context, message) : log.debug(message)),
    info: (message, context) => (context ? log.info(context, message) : log.info(message)),
    warn: (message, context) => (context ? log.warn(context, message) : log.warn(message)),
    error: (message, context) => (context ? log.error(context, message) : log.error(message)),
    child: (bindings) => wrap(log.child(serialiseErrors(bindings))),
  };
}

function createPino(minLevel: LogLevel, destination: DestinationStream): pino.Logger {
  return pino(
    {
      level: minLevel,
      messageKey: 'message',
      // `level` as its name, `time` as ISO 8601: what these lines always said.
      formatters: {
        level: (label) => ({ level: label }),
        log: serialiseErrors,
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/**
 * A logger that writes JSON lines at or above `minLevel`: to stderr by default,
 * synchronously, so the last lines before an exit are not lost.
 */
export function createLogger(minLevel: LogLevel = 'info', write?: (line: string) => void): Logger {
  const destination: DestinationStream = write
    ? { write: (line) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pino.destination({ dest: 2, sync: true });
  return wrap(createPino(minLevel, destination));
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
