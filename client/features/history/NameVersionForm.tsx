/** Naming the item as it is now ("Agreed at lab meeting 3"), for anyone who may edit it. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { VERSION_NAME_MAX, type VersionSummary } from '../../../shared/schemas/history';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { TextField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { name: 'version-name' } as const;

export function NameVersionForm(props: {
  api: ApiClient;
  itemId: string;
  onNamed(version: VersionSummary): void;
}) {
  const { api, itemId, onNamed } = props;
  const [name, setName] = useState('');
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['name', name, 'Give the version a name']]),
    async () => {
      const { version } = await api.call(Api.history.nameVersion, {
        params: { itemId },
        body: { name },
      });
      setName('');
      onNamed(version);
    },
  );
  return (
    <Form form={form} onSubmit={submit} submit="Name version" secondary inline smallButton>
      <TextField
        id={FIELDS.name}
        label="Name this version"
        hint="For example, Agreed at lab meeting 3"
        width={30}
        maxLength={VERSION_NAME_MAX}
        value={name}
        error={form.errors?.fields.name}
        onChange={setName}
      />
    </Form>
  );
}
