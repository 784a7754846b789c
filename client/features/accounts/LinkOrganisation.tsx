/**
 * The account page's organisation account: linked, or a form to link it. Linking asks
 * for the password, so someone using an unattended session cannot attach their own login.
 */
import { useState } from 'react';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { TextField } from '../../lib/form-fields';
import { goToProvider } from '../../lib/sso';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { currentPassword: 'link-current-password' } as const;

export function LinkOrganisation(props: { api: ApiClient; label: string; linked: boolean }) {
  const { api, label, linked } = props;
  const [password, setPassword] = useState('');
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['currentPassword', password, 'Enter your current password']]),
    () => goToProvider(api, { intent: 'link', currentPassword: password }),
  );
  return (
    <section aria-labelledby="organisation-heading" data-testid="organisation-account">
      <h2 className="nhsuk-heading-m" id="organisation-heading">
        Organisation account
      </h2>
      {linked ? (
        <p>
          Your account is linked to your organisation account. You can use “{label}” on the sign-in
          page.
        </p>
      ) : (
        <>
          <p>
            Link your organisation account to sign in with it (“{label}”) instead of your password.
          </p>
          <ErrorSummary errors={form.errors} />
          <form onSubmit={submit} noValidate>
            <TextField
              id={FIELDS.currentPassword}
              label="Your current password"
              type="password"
              autoComplete="current-password"
              width={20}
              value={password}
              error={form.errors?.fields.currentPassword}
              onChange={setPassword}
            />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Link your organisation account
            </button>
          </form>
        </>
      )}
    </section>
  );
}
