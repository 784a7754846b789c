/**
 * On the account page: whether notifications are emailed as they happen, once a day
 * or never. Only where the server sends email; otherwise a sentence says they are
 * shown in Improvement Lab only.
 */
import { useId, useState } from 'react';
import { Api } from '../../../shared/api-routes';
import { EMAIL_DIGEST_LABELS } from '../../../shared/notification-words';
import {
  EMAIL_DIGEST_MODES,
  type EmailDigestMode,
  type NotificationSettingsResponse,
} from '../../../shared/schemas/notification';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { RadiosField } from '../../lib/form-fields';
import { useFormSubmit } from '../../lib/use-form-submit';

const CHOICES = EMAIL_DIGEST_MODES.map((mode) => ({
  value: mode,
  label: EMAIL_DIGEST_LABELS[mode],
}));

export function NotificationSettingsForm(props: {
  readonly api: ApiClient;
  readonly settings: NotificationSettingsResponse;
}) {
  const { api, settings } = props;
  const id = useId();
  const [email, setEmail] = useState<EmailDigestMode>(settings.email);
  const [saved, setSaved] = useState('');
  const form = useFormSubmit({ email: `${id}-email` });
  const submit = form.handle(
    () => ({}),
    async () => {
      setSaved('');
      await api.call(Api.notifications.saveSettings, { body: { email } });
      setSaved(`Saved: ${EMAIL_DIGEST_LABELS[email].toLowerCase()}.`);
    },
  );
  if (!settings.emailAvailable)
    return (
      <section aria-labelledby={`${id}-heading`}>
        <h2 className="nhsuk-heading-m" id={`${id}-heading`}>
          Notifications
        </h2>
        <p>This Improvement Lab does not send email, so you see your notifications here only.</p>
      </section>
    );
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 className="nhsuk-heading-m" id={`${id}-heading`}>
        Notifications by email
      </h2>
      <Form
        form={form}
        onSubmit={submit}
        submit="Save email choice"
        aria-labelledby={`${id}-heading`}
        after={<p role="status">{saved}</p>}
      >
        <RadiosField
          id={`${id}-email`}
          legend="When should we email you about replies, responses, mentions and items shared with you?"
          hint="You always see them under Notifications at the top of the page."
          error={form.errors?.fields.email}
          value={email}
          choices={CHOICES}
          onChange={setEmail}
        />
      </Form>
    </section>
  );
}
