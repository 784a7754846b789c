/**
 * The PostgreSQL database's address as shown to an operator, and the schema names
 * allowed, without the driver: configuration and start-up use these, and the driver
 * (with the stores) is loaded only in scale-out mode (`open-stores.ts`).
 */

/** Lower-case SQL identifiers only: the name is put into statements and connection options. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/** Connection options shown to an operator without the password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unreadable connection string)';
  }
}
