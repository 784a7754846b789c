/**
 * The problem statement's and the aim's fields in the order the screen asks
 * for them, with hints after IHI's guidance: describe the gap (not a
 * solution), give the baseline figure, name a goal with how much and by when.
 * Names are those of `KINDS.problem` in `shared/documents/item-kinds.ts`.
 */
import { formatAimDate, formatAimNumber } from '../../../shared/documents/aim-sentence';
import { AIM_DIRECTION_LABELS } from '../../../shared/documents/choice-labels';
import type { FieldValue } from '../../../shared/documents/item-doc';

export interface FieldHint {
  readonly name: string;
  readonly hint?: string;
}

export const PROBLEM_FIELDS: readonly FieldHint[] = [
  { name: 'what', hint: 'Describe the gap between what happens and what should, not a solution.' },
  { name: 'where' },
  {
    name: 'howBig',
    hint: 'Include the baseline figure and the period it covers, for example 41 falls from April to September: 6.1 per 1,000 occupied bed days.',
  },
  { name: 'who' },
  { name: 'evidence', hint: 'Data, incident reports, and what patients, families and staff said.' },
];

export const AIM_TEXT_FIELDS: readonly FieldHint[] = [
  { name: 'aimWhat', hint: 'A goal, not a solution, for example inpatient falls.' },
  { name: 'aimForWhom', hint: 'For example patients on Ward 7.' },
];

export const AIM_UNIT_FIELD: FieldHint = {
  name: 'aimUnit',
  hint: 'For example falls per 1,000 occupied bed days, or %.',
};

export const AIM_VALUE_FIELDS = ['aimBaseline', 'aimTarget'] as const;
export const AIM_WHEN_FIELDS = ['aimDirection', 'aimByWhen'] as const;

export const DIRECTION_LABELS = AIM_DIRECTION_LABELS;

/** A stored value as a reader sees it, or "Not given". */
export function displayValue(name: string, value: FieldValue | undefined): string {
  if (value === null || value === undefined || String(value).trim() === '') return 'Not given';
  if (typeof value === 'number') return formatAimNumber(value);
  if (name === 'aimByWhen') return formatAimDate(value);
  if (name === 'aimDirection') return DIRECTION_LABELS[value] ?? value;
  return value;
}
