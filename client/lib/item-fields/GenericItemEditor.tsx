/**
 * An editor for any kind of item, drawn from the kind's spec in
 * `shared/documents/item-kinds.ts`: free-text fields bound to their Y.Text,
 * choices, numbers and dates, rich-text sections with the collaborative editor,
 * and lists as tables. Kinds with a purpose-made screen use this for their parts.
 */
import * as Y from 'yjs';
import { fieldsMap, section } from '../../../shared/documents/item-doc';
import { KINDS } from '../../../shared/documents/item-kinds';
import { sectionName } from '../../../shared/documents/names';
import { CollaborativeEditor } from '../editor/CollaborativeEditor';
import { YTextField } from '../YTextField';
import { useYShallowChanges } from '../y-hooks';
import { ValueField } from './ChoiceField';
import type { ItemBodyProps } from './item-body-props';
import { RowsTable } from './RowsTable';

export function GenericItemEditor(props: ItemBodyProps) {
  const { item, doc, provider, user, editable } = props;
  const spec = KINDS[item.kind];
  const fields = fieldsMap(doc);
  // Text fields exist once the document has loaded from the server: draw them then.
  useYShallowChanges(fields);
  const awareness = provider.awareness;
  return (
    <div className="item-editor">
      {Object.entries(spec.fields).map(([name, field]) => {
        const key = `fields.${name}`;
        if (field.type === 'text') {
          const text = fields.get(name);
          if (!(text instanceof Y.Text)) return null;
          return (
            <YTextField
              key={name}
              text={text}
              fieldKey={key}
              label={field.label}
              awareness={awareness}
              editable={editable}
              multiline
            />
          );
        }
        return (
          <ValueField
            key={name}
            map={fields}
            name={name}
            spec={field}
            awareness={awareness}
            editable={editable}
            fieldKey={key}
          />
        );
      })}
      {Object.entries(spec.sections).map(([name, label]) => (
        <section key={name} className="item-editor__section" aria-label={label}>
          <h2 className="nhsuk-heading-s">{label}</h2>
          <CollaborativeEditor
            doc={doc}
            provider={provider}
            field={sectionName(name)}
            user={user}
            label={label}
            editable={editable}
          />
          {section(doc, name).length === 0 && !editable && (
            <p className="nhsuk-body-s">Nothing written yet.</p>
          )}
        </section>
      ))}
      {Object.entries(spec.lists).map(([name, list]) => (
        <RowsTable
          key={name}
          doc={doc}
          kind={item.kind}
          listKey={name}
          spec={list}
          awareness={awareness}
          editable={editable}
        />
      ))}
    </div>
  );
}
