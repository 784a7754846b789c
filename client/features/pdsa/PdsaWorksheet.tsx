/**
 * A PDSA cycle, after the IHI PDSA worksheet: a header (change idea tested, the
 * cycle's place in its ramp, tester, dates, scale), then Plan, Do, Study and Act
 * as headed sections reached from an in-page "Jump to" list. Free text merges
 * as people type and shows who else is in a field; rich text is co-edited.
 * People who may not edit get a plain read-only worksheet with no controls.
 */
import './pdsa.css';
import { fieldsMap } from '../../../shared/documents/item-doc';
import type { ItemBodyProps } from '../../lib/item-fields/item-body-props';
import { ActStage } from './ActStage';
import { CycleHeader } from './CycleHeader';
import { DoStage } from './DoStage';
import { PlanStage } from './PlanStage';
import { StageNav } from './StageSection';
import { StudyStage } from './StudyStage';
import { type StageProps, textField } from './stage-props';
import { useActiveLabItems } from './use-lab-items';
import { useShallowYChanges } from './y-observe';

export function PdsaWorksheet(props: ItemBodyProps) {
  const { item, doc, provider, user, editable } = props;
  // Choices, dates and the change idea are plain values in `fields`: follow them here.
  useShallowYChanges(fieldsMap(doc));
  const items = useActiveLabItems(item.labId);
  // The server creates every text field with the item; until they arrive there is nothing to bind.
  if (!textField(doc, 'objective')) {
    return (
      <p className="nhsuk-body" role="status">
        Loading the worksheet…
      </p>
    );
  }
  const stage: StageProps = { doc, provider, user, editable };
  return (
    <div className="pdsa-worksheet" data-testid="pdsa-worksheet">
      <StageNav />
      <CycleHeader stage={stage} items={items} itemId={item.id} />
      <PlanStage stage={stage} />
      <DoStage stage={stage} />
      <StudyStage stage={stage} />
      <ActStage stage={stage} />
    </div>
  );
}
