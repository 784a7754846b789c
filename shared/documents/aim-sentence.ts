/**
 * The aim of a problem statement as one readable SMART sentence, built from the
 * aim's fields (`aimWhat`, `aimForWhom`, `aimBaseline`, `aimTarget`, `aimUnit`,
 * `aimDirection`, `aimByWhen`): "Reduce inpatient falls for patients on Ward 7
 * from 6.1 to 4 falls per 1,000 occupied bed days by 31 March 2027." Parts not
 * yet filled in are left out of the sentence and named in a prompt, so that the
 * screen and the exports say the same thing. British English throughout.
 */

import { utcDate } from '../english-date';
import { formatGroupedNumber } from '../english-number';
import type { FieldValue } from './item-doc';

export type AimFields = Readonly<Record<string, FieldValue | undefined>>;

/** The parts of a SMART aim, in the order the sentence uses them. */
export const AIM_PARTS = [
  'what',
  'forWhom',
  'baseline',
  'target',
  'unit',
  'direction',
  'byWhen',
] as const;
export type AimPart = (typeof AIM_PARTS)[number];

/** How each missing part is asked for: "Add a target to complete the aim." */
const PART_PHRASES: Readonly<Record<AimPart, string>> = {
  what: 'what will improve',
  forWhom: 'who it is for',
  baseline: 'a baseline',
  target: 'a target',
  unit: 'a unit',
  direction: 'whether it should increase or decrease',
  byWhen: 'a date',
};

export const EMPTY_AIM_PROMPT = 'Fill in the parts of the aim to build the aim statement.';

interface Aim {
  readonly what: string;
  readonly forWhom: string;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly unit: string;
  readonly direction: 'increase' | 'decrease' | null;
  readonly byWhen: string;
}

function text(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
}

function number(value: FieldValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function readAim(fields: AimFields): Aim {
  const direction = fields.aimDirection;
  return {
    what: text(fields.aimWhat).replace(/[.\s]+$/, ''),
    forWhom: text(fields.aimForWhom).replace(/^for\s+/i, ''),
    baseline: number(fields.aimBaseline),
    target: number(fields.aimTarget),
    unit: text(fields.aimUnit),
    direction: direction === 'increase' || direction === 'decrease' ? direction : null,
    byWhen: text(fields.aimByWhen),
  };
}

/** `2027-03-31` → `31 March 2027`, without the reader's time zone moving the day; else as given. */
export function formatAimDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 30 February would roll over to March: show what was stored rather than another date.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  return utcDate(date);
}

export function formatAimNumber(value: number): string {
  return formatGroupedNumber(value, 6);
}

/** The direction stated, or the one the numbers imply when none is chosen. */
function direction(aim: Aim): 'increase' | 'decrease' | null {
  if (aim.direction) return aim.direction;
  if (aim.baseline === null || aim.target === null || aim.baseline === aim.target) return null;
  return aim.target < aim.baseline ? 'decrease' : 'increase';
}

function verb(aim: Aim): string {
  const way = direction(aim);
  if (way === 'increase') return 'Increase';
  if (way === 'decrease') return 'Reduce';
  return 'Improve';
}

/** "Inpatient falls" reads "inpatient falls" mid-sentence; "NEWS2 scores" keeps its capitals. */
function midSentence(phrase: string): string {
  const firstWord = phrase.split(' ')[0] ?? '';
  const isAcronym = firstWord.length > 1 && firstWord === firstWord.toUpperCase();
  return isAcronym ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/** "from 6.1 to 4 falls per 1,000 bed days"; a per cent sign sits on each number. */
function amounts(aim: Aim): string[] {
  const percent = aim.unit === '%';
  const amount = (value: number) => `${formatAimNumber(value)}${percent ? '%' : ''}`;
  const parts: string[] = [];
  if (aim.baseline !== null) parts.push(`from ${amount(aim.baseline)}`);
  if (aim.target !== null) parts.push(`to ${amount(aim.target)}`);
  if (aim.unit && !percent && parts.length > 0) parts.push(aim.unit);
  return parts;
}

/**
 * The aim as one sentence, leaving out parts not filled in; null without "what
 * will improve", because there is then no aim to state.
 */
export function aimSentence(fields: AimFields): string | null {
  const aim = readAim(fields);
  if (aim.what === '') return null;
  const parts = [verb(aim), midSentence(aim.what)];
  if (aim.forWhom) parts.push(`for ${aim.forWhom}`);
  parts.push(...amounts(aim));
  if (aim.byWhen) parts.push(`by ${formatAimDate(aim.byWhen)}`);
  return `${parts.join(' ')}.`;
}

/** The parts of the aim still to fill in; a direction the numbers imply is not missing. */
export function missingAimParts(fields: AimFields): AimPart[] {
  const aim = readAim(fields);
  const present: Readonly<Record<AimPart, boolean>> = {
    what: aim.what !== '',
    forWhom: aim.forWhom !== '',
    baseline: aim.baseline !== null,
    target: aim.target !== null,
    unit: aim.unit !== '',
    direction: direction(aim) !== null,
    byWhen: aim.byWhen !== '',
  };
  return AIM_PARTS.filter((part) => !present[part]);
}

/** "Add a target and a date to complete the aim."; null when nothing is missing. */
export function aimPrompt(missing: readonly AimPart[]): string | null {
  if (missing.length === 0) return null;
  if (missing.length === AIM_PARTS.length) return EMPTY_AIM_PROMPT;
  const phrases = missing.map((part) => PART_PHRASES[part]);
  const last = phrases.pop();
  const list = phrases.length > 0 ? `${phrases.join(', ')} and ${last}` : last;
  return `Add ${list} to complete the aim.`;
}

/** A direction that the baseline and target contradict, said plainly; otherwise null. */
export function aimConflict(fields: AimFields): string | null {
  const aim = readAim(fields);
  if (aim.baseline === null || aim.target === null) return null;
  const [baseline, target] = [formatAimNumber(aim.baseline), formatAimNumber(aim.target)];
  if (aim.baseline === aim.target) {
    return `The target (${target}) is the same as the baseline: the aim would change nothing.`;
  }
  if (aim.direction === 'decrease' && aim.target > aim.baseline) {
    return `The target (${target}) is higher than the baseline (${baseline}), but the aim is to reduce.`;
  }
  if (aim.direction === 'increase' && aim.target < aim.baseline) {
    return `The target (${target}) is lower than the baseline (${baseline}), but the aim is to increase.`;
  }
  return null;
}

export interface AimStatement {
  /** The sentence so far, or null until "what will improve" is filled in. */
  readonly sentence: string | null;
  readonly missing: readonly AimPart[];
  /** What to add next, or null when the aim is complete. */
  readonly prompt: string | null;
  readonly conflict: string | null;
  readonly complete: boolean;
}

export function describeAim(fields: AimFields): AimStatement {
  const missing = missingAimParts(fields);
  return {
    sentence: aimSentence(fields),
    missing,
    prompt: aimPrompt(missing),
    conflict: aimConflict(fields),
    complete: missing.length === 0,
  };
}
