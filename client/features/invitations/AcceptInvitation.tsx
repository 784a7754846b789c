/** For someone already signed in: join the lab with the invitation's role. */

import { Api } from '../../../shared/api-routes';
import type { Lab } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { useFormSubmit } from '../../lib/use-form-submit';

export function AcceptInvitation(props: {
  api: ApiClient;
  token: string;
  name: string;
  onAccepted(lab: Lab): void;
}) {
  const { api, token, name, onAccepted } = props;
  const form = useFormSubmit({});
  const submit = form.handle(
    () => ({}),
    async () => {
      onAccepted((await api.call(Api.invites.accept, { params: { token } })).lab);
    },
  );
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <p>
          You are signed in as <strong>{name}</strong>.
        </p>
        <button className="nhsuk-button" type="submit">
          Accept invitation
        </button>
      </form>
    </>
  );
}
