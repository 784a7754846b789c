/**
 * A rich-text section of the worksheet under its own heading: the collaborative
 * editor for people who may edit, plain text for everyone else.
 */
import { useId } from 'react';
import { section } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import { sectionName } from '../../../shared/documents/names';
import { CollaborativeEditor } from '../../lib/editor/CollaborativeEditor';
import { RichTextReader } from './RichTextReader';
import type { StageProps } from './stage-props';

export function RichSection(props: { stage: StageProps; name: string; hint?: string }) {
  const { stage, name, hint } = props;
  const id = useId();
  const label = KINDS.pdsa.sections[name] ?? name;
  return (
    <section className="pdsa-rich-section" aria-labelledby={id}>
      <h3 className="nhsuk-heading-s" id={id}>
        {label}
      </h3>
      {hint && stage.editable && <p className="nhsuk-hint">{hint}</p>}
      {stage.editable ? (
        <CollaborativeEditor
          doc={stage.doc}
          provider={stage.provider}
          field={sectionName(name)}
          user={stage.user}
          label={label}
          editable
        />
      ) : (
        <RichTextReader fragment={section(stage.doc, name)} />
      )}
    </section>
  );
}
