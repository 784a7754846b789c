/**
 * `/reset-password/<token>`: choose a new password with a one-time link from an
 * administrator or an email. Using it signs the person in here and out everywhere else.
 */

import { useState } from 'react';
import { Api } from '../../shared/api-routes';
import { MIN_PASSWORD_LENGTH } from '../../shared/schemas/api';
import { Form } from '../lib/Form';
import { TextField } from '../lib/form-fields';
import { Link, navigate } from '../lib/navigation';
import { LoadFailed, Loading } from '../lib/PageStatus';
import { useApiData } from '../lib/use-api-data';
import { required, useFormSubmit } from '../lib/use-form-submit';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { Session } from './session';

const FIELDS = { password: 'reset-password' } as const;

export function PasswordResetPage({ session, token }: { session: Session; token: string }) {
  usePageTitle('Choose a new password');
  const [password, setPassword] = useState('');
  const [link] = useApiData(`reset:${token}`, () =>
    session.api.call(Api.auth.passwordReset, { params: { token } }),
  );
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['password', password, 'Enter a new password']]),
    async () => {
      const me = await session.api.call(Api.auth.resetPassword, {
        params: { token },
        body: { password },
      });
      session.signedIn(me);
      navigate(paths.myLabs());
    },
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Choose a new password</h1>
        {link.status === 'loading' && <Loading />}
        {link.status === 'error' && (
          <>
            <LoadFailed error={link.error} />
            <p>
              <Link href={paths.forgotPassword()}>Ask for a new link</Link>
            </p>
          </>
        )}
        {link.status === 'ready' && (
          <>
            <p>For the account {link.data.email}. You will be signed out everywhere else.</p>
            <Form form={form} onSubmit={submit} submit="Save the new password">
              <input type="hidden" autoComplete="username" value={link.data.email} readOnly />
              <TextField
                id={FIELDS.password}
                label="New password"
                hint={`Use at least ${MIN_PASSWORD_LENGTH} characters.`}
                type="password"
                autoComplete="new-password"
                width={30}
                value={password}
                error={form.errors?.fields.password}
                onChange={setPassword}
              />
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
