/**
 * "My data": download everything the workspace holds about me, and delete my
 * account (confirmed by typing my email address). My contributions stay, named
 * "Former member".
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { TextField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { email: 'delete-email' } as const;

export function MyData(props: { api: ApiClient; email: string; onDeleted(): void }) {
  const [email, setEmail] = useState('');
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['email', email, 'Type your email address to confirm']]),
    async () => {
      await props.api.call(Api.account.delete, { body: { email } });
      props.onDeleted();
    },
  );
  return (
    <section aria-labelledby="data-heading">
      <h2 className="nhsuk-heading-m" id="data-heading">
        Your data
      </h2>
      <p>
        Download everything Improvement Lab holds about you: your details, your labs and roles, your
        comments and the audit entries about you, as a JSON file.
      </p>
      <p>
        <a className="nhsuk-button nhsuk-button--secondary" href="/api/account/data" download>
          Download your data
        </a>
      </p>
      <h3 className="nhsuk-heading-s">Delete your account</h3>
      <p>
        Your details, memberships and sign-ins are erased. What you wrote in labs stays, shown as
        written by a former member. This cannot be undone.
      </p>
      <Form form={form} onSubmit={submit} submit="Delete your account" warning>
        <TextField
          id={FIELDS.email}
          label={`Type ${props.email} to confirm`}
          type="email"
          spellCheck={false}
          autoComplete="off"
          width={30}
          value={email}
          error={form.errors?.fields.email}
          onChange={setEmail}
        />
      </Form>
    </section>
  );
}
