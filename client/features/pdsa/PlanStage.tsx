/**
 * Plan: the objective, numbered questions each with its prediction, the tasks
 * (what, who, when, where) and the data-collection plan.
 */
import { list } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import { DataTable } from '../../lib/DataTable';
import { YTextField } from '../../lib/YTextField';
import { EditableRows, type RowColumn } from './EditableRows';
import { SummaryList, TextValue } from './ReadOnly';
import { RichSection } from './RichSection';
import { StageSection } from './StageSection';
import { fieldKey, rowId, rowText, type StageProps, textField } from './stage-props';
import { useShallowYChanges } from './y-observe';
import { readableRows } from '../../../shared/documents/item-shape';

const QUESTION_COLUMNS: readonly RowColumn[] = [
  { name: 'question', label: 'Question', multiline: true },
  {
    name: 'prediction',
    label: 'Prediction',
    hint: 'What do you expect to happen, and why?',
    multiline: true,
  },
];

const TASK_COLUMNS: readonly RowColumn[] = [
  { name: 'what', label: 'What' },
  { name: 'who', label: 'Who' },
  { name: 'when', label: 'When' },
  { name: 'where', label: 'Where' },
];

function Objective({ stage }: { stage: StageProps }) {
  const text = textField(stage.doc, 'objective');
  const label = KINDS.pdsa.fields.objective?.label ?? 'Objective';
  if (!stage.editable) {
    return <SummaryList rows={[{ key: 'objective', label, value: <TextValue text={text} /> }]} />;
  }
  if (!text) return null;
  return (
    <YTextField
      text={text}
      fieldKey={fieldKey('objective')}
      label={label}
      hint="What this cycle is for: what you will learn or try."
      awareness={stage.provider.awareness}
      editable
      multiline
    />
  );
}

function QuestionsSummary({ stage }: { stage: StageProps }) {
  const rows = list(stage.doc, 'questions');
  useShallowYChanges(rows);
  const entries = readableRows(stage.doc, 'questions');
  if (entries.length === 0) return <p className="nhsuk-body-s pdsa-empty">None yet.</p>;
  return (
    <ol className="pdsa-rows">
      {entries.map((row, index) => (
        <li className="pdsa-row" key={rowId(row) || index}>
          <h4 className="nhsuk-heading-xs">Question {index + 1}</h4>
          <SummaryList
            rows={QUESTION_COLUMNS.map((column) => ({
              key: column.name,
              label: column.label,
              value: <TextValue text={rowText(row, column.name)} />,
            }))}
          />
        </li>
      ))}
    </ol>
  );
}

function TasksSummary({ stage }: { stage: StageProps }) {
  const rows = list(stage.doc, 'tasks');
  useShallowYChanges(rows);
  const entries = readableRows(stage.doc, 'tasks');
  if (entries.length === 0) return <p className="nhsuk-body-s pdsa-empty">None yet.</p>;
  return (
    <DataTable
      caption="Tasks"
      captionHidden
      headings={TASK_COLUMNS.map((column) => column.label)}
      rows={entries.map((row, index) => ({
        key: rowId(row) || String(index),
        cells: TASK_COLUMNS.map((column) => (
          <TextValue key={column.name} text={rowText(row, column.name)} empty="Not set" />
        )),
      }))}
    />
  );
}

export function PlanStage({ stage }: { stage: StageProps }) {
  return (
    <StageSection
      name="Plan"
      lead="What will you test, what do you predict, and how will you know?"
    >
      <Objective stage={stage} />
      <section className="pdsa-list" aria-labelledby="pdsa-questions-heading">
        <h3 className="nhsuk-heading-s" id="pdsa-questions-heading">
          Questions and predictions
        </h3>
        {stage.editable ? (
          <EditableRows
            stage={stage}
            listKey="questions"
            noun="Question"
            columns={QUESTION_COLUMNS}
          />
        ) : (
          <QuestionsSummary stage={stage} />
        )}
      </section>
      <section className="pdsa-list" aria-labelledby="pdsa-tasks-heading">
        <h3 className="nhsuk-heading-s" id="pdsa-tasks-heading">
          Tasks
        </h3>
        {stage.editable && (
          <p className="nhsuk-hint">What needs doing to run the test: what, who, when and where.</p>
        )}
        {stage.editable ? (
          <EditableRows stage={stage} listKey="tasks" noun="Task" columns={TASK_COLUMNS} />
        ) : (
          <TasksSummary stage={stage} />
        )}
      </section>
      <RichSection
        stage={stage}
        name="dataPlan"
        hint="Which measures, who collects them, when and how; and what people will be asked."
      />
    </StageSection>
  );
}
