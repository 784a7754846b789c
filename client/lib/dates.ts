import { isCalendarDate } from '../../shared/calendar-date';
import { localDate, localDateTime } from '../../shared/english-date';

/** Dates as NHS.UK content style writes them: "14 March 2026". */

export function formatDate(iso: string): string {
  // A day that does not exist (2026-02-30) is shown as stored, not rolled over into March.
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && !isCalendarDate(iso)) return iso;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localDate(date);
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : localDateTime(date);
}
