/** Renaming an item (its title lives in the lab's item registry, not in the document). */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { Limits } from '../../../shared/limits';
import type { Item } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { TextField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { title: 'item-title' } as const;

export function ItemTitleForm(props: { api: ApiClient; item: Item; onRenamed(item: Item): void }) {
  const { api, item, onRenamed } = props;
  const [title, setTitle] = useState(item.title);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['title', title, 'Enter a title']]),
    async () => {
      const answer = await api.call(Api.items.update, {
        params: { itemId: item.id },
        body: { title },
      });
      onRenamed(answer.item);
    },
  );
  return (
    <Form form={form} onSubmit={submit} submit="Save title" secondary inline smallButton>
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
  );
}
