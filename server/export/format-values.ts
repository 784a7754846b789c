/**
 * How stored values read in a report, in British English: dates as "31 March
 * 2027", numbers with thousands separators, choice values as words.
 */
import { isCalendarDate } from '../../shared/calendar-date';
import type { ChoiceWords } from '../../shared/documents/choice-labels';
import type { FieldValue } from '../../shared/documents/item-doc';

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

/** `2027-03-31` → `31 March 2027`; anything else is returned as it is. */
export function formatDate(value: string): string {
  // 2026-02-30 is shown as stored: `Date` would show it as 2 March.
  if (!isCalendarDate(value)) return value;
  return DATE.format(new Date(`${value}T00:00:00Z`));
}

/** The date part of an ISO time, as `formatDate` writes it. */
export function formatDateTime(iso: string): string {
  return formatDate(iso.slice(0, 10));
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** Stored choice values are identifiers (`allied_health_professional`): show them as words. */
export function humanise(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label before its value: "Owner:", but "Who is affected?" stays a question. */
export function labelFor(label: string): string {
  return /[?:]$/.test(label) ? label : `${label}:`;
}

/**
 * A field's value for a report, by its spec type; empty string when there is nothing to show.
 * A choice reads in the screens' words (`shared/documents/choice-labels.ts`); a stored value
 * those do not know (a document written by hand) is shown as words, never as its code.
 */
export function formatField(
  type: 'text' | 'choice' | 'number' | 'date' | 'ref',
  value: FieldValue,
  words: ChoiceWords = {},
): string {
  if (value === null || value === '') return '';
  switch (type) {
    case 'text':
    case 'ref':
      return String(value).trim();
    case 'choice':
      return words[String(value)] ?? humanise(String(value));
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'date':
      return formatDate(String(value));
    default: {
      const unreachable: never = type;
      throw new Error(`unknown field type ${String(unreachable)}`);
    }
  }
}
