/**
 * The words people read for every stored choice of an item's fields, one source for the screens
 * and the exports: "Seen elsewhere", never `elsewhere`; "Down: lower is better", never `Down`.
 * A choice without words here is a bug the export wording test finds.
 */
import { STEP_TYPE_LABELS } from '../diagrams/process-map';
import type { ItemKind } from '../schemas/records';

export type ChoiceWords = Readonly<Record<string, string>>;

export const IDEA_STATUS_LABELS: ChoiceWords = {
  idea: 'Idea',
  testing: 'Testing',
  adopted: 'Adopted',
  adapted: 'Adapted',
  abandoned: 'Abandoned',
  spread: 'Spread',
};

export const IDEA_SOURCE_LABELS: ChoiceWords = {
  evidence: 'Evidence',
  patient: 'Patient idea',
  elsewhere: 'Seen elsewhere',
  hunch: 'Hunch',
};

export const IDEA_IMPACT_LABELS: ChoiceWords = { high: 'High', low: 'Low' };
export const IDEA_EFFORT_LABELS: ChoiceWords = { easy: 'Easy', hard: 'Hard' };

export const AIM_DIRECTION_LABELS: ChoiceWords = { increase: 'Increase', decrease: 'Reduce' };

export const PDSA_DECISION_LABELS: ChoiceWords = {
  adopt: 'Adopt',
  adapt: 'Adapt',
  abandon: 'Abandon',
};

export const YES_NO_LABELS: ChoiceWords = { yes: 'Yes', no: 'No' };

export const MEASURE_TYPE_LABELS: ChoiceWords = {
  outcome: 'Outcome measure',
  process: 'Process measure',
  balancing: 'Balancing measure',
};

export const MEASURE_DIRECTION_LABELS: ChoiceWords = {
  up: 'Up: higher is better',
  down: 'Down: lower is better',
};

export const RECORDED_AS_LABELS: ChoiceWords = {
  values: 'One value per period',
  proportions: 'Numerator and denominator (a proportion)',
};

export const DRIVER_TYPE_LABELS: ChoiceWords = {
  aim: 'Aim',
  primary: 'Primary driver',
  secondary: 'Secondary driver',
  idea: 'Change idea',
};

export const LINK_STRENGTH_LABELS: ChoiceWords = { strong: 'Strong link', weak: 'Weak link' };

/** Words for each choice field of each kind, by field name. */
export const CHOICE_LABELS: Readonly<Record<ItemKind, Readonly<Record<string, ChoiceWords>>>> = {
  problem: { aimDirection: AIM_DIRECTION_LABELS },
  drivers: { type: DRIVER_TYPE_LABELS, strength: LINK_STRENGTH_LABELS },
  idea: {
    source: IDEA_SOURCE_LABELS,
    impact: IDEA_IMPACT_LABELS,
    effort: IDEA_EFFORT_LABELS,
    status: IDEA_STATUS_LABELS,
  },
  pdsa: { asPlanned: YES_NO_LABELS, decision: PDSA_DECISION_LABELS },
  measure: {
    type: MEASURE_TYPE_LABELS,
    direction: MEASURE_DIRECTION_LABELS,
    recordedAs: RECORDED_AS_LABELS,
    excluded: YES_NO_LABELS,
  },
  note: {},
  fishbone: {},
  process: { type: STEP_TYPE_LABELS },
  workshop: {},
};
