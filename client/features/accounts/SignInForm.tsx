/** Email and password, sent to `POST /api/auth/sign-in`; the server's refusal is shown as written. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { MeResponse } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { TextField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { email: 'sign-in-email', password: 'sign-in-password' } as const;

export function SignInForm({
  api,
  onSignedIn,
}: {
  api: ApiClient;
  onSignedIn(me: MeResponse): void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () =>
      required([
        ['email', email, 'Enter your email address'],
        ['password', password, 'Enter your password'],
      ]),
    async () => {
      onSignedIn(await api.call(Api.auth.signIn, { body: { email, password } }));
    },
  );
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.email}
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          width={30}
          value={email}
          error={form.errors?.fields.email}
          onChange={setEmail}
        />
        <TextField
          id={FIELDS.password}
          label="Password"
          type="password"
          autoComplete="current-password"
          width={30}
          value={password}
          error={form.errors?.fields.password}
          onChange={setPassword}
        />
        <button className="nhsuk-button" type="submit">
          Sign in
        </button>
      </form>
    </>
  );
}
