/** Adding an item (a note, a driver diagram, a PDSA cycle…) to a lab. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { Limits } from '../../../shared/limits';
import type { Item } from '../../../shared/schemas/api-responses';
import { ITEM_KINDS, type ItemKind } from '../../../shared/schemas/records';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { SelectField, TextField } from '../../lib/form-fields';
import { ITEM_KIND_LABELS } from '../../lib/labels';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { kind: 'new-item-kind', title: 'new-item-title' } as const;
const KIND_CHOICES = ITEM_KINDS.map((value) => ({ value, label: ITEM_KIND_LABELS[value] }));

export function AddItemForm(props: { api: ApiClient; labId: string; onAdded(item: Item): void }) {
  const { api, labId, onAdded } = props;
  const [kind, setKind] = useState<ItemKind>('note');
  const [title, setTitle] = useState('');
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['title', title, 'Enter a title for the item']]),
    async () => {
      const answer = await api.call(Api.labs.createItem, {
        params: { labId },
        body: {
          kind,
          title,
        },
      });
      setTitle('');
      onAdded(answer.item);
    },
  );
  return (
    <section aria-labelledby="add-item-heading">
      <h2 className="nhsuk-heading-m" id="add-item-heading">
        Add an item
      </h2>
      <Form form={form} onSubmit={submit} submit="Add item" secondary>
        <SelectField
          id={FIELDS.kind}
          label="Kind"
          choices={KIND_CHOICES}
          value={kind}
          error={form.errors?.fields.kind}
          onChange={setKind}
        />
        <TextField
          id={FIELDS.title}
          label="Title"
          width={30}
          maxLength={Limits.maxTitleLength}
          value={title}
          error={form.errors?.fields.title}
          onChange={setTitle}
        />
      </Form>
    </section>
  );
}
