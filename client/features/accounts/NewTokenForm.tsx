/**
 * Creating a personal API token. Its secret is shown once, with how to use it;
 * the server keeps only a hash.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { ApiToken } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { CopyableValue, CopyButton } from '../../lib/CopyButton';
import { Form, useForm } from '../../lib/Form';
import { type Choice, SelectField, TextField } from '../../lib/form-fields';
import { required } from '../../lib/use-form-submit';

const FIELDS = { name: 'token-name', expires: 'token-expires' } as const;

type Expiry = 'never' | '30' | '90' | '365';
const EXPIRIES: ReadonlyArray<Choice<Expiry>> = [
  { value: 'never', label: 'Never (until revoked)' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
];

function NewToken({ secret, name }: { secret: string; name: string }) {
  return (
    <div className="nhsuk-card" data-testid="new-token">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">Your new token “{name}”</h3>
        <div className="nhsuk-warning-callout">
          <h4 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Copy it now
          </h4>
          <p>This token will not be shown again. Keep it as safe as a password.</p>
        </div>
        <CopyableValue id="new-token-value" label="Token" value={secret} />
        <CopyButton text={secret} label="Copy token" copied="Token copied." />
        <p>
          Send it in the <code>Authorization: Bearer {'<token>'}</code> header of API requests. A
          sync WebSocket that cannot set headers can add <code>?access_token={'<token>'}</code> to
          its address.
        </p>
      </div>
    </div>
  );
}

export function NewTokenForm(props: { api: ApiClient; onCreated(record: ApiToken): void }) {
  const { api, onCreated } = props;
  const form = useForm(FIELDS, { name: '', expires: 'never' as Expiry });
  const { name, expires } = form.values;
  const [created, setCreated] = useState<{ secret: string; name: string } | null>(null);
  const submit = form.handle(
    () => required([['name', name, 'Enter a name for the token']]),
    async () => {
      const answer = await api.call(Api.tokens.create, {
        body: { name, ...(expires === 'never' ? {} : { expiresInDays: Number(expires) }) },
      });
      setCreated({ secret: answer.token, name: answer.record.name });
      form.set('name', '');
      onCreated(answer.record);
    },
  );
  return (
    <>
      {created && <NewToken secret={created.secret} name={created.name} />}
      <Form form={form} onSubmit={submit} submit="Create token" secondary>
        <TextField
          {...form.field('name')}
          label="Token name"
          hint="Say what it is for, for example “R script for run charts”."
          width={30}
          maxLength={100}
        />
        <SelectField
          {...form.field('expires')}
          label="Expires"
          hint="A token for a one-off job should not outlive it."
          choices={EXPIRIES}
        />
      </Form>
    </>
  );
}
