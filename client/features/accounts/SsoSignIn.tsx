/** "Sign in with your organisation": off to the organisation's provider, back to `returnTo`. */
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { goToProvider } from '../../lib/sso';
import { useFormSubmit } from '../../lib/use-form-submit';

export function SsoSignIn(props: { api: ApiClient; label: string; returnTo: string }) {
  const { api, label, returnTo } = props;
  const form = useFormSubmit({});
  const submit = form.handle(
    () => ({}),
    () => goToProvider(api, { intent: 'sign_in', returnTo }),
  );
  return (
    <section aria-labelledby="sso-heading">
      <h2 className="nhsuk-heading-s" id="sso-heading">
        Or use your organisation account
      </h2>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={form.busy}>
          {label}
        </button>
      </form>
    </section>
  );
}
