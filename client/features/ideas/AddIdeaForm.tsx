/** Adding a change idea from the ideas page: a title is enough to start. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { Limits } from '../../../shared/limits';
import type { Item } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { TextField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { title: 'new-idea-title' } as const;

export function AddIdeaForm(props: { api: ApiClient; labId: string; onAdded(item: Item): void }) {
  const { api, labId, onAdded } = props;
  const [title, setTitle] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['title', title, 'Enter a title for the change idea']]),
    async () => {
      const answer = await api.call(Api.labs.createItem, {
        params: { labId },
        body: { kind: 'idea', title },
      });
      setTitle('');
      setAdded(answer.item.title);
      onAdded(answer.item);
    },
  );
  return (
    <section aria-labelledby="add-idea-heading">
      <h2 className="nhsuk-heading-s" id="add-idea-heading">
        Add a change idea
      </h2>
      <Form form={form} onSubmit={submit} submit="Add change idea" secondary inline>
        <TextField
          id={FIELDS.title}
          label="Title of the change idea"
          width={30}
          maxLength={Limits.maxTitleLength}
          value={title}
          error={form.errors?.fields.title}
          onChange={setTitle}
        />
      </Form>
      <p className="nhsuk-body-s" role="status">
        {added && `“${added}” has been added.`}
      </p>
    </section>
  );
}
