/**
 * The aim's fields in the order the screen asks for them, with hints after
 * IHI's guidance: name a goal, not a solution, with how much and by when. The
 * problem page and the driver diagram's aim panel both ask with these, so the
 * aim reads the same wherever it is written. Names are those of
 * `KINDS.problem` in `shared/documents/item-kinds.ts`.
 */
import { AIM_DIRECTION_LABELS } from '../../../shared/documents/choice-labels';

export interface FieldHint {
  readonly name: string;
  readonly hint?: string;
}

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
