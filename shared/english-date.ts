/**
 * Dates as NHS.UK content style writes them ("14 March 2026", "14 March 2026 at
 * 09:05"), written out here rather than by `Intl.DateTimeFormat`: the browser loads
 * its locale data the first time one is made, tens of milliseconds on the first page
 * of a visit, for a format this simple. The output is `Intl`'s for `en-GB` with the
 * same options (a unit test compares them over many dates and time zones); years
 * outside 1000 to 9999, which `Intl` writes in its own way, go to `Intl`.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const OPTIONS = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const TIME_OPTIONS = { ...OPTIONS, hour: '2-digit', minute: '2-digit' } as const;

function usual(year: number): boolean {
  return year >= 1000 && year <= 9999;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "14 March 2026", the day as it falls in the reader's time zone. */
export function localDate(date: Date): string {
  const year = date.getFullYear();
  if (!usual(year)) return new Intl.DateTimeFormat('en-GB', OPTIONS).format(date);
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${year}`;
}

/** "14 March 2026 at 09:05", in the reader's time zone. */
export function localDateTime(date: Date): string {
  const year = date.getFullYear();
  if (!usual(year)) return new Intl.DateTimeFormat('en-GB', TIME_OPTIONS).format(date);
  return `${localDate(date)} at ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** "14 March 2026" for the UTC day of `date` (a stored calendar day, in any time zone). */
export function utcDate(date: Date): string {
  const year = date.getUTCFullYear();
  if (!usual(year)) {
    return new Intl.DateTimeFormat('en-GB', { ...OPTIONS, timeZone: 'UTC' }).format(date);
  }
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${year}`;
}
