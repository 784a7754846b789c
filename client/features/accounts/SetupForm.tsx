/** The first administrator's account, sent with the one-time set-up token. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { MeResponse } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { useFormSubmit } from '../../lib/use-form-submit';
import {
  AccountFields,
  accountFieldIds,
  checkAccount,
  completeAccount,
  EMPTY_ACCOUNT,
} from './AccountFields';

const FIELDS = accountFieldIds('setup');

export function SetupForm(props: { api: ApiClient; token: string; onSetUp(me: MeResponse): void }) {
  const { api, token, onSetUp } = props;
  const [account, setAccount] = useState(EMPTY_ACCOUNT);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => checkAccount(account),
    async () => {
      const complete = completeAccount(account);
      if (complete) onSetUp(await api.call(Api.auth.setUp, { body: { ...complete, token } }));
    },
  );
  return (
    <Form form={form} onSubmit={submit} submit="Create administrator account">
      <AccountFields prefix="setup" account={account} errors={form.errors} onChange={setAccount} />
    </Form>
  );
}
