/** A new account made with an invitation, which joins its lab at the same time. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { MeResponse } from '../../../shared/schemas/api';
import type { Lab } from '../../../shared/schemas/api-responses';
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

const FIELDS = accountFieldIds('sign-up');

export function SignUpForm(props: {
  api: ApiClient;
  token: string;
  onSignedUp(me: MeResponse, lab: Lab | null): void;
}) {
  const { api, token, onSignedUp } = props;
  const [account, setAccount] = useState(EMPTY_ACCOUNT);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => checkAccount(account),
    async () => {
      const body = completeAccount(account);
      if (!body) return;
      const answer = await api.call(Api.invites.signUp, { params: { token }, body });
      onSignedUp({ user: answer.user, csrfToken: answer.csrfToken }, answer.lab);
    },
  );
  return (
    <Form form={form} onSubmit={submit} submit="Create account and join">
      <AccountFields
        prefix="sign-up"
        account={account}
        errors={form.errors}
        onChange={setAccount}
      />
    </Form>
  );
}
