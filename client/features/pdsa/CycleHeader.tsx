/**
 * The worksheet's header: the change idea tested, the cycle's label and the
 * cycle it follows (its place in the ramp), tester, dates and scale.
 */
import { KINDS } from '../../../shared/documents/item-kinds';
import { Term } from '../../lib/GlossaryTip';
import { FIELDS_MAP } from '../../../shared/documents/names';
import { ValueField } from '../../lib/item-fields/ChoiceField';
import { YTextField } from '../../lib/YTextField';
import { type FollowOption, followOptions, summarise } from './cycle-summary';
import { FollowsField } from './FollowsField';
import { IdeaSelect, ideaTitle, type LabItems } from './IdeaSelect';
import { dateRange } from './pdsa-words';
import { SummaryList, TextValue } from './ReadOnly';
import { fieldKey, type StageProps, textField, valueField } from './stage-props';

const label = (name: string) => KINDS.pdsa.fields[name]?.label ?? name;

/** The other cycles of this cycle's change idea, from the facts the registry keeps of them. */
function followOptionsOf(props: HeaderProps): readonly FollowOption[] {
  const { items, itemId, stage } = props;
  const others =
    items.status === 'ready'
      ? items.data.filter((item) => item.kind === 'pdsa' && item.id !== itemId)
      : [];
  const ideaId = valueField(stage.doc, 'ideaId');
  return followOptions(summarise(others).cycles, typeof ideaId === 'string' ? ideaId : null);
}

interface HeaderProps {
  readonly stage: StageProps;
  readonly items: LabItems;
  readonly itemId: string;
}

function Text(props: { stage: StageProps; name: string; hint?: string; multiline?: boolean }) {
  const { stage, name, hint, multiline } = props;
  const text = textField(stage.doc, name);
  if (!text) return null;
  return (
    <YTextField
      text={text}
      fieldKey={fieldKey(name)}
      label={label(name)}
      hint={hint}
      awareness={stage.provider.awareness}
      editable
      multiline={multiline}
    />
  );
}

function DateField({ stage, name }: { stage: StageProps; name: 'startDate' | 'endDate' }) {
  return (
    <ValueField
      map={stage.doc.getMap(FIELDS_MAP)}
      name={name}
      spec={{ type: 'date', label: label(name) }}
      awareness={stage.provider.awareness}
      editable
      fieldKey={fieldKey(name)}
    />
  );
}

function HeaderForm(props: HeaderProps) {
  const { stage, items } = props;
  const options = followOptionsOf(props);
  return (
    <>
      <IdeaSelect stage={stage} items={items} />
      <Text stage={stage} name="label" hint="For example 1, 2, or 2a for a branch of cycle 2." />
      <FollowsField stage={stage} options={options} />
      <Text stage={stage} name="tester" hint="Who runs this test." />
      <div className="pdsa-dates">
        <DateField stage={stage} name="startDate" />
        <DateField stage={stage} name="endDate" />
      </div>
      <Text stage={stage} name="scale" hint="For example one patient, one clinic, one day." />
    </>
  );
}

function HeaderSummary({ stage, items }: HeaderProps) {
  const { doc } = stage;
  const ideaId = valueField(doc, 'ideaId');
  const text = (name: string) => <TextValue text={textField(doc, name)} />;
  return (
    <SummaryList
      testId="pdsa-cycle-summary"
      rows={[
        {
          key: 'idea',
          label: label('ideaId'),
          value: ideaTitle(items, typeof ideaId === 'string' ? ideaId : null),
        },
        { key: 'label', label: label('label'), value: text('label') },
        {
          key: 'follows',
          label: label('follows'),
          value: <TextValue text={textField(doc, 'follows')} empty="None: a first cycle" />,
        },
        { key: 'tester', label: <Term id="tester">{label('tester')}</Term>, value: text('tester') },
        {
          key: 'dates',
          label: 'Dates',
          value: dateRange(valueField(doc, 'startDate'), valueField(doc, 'endDate')),
        },
        { key: 'scale', label: <Term id="scale">{label('scale')}</Term>, value: text('scale') },
      ]}
    />
  );
}

export function CycleHeader(props: HeaderProps) {
  return (
    <section className="pdsa-header" aria-labelledby="pdsa-cycle-heading">
      <h2 className="nhsuk-heading-m" id="pdsa-cycle-heading">
        About this cycle
      </h2>
      {props.stage.editable ? <HeaderForm {...props} /> : <HeaderSummary {...props} />}
    </section>
  );
}
