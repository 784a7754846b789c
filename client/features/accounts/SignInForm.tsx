/** Email and password, sent to `POST /api/auth/sign-in`; the server's refusal is shown as written. */
import { Api } from '../../../shared/api-routes';
import type { MeResponse } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { Form, useForm } from '../../lib/Form';
import { TextField } from '../../lib/form-fields';
import { required } from '../../lib/use-form-submit';

const FIELDS = { email: 'sign-in-email', password: 'sign-in-password' } as const;

export function SignInForm({
  api,
  onSignedIn,
}: {
  api: ApiClient;
  onSignedIn(me: MeResponse): void;
}) {
  const form = useForm(FIELDS, { email: '', password: '' });
  const { email, password } = form.values;
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
    <Form form={form} onSubmit={submit} submit="Sign in">
      <TextField
        {...form.field('email')}
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        width={30}
      />
      <TextField
        {...form.field('password')}
        label="Password"
        type="password"
        autoComplete="current-password"
        width={30}
      />
    </Form>
  );
}
