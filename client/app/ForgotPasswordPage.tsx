/**
 * `/forgot-password`: ask for a link to choose a new password, by email. The
 * answer is the same whether or not the address has an account.
 */

import { useState } from 'react';
import { Api } from '../../shared/api-routes';
import { Form } from '../lib/Form';
import { TextField } from '../lib/form-fields';
import { Link } from '../lib/navigation';
import { required, useFormSubmit } from '../lib/use-form-submit';
import { usePageTitle } from '../lib/use-page-title';
import { paths } from './router';
import type { Session } from './session';

const FIELDS = { email: 'forgot-email' } as const;

export function ForgotPasswordPage({ session }: { session: Session }) {
  usePageTitle('Forgotten your password?');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['email', email, 'Enter your email address']]),
    async () => {
      await session.api.call(Api.auth.forgotPassword, { body: { email } });
      setSent(true);
    },
  );
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Forgotten your password?</h1>
        {sent ? (
          <div className="nhsuk-inset-text" role="status">
            <p>
              If {email} has an account, we have sent it a link to choose a new password. The link
              works for one hour. Check your junk folder if it does not arrive.
            </p>
          </div>
        ) : (
          <>
            <p>Enter the email address you sign in with and we will email you a link.</p>
            <Form form={form} onSubmit={submit} submit="Email me a link">
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
            </Form>
          </>
        )}
        <p>
          <Link href={paths.signIn()}>Back to sign in</Link>
        </p>
      </div>
    </div>
  );
}
