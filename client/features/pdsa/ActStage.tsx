/** Act: adopt, adapt or abandon the change, and what the next cycle will be. */
import { choiceLabel, DECISION_OPTIONS, decisionTagClass } from './pdsa-words';
import { RadioField } from './RadioField';
import { SummaryList } from './ReadOnly';
import { RichSection } from './RichSection';
import { StageSection } from './StageSection';
import { type StageProps, valueField } from './stage-props';

export function ActStage({ stage }: { stage: StageProps }) {
  const decision = valueField(stage.doc, 'decision');
  return (
    <StageSection name="Act" lead="Decide what to do with the change, and plan the next cycle.">
      {stage.editable ? (
        <RadioField stage={stage} name="decision" legend="Decision" options={DECISION_OPTIONS} />
      ) : (
        <SummaryList
          rows={[
            {
              key: 'decision',
              label: 'Decision',
              value: (
                <strong className={decisionTagClass(decision)}>
                  {choiceLabel(DECISION_OPTIONS, decision)}
                </strong>
              ),
            },
          ]}
        />
      )}
      <RichSection stage={stage} name="next" hint="What the next cycle will test, at what scale." />
    </StageSection>
  );
}
