/**
 * Study: for each question of the plan, its prediction (read-only, as written in
 * Plan) beside the result and what was learned; then a summary of the learning.
 */
import type * as Y from 'yjs';
import { list } from '../../../shared/documents/item-doc';
import { YTextField } from '../../lib/YTextField';
import { SummaryList, TextValue } from './ReadOnly';
import { RichSection } from './RichSection';
import { StageSection } from './StageSection';
import { rowId, rowKey, rowText, type StageProps } from './stage-props';
import { useShallowYChanges, useYTextValue } from './y-observe';
import { readableRows } from '../../../shared/documents/item-shape';

const RESULT_COLUMNS = [
  { name: 'result', label: 'Result', hint: 'What happened, with the data.' },
  { name: 'learning', label: 'What we learned', hint: 'Compared with the prediction.' },
] as const;

function StudyRow(props: { stage: StageProps; row: Y.Map<unknown>; index: number }) {
  const { stage, row, index } = props;
  const id = rowId(row);
  const question = useYTextValue(rowText(row, 'question')).trim();
  return (
    <li className="pdsa-row">
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          Question {index + 1}
          {question ? `: ${question}` : ''}
        </legend>
        <div className="pdsa-study">
          <dl className="pdsa-study__prediction">
            <dt>Prediction</dt>
            <dd>
              <TextValue text={rowText(row, 'prediction')} />
            </dd>
          </dl>
          <div className="pdsa-study__inputs">
            {RESULT_COLUMNS.map((column) => {
              const text = rowText(row, column.name);
              if (!text) return null;
              return (
                <YTextField
                  key={column.name}
                  text={text}
                  fieldKey={rowKey('questions', id, column.name)}
                  label={column.label}
                  hint={column.hint}
                  awareness={stage.provider.awareness}
                  editable
                  multiline
                  rows={2}
                />
              );
            })}
          </div>
        </div>
      </fieldset>
    </li>
  );
}

function StudySummaryRow({ row, index }: { row: Y.Map<unknown>; index: number }) {
  const columns = [
    { name: 'question', label: 'Question' },
    { name: 'prediction', label: 'Prediction' },
    ...RESULT_COLUMNS,
  ];
  return (
    <li className="pdsa-row">
      <h3 className="nhsuk-heading-xs">Question {index + 1}</h3>
      <SummaryList
        rows={columns.map((column) => ({
          key: column.name,
          label: column.label,
          value: <TextValue text={rowText(row, column.name)} />,
        }))}
      />
    </li>
  );
}

export function StudyStage({ stage }: { stage: StageProps }) {
  const rows = list(stage.doc, 'questions');
  useShallowYChanges(rows);
  const entries = readableRows(stage.doc, 'questions');
  return (
    <StageSection name="Study" lead="Compare the results with your predictions.">
      {entries.length === 0 ? (
        <p className="nhsuk-body">
          There are no questions yet. Questions and their predictions are written in{' '}
          <a href="#pdsa-plan">Plan</a>.
        </p>
      ) : (
        <ol className="pdsa-rows">
          {entries.map((row, index) =>
            stage.editable ? (
              <StudyRow key={rowId(row) || index} stage={stage} row={row} index={index} />
            ) : (
              <StudySummaryRow key={rowId(row) || index} row={row} index={index} />
            ),
          )}
        </ol>
      )}
      <RichSection stage={stage} name="studySummary" />
    </StageSection>
  );
}
