/**
 * The problem statement's fields in the order the screen asks for them, with
 * hints after IHI's guidance: describe the gap (not a solution) and give the
 * baseline figure. The aim's own fields are in `lib/item-fields/aim-fields.ts`,
 * shared with the driver diagram's aim panel. Names are those of `KINDS.problem`
 * in `shared/documents/item-kinds.ts`.
 */
import { formatAimDate, formatAimNumber } from '../../../shared/documents/aim-sentence';
import type { FieldValue } from '../../../shared/documents/item-doc';
import { DIRECTION_LABELS, type FieldHint } from '../../lib/item-fields/aim-fields';

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

/** A stored value as a reader sees it, or "Not given". */
export function displayValue(name: string, value: FieldValue | undefined): string {
  if (value === null || value === undefined || String(value).trim() === '') return 'Not given';
  if (typeof value === 'number') return formatAimNumber(value);
  if (name === 'aimByWhen') return formatAimDate(value);
  if (name === 'aimDirection') return DIRECTION_LABELS[value] ?? value;
  return value;
}
