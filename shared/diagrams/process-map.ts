/**
 * A process map read from its document: the steps in order (start, end, steps,
 * decisions, waits and hand-offs), each in a swimlane (a role or team) or none,
 * with problems and ideas noted on it; flow goes from each step to the next,
 * except from an end and from a decision, whose labelled branches say where
 * each answer goes. The numbered list of steps is the map in words.
 */
import type * as Y from 'yjs';
import { type FieldValue, readFields, readRows } from '../documents/item-doc';
import { PROCESS_STEP_TYPES } from '../documents/item-kinds';

export { PROCESS_STEP_TYPES };
export type StepType = (typeof PROCESS_STEP_TYPES)[number];

export const STEP_TYPE_LABELS: Readonly<Record<StepType, string>> = {
  start: 'Start',
  step: 'Step',
  decision: 'Decision',
  wait: 'Wait',
  handoff: 'Hand-off',
  end: 'End',
};

export interface Lane {
  readonly id: string;
  readonly label: string;
}

export interface ProcessStep {
  readonly id: string;
  /** 1, 2, 3… in the order of the map. */
  readonly number: number;
  readonly type: StepType;
  readonly label: string;
  /** The lane's id, or null when in none (or its lane is gone). */
  readonly lane: string | null;
  readonly problem: string;
  readonly idea: string;
}

export interface Flow {
  readonly from: string;
  readonly to: string;
  /** A decision's answer ("Yes", "No"); empty for the plain next step. */
  readonly label: string;
  /** The branch row it comes from, when it is one. */
  readonly branchId: string | null;
}

export interface ProcessMap {
  readonly scope: string;
  readonly lanes: readonly Lane[];
  readonly steps: readonly ProcessStep[];
  readonly flows: readonly Flow[];
}

const text = (value: FieldValue | undefined) => (typeof value === 'string' ? value.trim() : '');

function isStepType(value: unknown): value is StepType {
  return PROCESS_STEP_TYPES.some((type) => type === value);
}

export function processFromRows(
  scope: string,
  laneRows: ReadonlyArray<Record<string, FieldValue>>,
  stepRows: ReadonlyArray<Record<string, FieldValue>>,
  branchRows: ReadonlyArray<Record<string, FieldValue>>,
): ProcessMap {
  const lanes = laneRows
    .filter((row) => typeof row.id === 'string')
    .map((row) => ({ id: row.id as string, label: text(row.label) }));
  const laneIds = new Set(lanes.map((l) => l.id));
  const steps: ProcessStep[] = stepRows
    .filter((row) => typeof row.id === 'string')
    .map((row, index) => {
      const lane = text(row.lane);
      return {
        id: row.id as string,
        number: index + 1,
        type: isStepType(row.type) ? row.type : 'step',
        label: text(row.label),
        lane: laneIds.has(lane) ? lane : null,
        problem: text(row.problem),
        idea: text(row.idea),
      };
    });
  const stepIds = new Set(steps.map((s) => s.id));
  const branches: Flow[] = branchRows
    .filter((row) => typeof row.id === 'string')
    .map((row) => ({
      from: text(row.from),
      to: text(row.to),
      label: text(row.label),
      branchId: row.id as string,
    }))
    .filter((b) => stepIds.has(b.from) && stepIds.has(b.to));
  const flows: Flow[] = [];
  steps.forEach((step, index) => {
    const own = branches.filter((b) => b.from === step.id);
    if (step.type === 'decision' && own.length > 0) flows.push(...own);
    else if (step.type !== 'end') {
      const next = steps[index + 1];
      if (next) flows.push({ from: step.id, to: next.id, label: '', branchId: null });
    }
  });
  return { scope, lanes, steps, flows };
}

export function readProcessMap(doc: Y.Doc): ProcessMap {
  return processFromRows(
    text(readFields(doc, 'process').scope),
    readRows(doc, 'lanes'),
    readRows(doc, 'steps'),
    readRows(doc, 'branches'),
  );
}

/** "3. Decision: Bed free? (Bed manager)" */
export function stepLine(map: ProcessMap, step: ProcessStep): string {
  return `${step.number}. ${stepText(map, step)}`;
}

/** A step in words without its number, for a numbered list that draws the number itself. */
export function stepText(map: ProcessMap, step: ProcessStep): string {
  const lane = step.lane ? map.lanes.find((l) => l.id === step.lane)?.label : undefined;
  return `${STEP_TYPE_LABELS[step.type]}: ${step.label || '(no label yet)'}${lane ? ` (${lane})` : ''}`;
}

/** Where a decision's answers lead, in words: "Yes: go to 4. Admit to ward". */
export function branchLines(map: ProcessMap, step: ProcessStep): string[] {
  return map.flows
    .filter((f) => f.from === step.id && f.branchId !== null)
    .map((f) => {
      const to = map.steps.find((s) => s.id === f.to);
      return `${f.label || 'Branch'}: go to ${to ? `${to.number}. ${to.label || '(no label yet)'}` : 'a removed step'}`;
    });
}
