/**
 * Dates written without `Intl` read exactly as `Intl.DateTimeFormat('en-GB')` writes
 * them with the same options: for thousands of instants spread over centuries, in
 * time zones either side of UTC and across clock changes, and for the odd years
 * (before 1000, after 9999) that are handed to `Intl`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { localDate, localDateTime, utcDate } from '../../shared/english-date';
import { seededRandom } from '../helpers/seeded-random';

const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;
const DAY_TIME = { ...DAY, hour: '2-digit', minute: '2-digit' } as const;

const random = seededRandom(20261203);
const FROM = Date.UTC(1000, 0, 1);
const TO = Date.UTC(9999, 11, 31);
const INSTANTS = [
  ...Array.from({ length: 4_000 }, () => new Date(FROM + Math.floor(random() * (TO - FROM)))),
  // Either side of midnight, of a new year and of the UK's clock changes.
  new Date('2026-12-31T23:59:59Z'),
  new Date('2027-01-01T00:00:00Z'),
  new Date('2026-03-29T00:59:00Z'),
  new Date('2026-03-29T01:00:00Z'),
  new Date('2026-10-25T00:30:00Z'),
  new Date('2026-10-25T01:30:00Z'),
];
const ODD_YEARS = [
  new Date('0099-06-01T12:00:00Z'),
  new Date('0999-12-31T12:00:00Z'),
  new Date('+010000-01-01T12:00:00Z'),
];

const originalZone = process.env.TZ;
afterAll(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

describe('dates written out in English', () => {
  it.each(['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'])(
    'read as Intl writes them in %s',
    (zone) => {
      process.env.TZ = zone;
      const day = new Intl.DateTimeFormat('en-GB', DAY);
      const dayTime = new Intl.DateTimeFormat('en-GB', DAY_TIME);
      const utcDay = new Intl.DateTimeFormat('en-GB', { ...DAY, timeZone: 'UTC' });
      for (const instant of [...INSTANTS, ...ODD_YEARS]) {
        expect(localDate(instant)).toBe(day.format(instant));
        expect(localDateTime(instant)).toBe(dayTime.format(instant));
        expect(utcDate(instant)).toBe(utcDay.format(instant));
      }
    },
  );

  it('write the usual form', () => {
    process.env.TZ = 'Europe/London';
    expect(localDateTime(new Date('2026-07-04T08:05:00Z'))).toBe('4 July 2026 at 09:05');
    expect(utcDate(new Date('2027-03-31T00:00:00Z'))).toBe('31 March 2027');
  });
});
