/** The editable fields of a lab (title, challenge, phase), shared by creating and settings. */
import { Limits } from '../../../shared/limits';
import { LAB_PHASES, type LabPhase } from '../../../shared/roles';
import type { FormErrors } from '../../lib/form-errors';
import { SelectField, TextareaField, TextField } from '../../lib/form-fields';
import { PHASE_DESCRIPTIONS, PHASE_LABELS } from '../../lib/labels';

export interface LabBasics {
  readonly title: string;
  readonly challenge: string;
  readonly phase: LabPhase;
}

export function labFieldIds(prefix: string) {
  return {
    title: `${prefix}-title`,
    challenge: `${prefix}-challenge`,
    phase: `${prefix}-phase`,
    startDate: `${prefix}-start-date`,
    endDate: `${prefix}-end-date`,
    topic: `${prefix}-topic`,
  } as const;
}

const PHASE_CHOICES = LAB_PHASES.map((value) => ({
  value,
  label: `${PHASE_LABELS[value]}: ${PHASE_DESCRIPTIONS[value].toLowerCase()}`,
}));

export function LabBasicsFields(props: {
  prefix: string;
  lab: LabBasics;
  errors: FormErrors | null;
  onChange(lab: LabBasics): void;
}) {
  const { lab, errors, onChange } = props;
  const ids = labFieldIds(props.prefix);
  return (
    <>
      <TextField
        id={ids.title}
        label="Lab title"
        width={30}
        maxLength={Limits.maxTitleLength}
        value={lab.title}
        error={errors?.fields.title}
        onChange={(title) => onChange({ ...lab, title })}
      />
      <TextareaField
        id={ids.challenge}
        label="Challenge question"
        hint="The question the lab works on, for example “How might we reduce falls on Ward 7?”"
        maxLength={2000}
        value={lab.challenge}
        error={errors?.fields.challenge}
        onChange={(challenge) => onChange({ ...lab, challenge })}
      />
      <SelectField
        id={ids.phase}
        label="Phase"
        choices={PHASE_CHOICES}
        value={lab.phase}
        error={errors?.fields.phase}
        onChange={(phase) => onChange({ ...lab, phase })}
      />
    </>
  );
}
