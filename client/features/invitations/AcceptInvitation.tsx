/** For someone already signed in: join the lab with the invitation's role. */

import { Api } from '../../../shared/api-routes';
import type { Lab } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
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
    <Form form={form} onSubmit={submit} submit="Accept invitation">
      <p>
        You are signed in as <strong>{name}</strong>.
      </p>
    </Form>
  );
}
