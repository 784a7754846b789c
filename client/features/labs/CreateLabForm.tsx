/** Creating a lab; its creator becomes its facilitator. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { Lab } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { required, useFormSubmit } from '../../lib/use-form-submit';
import { type LabBasics, LabBasicsFields, labFieldIds } from './lab-fields';

const FIELDS = labFieldIds('new-lab');

export function CreateLabForm({ api, onCreated }: { api: ApiClient; onCreated(lab: Lab): void }) {
  const [lab, setLab] = useState<LabBasics>({ title: '', challenge: '', phase: 'understand' });
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['title', lab.title, 'Enter a title for the lab']]),
    async () => {
      onCreated((await api.call(Api.labs.create, { body: lab })).lab);
    },
  );
  return (
    <section aria-labelledby="create-lab-heading">
      <h2 className="nhsuk-heading-m" id="create-lab-heading">
        Create a lab
      </h2>
      <Form form={form} onSubmit={submit} submit="Create lab">
        <LabBasicsFields prefix="new-lab" lab={lab} errors={form.errors} onChange={setLab} />
      </Form>
    </section>
  );
}
