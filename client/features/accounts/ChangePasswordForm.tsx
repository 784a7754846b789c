/**
 * Changing one's password. The server ends every other session of the account,
 * so the page says so.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { TextField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { currentPassword: 'current-password', newPassword: 'new-password' } as const;

export function ChangePasswordForm({ api }: { api: ApiClient }) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useFormSubmit(FIELDS);
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
      setCurrent('');
      setNew('');
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
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.currentPassword}
          label="Current password"
          type="password"
          autoComplete="current-password"
          width={30}
          value={currentPassword}
          error={form.errors?.fields.currentPassword}
          onChange={setCurrent}
        />
        <TextField
          id={FIELDS.newPassword}
          label="New password"
          hint={`Use at least ${MIN_PASSWORD_LENGTH} characters.`}
          type="password"
          autoComplete="new-password"
          width={30}
          value={newPassword}
          error={form.errors?.fields.newPassword}
          onChange={setNew}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Change password
        </button>
      </form>
    </section>
  );
}
