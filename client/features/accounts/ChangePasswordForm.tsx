/**
 * Changing one's password. The server ends every other session of the account,
 * so the page says so.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { Form, useForm } from '../../lib/Form';
import { TextField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { required } from '../../lib/use-form-submit';

const FIELDS = { currentPassword: 'current-password', newPassword: 'new-password' } as const;

export function ChangePasswordForm({ api }: { api: ApiClient }) {
  const form = useForm(FIELDS, { currentPassword: '', newPassword: '' });
  const { currentPassword, newPassword } = form.values;
  const [changed, setChanged] = useState(false);
  const submit = form.handle(
    () => {
      setChanged(false);
      return required([
        ['currentPassword', currentPassword, 'Enter your current password'],
        ['newPassword', newPassword, 'Enter a new password'],
      ]);
    },
    async () => {
      await api.call(Api.auth.changePassword, { body: { currentPassword, newPassword } });
      form.reset();
      setChanged(true);
    },
  );
  return (
    <section aria-labelledby="password-heading">
      <h2 className="nhsuk-heading-m" id="password-heading">
        Change your password
      </h2>
      {changed && (
        <SuccessBanner title="Your password has been changed">
          <p>You have been signed out everywhere else.</p>
        </SuccessBanner>
      )}
      <Form form={form} onSubmit={submit} submit="Change password" secondary>
        <TextField
          {...form.field('currentPassword')}
          label="Current password"
          type="password"
          autoComplete="current-password"
          width={30}
        />
        <TextField
          {...form.field('newPassword')}
          label="New password"
          hint={`Use at least ${MIN_PASSWORD_LENGTH} characters.`}
          type="password"
          autoComplete="new-password"
          width={30}
        />
      </Form>
    </section>
  );
}
