/**
 * The words a PDSA screen shows for stored codes and dates: decisions (always as
 * text, so that a colour is never the only cue), "carried out as planned",
 * cycle names and date ranges.
 */
import { isCalendarDate } from '../../../shared/calendar-date';
import {
  type ChoiceWords,
  PDSA_DECISION_LABELS,
  YES_NO_LABELS,
} from '../../../shared/documents/choice-labels';
import type { FieldValue } from '../../../shared/documents/item-doc';
import { PDSA_DECISIONS } from '../../../shared/documents/item-kinds';
import { utcDate } from '../../../shared/english-date';

const label = (words: ChoiceWords, value: string) => words[value] ?? value;

export type PdsaDecision = (typeof PDSA_DECISIONS)[number];

export interface ChoiceOption {
  /** Null: the "not yet" answer, which clears the field. */
  readonly value: string | null;
  readonly label: string;
  readonly hint?: string;
}

export const DECISION_OPTIONS: readonly ChoiceOption[] = [
  {
    value: 'adopt',
    label: label(PDSA_DECISION_LABELS, 'adopt'),
    hint: 'Make the change part of how we work',
  },
  {
    value: 'adapt',
    label: label(PDSA_DECISION_LABELS, 'adapt'),
    hint: 'Change it and test it again',
  },
  {
    value: 'abandon',
    label: label(PDSA_DECISION_LABELS, 'abandon'),
    hint: 'Stop testing this change',
  },
  { value: null, label: 'Not decided yet' },
];

export const AS_PLANNED_OPTIONS: readonly ChoiceOption[] = [
  { value: 'yes', label: label(YES_NO_LABELS, 'yes') },
  { value: 'no', label: label(YES_NO_LABELS, 'no') },
  { value: null, label: 'Not recorded yet' },
];

export function isDecision(value: FieldValue): value is PdsaDecision {
  return typeof value === 'string' && (PDSA_DECISIONS as readonly string[]).includes(value);
}

/** The label of a stored choice, or the "not yet" option's label. */
export function choiceLabel(options: readonly ChoiceOption[], value: FieldValue): string {
  const found = options.find((option) => option.value !== null && option.value === value);
  return (found ?? options.find((option) => option.value === null))?.label ?? '';
}

/** NHS.UK tag colour of a decision; the tag's text always names the decision too. */
export function decisionTagClass(value: FieldValue): string {
  if (!isDecision(value)) return 'nhsuk-tag nhsuk-tag--grey';
  switch (value) {
    case 'adopt':
      return 'nhsuk-tag nhsuk-tag--green';
    case 'adapt':
      return 'nhsuk-tag nhsuk-tag--yellow';
    case 'abandon':
      return 'nhsuk-tag nhsuk-tag--red';
    default: {
      const unreachable: never = value;
      throw new Error(`unknown decision ${String(unreachable)}`);
    }
  }
}

/** "14 March 2026" for `2026-03-14`; anything else as it is. */
export function formatDay(value: FieldValue): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return '';
  // 2026-02-30 is shown as stored: `Date` would show it as 2 March.
  // A stored date is a calendar day, not an instant: read it the same in every time zone.
  return isCalendarDate(value) ? utcDate(new Date(`${value}T00:00:00Z`)) : value;
}

/** "3 March 2026 to 9 March 2026", "From 3 March 2026", "Until …" or "Not set". */
export function dateRange(start: FieldValue, end: FieldValue): string {
  const from = formatDay(start);
  const to = formatDay(end);
  if (from && to) return from === to ? from : `${from} to ${to}`;
  if (from) return `From ${from}`;
  if (to) return `Until ${to}`;
  return 'Not set';
}

/** "Cycle 2a", or the item's title when the cycle has no label yet. */
export function cycleName(label: string, title: string): string {
  const trimmed = label.trim();
  if (trimmed) return `Cycle ${trimmed}`;
  return title.trim() || 'Untitled cycle';
}
