/**
 * Editing a process map by keyboard or mouse: what the process is, the
 * swimlanes (roles or teams), and the steps in order, each with its type, lane,
 * and any problem or idea noted on it; a decision lists its branches, each with
 * its answer and the step it goes to. Steps move up and down with buttons (the
 * keyboard's way to reorder). Every label is a shared text field; a new row
 * takes the keyboard at once, and what each button did is said in a live region.
 */
import { useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { fieldText } from '../../../shared/documents/item-doc';
import {
  PROCESS_STEP_TYPES,
  type ProcessMap,
  type ProcessStep,
  STEP_TYPE_LABELS,
  type StepType,
} from '../../../shared/diagrams/process-map';
import { SelectField } from '../../lib/form-fields';
import { YTextField } from '../../lib/YTextField';
import {
  addBranch,
  addLane,
  addStep,
  moveStep,
  removeBranch,
  removeLane,
  removeStep,
  rowText,
  setRowText,
  setStepType,
} from './process-edits';
import { type StepDrag, stepDrag } from './step-drag';

const SMALL = 'nhsuk-button nhsuk-button--secondary nhsuk-button--small';
const NO_LANE = 'none';
const named = (label: string) => `“${label || '(no label yet)'}”`;

interface Ctx {
  readonly doc: Y.Doc;
  readonly map: ProcessMap;
  readonly awareness: Awareness | null;
  readonly drag: StepDrag;
  say(message: string): void;
  focusRow(id: string): void;
}

function Field({
  ctx,
  listKey,
  id,
  column,
  label,
}: {
  ctx: Ctx;
  listKey: string;
  id: string;
  column: string;
  label: string;
}) {
  const text = rowText(ctx.doc, listKey, id, column);
  if (!text) return null;
  return (
    <YTextField
      text={text}
      fieldKey={`list.${listKey}.${id}.${column}`}
      label={label}
      awareness={ctx.awareness}
      editable
    />
  );
}

function Branches({ ctx, step }: { ctx: Ctx; step: ProcessStep }) {
  const branches = ctx.map.flows.filter((f) => f.from === step.id && f.branchId !== null);
  const others = ctx.map.steps.filter((s) => s.id !== step.id);
  return (
    <div className="process-editor__branches">
      <p className="nhsuk-body-s">
        {branches.length === 0
          ? 'No branches yet: the flow goes on to the next step.'
          : 'Branches of this decision:'}
      </p>
      {branches.map((branch) => {
        const id = branch.branchId as string;
        return (
          <div key={id} className="process-editor__branch" data-row={id}>
            <Field
              ctx={ctx}
              listKey="branches"
              id={id}
              column="label"
              label="Answer (for example Yes or No)"
            />
            <SelectField
              id={`branch-${id}-to`}
              label="Goes to step"
              value={branch.to}
              choices={others.map((s) => ({
                value: s.id,
                label: `${s.number}. ${s.label || '(no label yet)'}`,
              }))}
              onChange={(to) => setRowText(ctx.doc, 'branches', id, 'to', to)}
            />
            <button
              type="button"
              className={SMALL}
              onClick={() => {
                removeBranch(ctx.doc, id);
                ctx.say(`Removed branch ${named(branch.label)}.`);
              }}
            >
              Remove branch<span className="nhsuk-u-visually-hidden"> {named(branch.label)}</span>
            </button>
          </div>
        );
      })}
      {others.length > 0 && (
        <button
          type="button"
          className={SMALL}
          onClick={() => {
            const next = ctx.map.steps.find((s) => s.number === step.number + 1) ?? others[0];
            if (!next) return;
            ctx.focusRow(addBranch(ctx.doc, step.id, next.id));
            ctx.say(
              `Branch added from step ${step.number}. Type its answer and choose where it goes.`,
            );
          }}
        >
          Add a branch<span className="nhsuk-u-visually-hidden"> to decision {step.number}</span>
        </button>
      )}
    </div>
  );
}

function StepRow({ ctx, step }: { ctx: Ctx; step: ProcessStep }) {
  const move = (by: -1 | 1) => {
    if (moveStep(ctx.doc, step.id, by)) {
      ctx.say(`Moved step ${named(step.label)} to place ${step.number + by}.`);
      ctx.focusRow(step.id);
    } else ctx.say(`Step ${named(step.label)} is already ${by < 0 ? 'first' : 'last'}.`);
  };
  return (
    <li className="process-editor__step" data-row={step.id} {...ctx.drag.target(step)}>
      {/* For the mouse only: the keyboard's way is "Move up" and "Move down" below. */}
      <span className="process-editor__grip" aria-hidden="true" {...ctx.drag.grip(step)}>
        Drag to reorder
      </span>
      <Field ctx={ctx} listKey="steps" id={step.id} column="label" label={`Step ${step.number}`} />
      <div className="process-editor__pair">
        <SelectField
          id={`step-${step.id}-type`}
          label={`Type of step ${step.number}`}
          value={step.type}
          choices={PROCESS_STEP_TYPES.map((t) => ({ value: t, label: STEP_TYPE_LABELS[t] }))}
          onChange={(type: StepType) => setStepType(ctx.doc, step.id, type)}
        />
        <SelectField
          id={`step-${step.id}-lane`}
          label={`Swimlane of step ${step.number}`}
          value={step.lane ?? NO_LANE}
          choices={[
            { value: NO_LANE, label: 'No lane' },
            ...ctx.map.lanes.map((l) => ({ value: l.id, label: l.label || '(no name yet)' })),
          ]}
          onChange={(lane) =>
            setRowText(ctx.doc, 'steps', step.id, 'lane', lane === NO_LANE ? '' : lane)
          }
        />
      </div>
      <Field
        ctx={ctx}
        listKey="steps"
        id={step.id}
        column="problem"
        label={`Problem noted at step ${step.number} (optional)`}
      />
      <Field
        ctx={ctx}
        listKey="steps"
        id={step.id}
        column="idea"
        label={`Idea for step ${step.number} (optional)`}
      />
      {step.type === 'decision' && <Branches ctx={ctx} step={step} />}
      <div className="process-editor__actions">
        <button type="button" className={SMALL} onClick={() => move(-1)}>
          Move up<span className="nhsuk-u-visually-hidden">: step {step.number}</span>
        </button>
        <button type="button" className={SMALL} onClick={() => move(1)}>
          Move down<span className="nhsuk-u-visually-hidden">: step {step.number}</span>
        </button>
        <button
          type="button"
          className={SMALL}
          onClick={() => {
            removeStep(ctx.doc, step.id);
            ctx.say(`Removed step ${step.number} ${named(step.label)}. Undo brings it back.`);
          }}
        >
          Remove step<span className="nhsuk-u-visually-hidden"> {step.number}</span>
        </button>
      </div>
    </li>
  );
}

function useFocusRow(): (id: string) => void {
  const pending = useRef<string | null>(null);
  const [, bump] = useState(0);
  useEffect(() => {
    const id = pending.current;
    if (!id) return;
    const input = document.querySelector<HTMLInputElement>(`[data-row="${CSS.escape(id)}"] input`);
    if (input) {
      pending.current = null;
      input.focus();
    }
  });
  return (id) => {
    pending.current = id;
    bump((n) => n + 1);
  };
}

export function ProcessEditor({
  doc,
  map,
  awareness,
}: {
  doc: Y.Doc;
  map: ProcessMap;
  awareness: Awareness | null;
}) {
  const [message, say] = useState('');
  const [newType, setNewType] = useState<StepType>(map.steps.length === 0 ? 'start' : 'step');
  const focusRow = useFocusRow();
  const drag = stepDrag(doc, map.steps, (step, place) => {
    say(`Moved step ${named(step.label)} to place ${place}.`);
    focusRow(step.id);
  });
  const ctx: Ctx = { doc, map, awareness, drag, say, focusRow };
  const scope = (() => {
    try {
      return fieldText(doc, 'scope');
    } catch {
      return null;
    }
  })();
  const lastLane = map.steps.at(-1)?.lane ?? map.lanes[0]?.id ?? null;
  return (
    <div className="process-editor">
      <p className="driver-status" role="status" data-testid="process-status">
        {message}
      </p>
      {scope && (
        <YTextField
          text={scope}
          fieldKey="fields.scope"
          label="Which process, from where to where"
          awareness={awareness}
          editable
        />
      )}
      <h2 className="nhsuk-heading-m">Swimlanes</h2>
      <ul className="nhsuk-list process-editor__lanes">
        {map.lanes.map((lane) => (
          <li key={lane.id} data-row={lane.id} className="process-editor__lane">
            <Field ctx={ctx} listKey="lanes" id={lane.id} column="label" label="Role or team" />
            <button
              type="button"
              className={SMALL}
              onClick={() => {
                removeLane(doc, lane.id);
                say(`Removed swimlane ${named(lane.label)}; its steps are in no lane now.`);
              }}
            >
              Remove swimlane<span className="nhsuk-u-visually-hidden"> {named(lane.label)}</span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={SMALL}
        onClick={() => {
          focusRow(addLane(doc));
          say('Swimlane added. Type the role or team.');
        }}
      >
        Add a swimlane
      </button>
      <h2 className="nhsuk-heading-m">Steps</h2>
      <ol className="nhsuk-list process-editor__steps">
        {map.steps.map((step) => (
          <StepRow key={step.id} ctx={ctx} step={step} />
        ))}
      </ol>
      <div className="process-editor__add">
        <SelectField
          id="process-new-step-type"
          label="Type of the next step"
          value={newType}
          choices={PROCESS_STEP_TYPES.map((t) => ({ value: t, label: STEP_TYPE_LABELS[t] }))}
          onChange={setNewType}
        />
        <button
          type="button"
          className={SMALL}
          onClick={() => {
            focusRow(addStep(doc, newType, lastLane));
            say(
              `${STEP_TYPE_LABELS[newType]} added as step ${map.steps.length + 1}. Type what happens.`,
            );
            if (newType === 'start') setNewType('step');
          }}
        >
          Add the step
        </button>
      </div>
    </div>
  );
}
