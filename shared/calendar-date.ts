/**
 * A calendar day written `YYYY-MM-DD` that exists: 2026-02-30 and 2026-13-01 are
 * refused (JavaScript's `Date` would quietly roll them over into March and the
 * next year). zod's ISO date check knows month lengths and leap years. Used by
 * every boundary that takes a date (API bodies, archives) and by every reader
 * that shows one, which shows an impossible stored date as it is, never as
 * another day.
 */
import * as z from 'zod';

export const CALENDAR_DATE_MESSAGE = 'use a real date like 2026-03-31';

export const CalendarDateSchema = z.iso.date(CALENDAR_DATE_MESSAGE);

export function isCalendarDate(value: unknown): value is string {
  return CalendarDateSchema.safeParse(value).success;
}
