/**
 * The problem statement and aim: what, where and when, how big, who is
 * affected and the evidence; a rich-text description; and the SMART aim, kept
 * as its parts (so a chart can show the target) and read back as one sentence
 * that updates as anyone types. Readers see the values as summary lists, with
 * no form controls.
 */
import type * as Y from 'yjs';
import { fieldsMap, readFields, section } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import { sectionName } from '../../../shared/documents/names';
import { CollaborativeEditor } from '../../lib/editor/CollaborativeEditor';
import { AimStatement } from '../../lib/item-fields/AimStatement';
import {
  AIM_TEXT_FIELDS,
  AIM_UNIT_FIELD,
  AIM_VALUE_FIELDS,
  AIM_WHEN_FIELDS,
} from '../../lib/item-fields/aim-fields';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import {
  AimFields,
  problemFieldLabel as label,
  TextFields,
} from '../../lib/item-fields/ProblemInputs';
import { useYChanges } from '../../lib/y-hooks';
import { displayValue, PROBLEM_FIELDS } from './problem-fields';

/** Values only, as a reader sees them; live as others type. */
function SummaryList(props: { doc: Y.Doc; names: readonly string[]; testId: string }) {
  useYChanges(fieldsMap(props.doc));
  const values = readFields(props.doc, 'problem');
  return (
    <dl className="nhsuk-summary-list" data-testid={props.testId}>
      {props.names.map((name) => (
        <div className="nhsuk-summary-list__row" key={name}>
          <dt className="nhsuk-summary-list__key">{label(name)}</dt>
          <dd className="nhsuk-summary-list__value">{displayValue(name, values[name])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A rich-text section of the problem statement, edited together. */
function RichSection({
  doc,
  provider,
  user,
  editable,
  name,
}: ItemBodyProps & { name: 'description' | 'learning' | 'nextSteps' }) {
  const fragment = section(doc, name);
  const label = KINDS.problem.sections[name] ?? name;
  const headingId = `problem-${name}-heading`;
  // Only a reader's "Nothing written yet" depends on it; an editor need not re-render per keystroke.
  useYChanges(editable ? null : fragment);
  return (
    <section className="item-editor__section nhsuk-u-margin-bottom-6" aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        {label}
      </h2>
      <CollaborativeEditor
        doc={doc}
        provider={provider}
        field={sectionName(name)}
        user={user}
        label={label}
        editable={editable}
      />
      {fragment.length === 0 && !editable && <p className="nhsuk-body-s">Nothing written yet.</p>}
    </section>
  );
}

const AIM_PARTS = [
  ...AIM_TEXT_FIELDS.map((f) => f.name),
  ...AIM_VALUE_FIELDS,
  AIM_UNIT_FIELD.name,
  ...AIM_WHEN_FIELDS,
];

export function ProblemEditor(props: ItemBodyProps) {
  const { doc, provider, editable } = props;
  const awareness = provider.awareness;
  const problemNames = PROBLEM_FIELDS.map((f) => f.name);
  return (
    <div className="item-editor" data-testid="problem-editor">
      <section aria-labelledby="problem-heading">
        <h2 className="nhsuk-heading-m" id="problem-heading">
          The problem
        </h2>
        {editable ? (
          <TextFields doc={doc} fields={PROBLEM_FIELDS} awareness={awareness} multiline />
        ) : (
          <SummaryList doc={doc} names={problemNames} testId="problem-fields" />
        )}
      </section>
      <RichSection {...props} name="description" />
      <section aria-labelledby="aim-heading">
        <h2 className="nhsuk-heading-m" id="aim-heading">
          Aim
        </h2>
        <p className="nhsuk-body">What will improve, for whom, by how much and by when.</p>
        <AimStatement doc={doc} />
        {editable ? (
          <AimFields doc={doc} awareness={awareness} />
        ) : (
          <SummaryList doc={doc} names={AIM_PARTS} testId="aim-fields" />
        )}
      </section>
      <p className="nhsuk-body nhsuk-u-margin-top-6">
        What the lab has learned so far and what it will do next, for the summary page of its
        report.
      </p>
      <RichSection {...props} name="learning" />
      <RichSection {...props} name="nextSteps" />
    </div>
  );
}
