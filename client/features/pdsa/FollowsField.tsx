/**
 * "Follows cycle": free text (a label such as 2 or 2a, which may name a cycle not
 * yet written down), and a select of the same change idea's other cycles that
 * fills it in. The text is the stored value; the select only helps.
 */
import { useId } from 'react';
import type * as Y from 'yjs';
import { labelKey } from '../../../shared/documents/pdsa-ramp';
import { YTextField } from '../../lib/YTextField';
import type { FollowOption } from './cycle-summary';
import { presenceHandlers } from './FieldVisitors';
import { fieldKey, type StageProps, textField } from './stage-props';
import { useYTextValue } from './y-observe';

/** Labels are trimmed, so no label can start with a space: these never clash with one. */
const NONE = ' none';
const OTHER = ' other';

function replaceText(text: Y.Text, next: string): void {
  text.doc?.transact(() => {
    text.delete(0, text.length);
    text.insert(0, next);
  });
}

function FollowsSelect(props: {
  text: Y.Text;
  stage: StageProps;
  options: readonly FollowOption[];
}) {
  const { text, stage, options } = props;
  const id = useId();
  const value = useYTextValue(text).trim();
  const matched = options.find((option) => labelKey(option.label) === labelKey(value));
  const selected = value === '' ? NONE : matched ? matched.label : OTHER;
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        Or choose one of this change idea’s cycles
      </label>
      <select
        className="nhsuk-select"
        id={id}
        value={selected}
        onChange={(event) => {
          const next = event.target.value;
          if (next !== OTHER) replaceText(text, next === NONE ? '' : next);
        }}
        {...presenceHandlers(stage.provider.awareness, fieldKey('follows'))}
      >
        <option value={NONE}>None: this is the first cycle</option>
        {options.map((option) => (
          <option key={option.label} value={option.label}>
            Cycle {option.label} ({option.title || 'untitled'})
          </option>
        ))}
        {selected === OTHER && <option value={OTHER}>Cycle {value}, typed above</option>}
      </select>
    </div>
  );
}

export function FollowsField(props: { stage: StageProps; options: readonly FollowOption[] }) {
  const { stage, options } = props;
  const text = textField(stage.doc, 'follows');
  if (!text) return null;
  return (
    <>
      <YTextField
        text={text}
        fieldKey={fieldKey('follows')}
        label="Follows cycle"
        hint="The label of the cycle this one builds on, such as 1 or 2. Leave it empty for the first cycle of a ramp."
        awareness={stage.provider.awareness}
        editable
      />
      {options.length > 0 && <FollowsSelect text={text} stage={stage} options={options} />}
    </>
  );
}
