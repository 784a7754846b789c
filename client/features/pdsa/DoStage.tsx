/** Do: whether the test went as planned, what was seen, what went wrong, what was changed. */
import { AS_PLANNED_OPTIONS, choiceLabel } from './pdsa-words';
import { RadioField } from './RadioField';
import { SummaryList } from './ReadOnly';
import { RichSection } from './RichSection';
import { StageSection } from './StageSection';
import { type StageProps, valueField } from './stage-props';

const AS_PLANNED = 'Carried out as planned?';

export function DoStage({ stage }: { stage: StageProps }) {
  return (
    <StageSection name="Do" lead="Run the test and write down what happens as it happens.">
      {stage.editable ? (
        <RadioField
          stage={stage}
          name="asPlanned"
          legend={AS_PLANNED}
          options={AS_PLANNED_OPTIONS}
          inline
        />
      ) : (
        <SummaryList
          rows={[
            {
              key: 'asPlanned',
              label: AS_PLANNED,
              value: choiceLabel(AS_PLANNED_OPTIONS, valueField(stage.doc, 'asPlanned')),
            },
          ]}
        />
      )}
      <RichSection stage={stage} name="observations" hint="What you saw and heard." />
      <RichSection stage={stage} name="problems" />
      <RichSection
        stage={stage}
        name="adjustments"
        hint="What you changed from the plan while testing, and why."
      />
    </StageSection>
  );
}
