/**
 * The personal-data guardrail: finds text that looks like it could identify a
 * patient (an NHS number that passes its check digit, a date of birth, a UK
 * postcode, a UK phone number, an email address, a hospital number in a format the
 * lab names). It warns and never blocks: the person chooses to remove it or to keep
 * it with a reason. The same rules run in the browser (before a comment is posted or
 * a field is left) and on the server (which refuses a comment with findings but no
 * reason, and records the reason when there is one), and exports use them to redact.
 */
import { maskPattern } from './hospital-number';
import { isValidNhsNumber } from './nhs-number';

export const PERSONAL_DATA_KINDS = [
  'nhs_number',
  'hospital_number',
  'email',
  'phone',
  'postcode',
  'date_of_birth',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export interface PersonalDataFinding {
  readonly kind: PersonalDataKind;
  /** UTF-16 offsets into the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface PersonalDataRules {
  /** The lab's hospital number masks (`hospital-number.ts`); none by default. */
  readonly hospitalNumberMasks?: readonly string[];
  /** Today, `YYYY-MM-DD`: dates long before it are likely dates of birth. */
  readonly today: string;
}

/** A full date without a word like "born" is taken for a date of birth if it is this old. */
const YEARS_BEFORE_A_LIKELY_BIRTH_DATE = 16;

const NHS_CANDIDATE = /(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE_CANDIDATE = /(?<![\d+])(?:\+44[ ]?(?:\(0\)[ ]?)?|\(?0)\d[\d ()-]{7,13}\d(?![\d])/g;
const POSTCODE =
  /\b(?:GIR ?0AA|[A-PR-UWYZ](?:[A-HK-Y]?\d[A-Z\d]?|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRVWXY]) ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const NUMERIC_DATE = /(?<![\d])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d])/g;
const ISO_DATE = /(?<![\d])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
const WORDED_DATE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?(?: of)? ${MONTH_WORD}\\.?,? (\\d{4})\\b`,
  'gi',
);
/** Words that say the date next to them is somebody's birth. */
const BIRTH_CUE =
  /\b(?:d\.?o\.?b\.?|date of birth|born|birthday|birth date)\W{0,3}(?:\w+\W+){0,2}$/i;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function fullYear(text: string, todayYear: number): number {
  if (text.length === 4) return Number(text);
  // Two-digit years: the latest year not after this one.
  const short = Number(text);
  const century = Math.floor(todayYear / 100) * 100;
  return century + short > todayYear ? century - 100 + short : century + short;
}

interface DateMatch {
  readonly start: number;
  readonly end: number;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly shortYear: boolean;
}

function findDates(text: string, todayYear: number): DateMatch[] {
  const dates: DateMatch[] = [];
  for (const m of text.matchAll(ISO_DATE)) {
    const [all, y, mo, d] = m as unknown as [string, string, string, string];
    dates.push({
      start: m.index,
      end: m.index + all.length,
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      shortYear: false,
    });
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const [all, d, mo, y] = m as unknown as [string, string, string, string];
    // UK order: day, month, year.
    dates.push({
      start: m.index,
      end: m.index + all.length,
      year: fullYear(y, todayYear),
      month: Number(mo),
      day: Number(d),
      shortYear: y.length === 2,
    });
  }
  for (const m of text.matchAll(WORDED_DATE)) {
    const [all, d, monthWord, y] = m as unknown as [string, string, string, string];
    const month = MONTHS.indexOf(monthWord.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]);
    dates.push({
      start: m.index,
      end: m.index + all.length,
      year: Number(y),
      month: month + 1,
      day: Number(d),
      shortYear: false,
    });
  }
  return dates.filter((date) => isRealDate(date.year, date.month, date.day));
}

function datesOfBirth(text: string, today: string): PersonalDataFinding[] {
  const [todayYear = 0, todayMonth = 1, todayDay = 1] = today.split('-').map(Number);
  const cutoff = Date.UTC(todayYear - YEARS_BEFORE_A_LIKELY_BIRTH_DATE, todayMonth - 1, todayDay);
  const todayTime = Date.UTC(todayYear, todayMonth - 1, todayDay);
  const findings: PersonalDataFinding[] = [];
  for (const date of findDates(text, todayYear)) {
    const time = Date.UTC(date.year, date.month - 1, date.day);
    const cued = BIRTH_CUE.test(text.slice(Math.max(0, date.start - 40), date.start));
    const likely = cued ? time <= todayTime : !date.shortYear && time <= cutoff;
    if (likely) {
      findings.push({
        kind: 'date_of_birth',
        start: date.start,
        end: date.end,
        text: text.slice(date.start, date.end),
      });
    }
  }
  return findings;
}

function matches(
  text: string,
  pattern: RegExp,
  kind: PersonalDataKind,
  accept: (match: string) => boolean = () => true,
): PersonalDataFinding[] {
  const found: PersonalDataFinding[] = [];
  for (const m of text.matchAll(pattern)) {
    const match = m[0];
    if (accept(match))
      found.push({ kind, start: m.index, end: m.index + match.length, text: match });
  }
  return found;
}

/** Whether a run of digits (with spaces, brackets, hyphens, +44) is a UK phone number. */
export function isUkPhoneNumber(candidate: string): boolean {
  let digits = candidate.replace(/\D/g, '');
  if (candidate.trim().startsWith('+44')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
  if (/^0[1235789]\d{9}$/.test(digits)) return true;
  // Some older geographic numbers have ten digits.
  return /^01\d{8}$/.test(digits);
}

function hospitalNumbers(text: string, masks: readonly string[]): PersonalDataFinding[] {
  return masks.flatMap((mask) =>
    matches(
      text,
      new RegExp(`(?<![A-Za-z0-9])${maskPattern(mask)}(?![A-Za-z0-9])`, 'gi'),
      'hospital_number',
    ),
  );
}

/**
 * Everything in `text` that looks like personal data, in text order. Where two
 * rules match overlapping text, the more specific one wins (an NHS number over a
 * phone number, an email address over a postcode inside it).
 */
export function findPersonalData(text: string, rules: PersonalDataRules): PersonalDataFinding[] {
  const byPriority = [
    ...matches(text, EMAIL, 'email'),
    ...matches(text, NHS_CANDIDATE, 'nhs_number', isValidNhsNumber),
    ...hospitalNumbers(text, rules.hospitalNumberMasks ?? []),
    ...matches(text, PHONE_CANDIDATE, 'phone', isUkPhoneNumber),
    ...matches(text, POSTCODE, 'postcode'),
    ...datesOfBirth(text, rules.today),
  ];
  const kept: PersonalDataFinding[] = [];
  for (const finding of byPriority) {
    if (kept.some((other) => finding.start < other.end && other.start < finding.end)) continue;
    kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export const REDACTED = '[removed]';

/** `text` with every finding replaced by `replacement` (exports, "remove it"). */
export function redactPersonalData(
  text: string,
  rules: PersonalDataRules,
  replacement: string = REDACTED,
): string {
  const findings = findPersonalData(text, rules);
  let result = '';
  let from = 0;
  for (const finding of findings) {
    result += text.slice(from, finding.start) + replacement;
    from = finding.end;
  }
  return result + text.slice(from);
}
