/**
 * On the account page: whether notifications are emailed as they happen, once a day
 * or never. Only where the server sends email; otherwise a sentence says they are
 * shown in Improvement Lab only.
 */
import { Api } from '../../../shared/api-routes';
import { useId, useState } from 'react';
import { EMAIL_DIGEST_LABELS } from '../../../shared/notification-words';
import {
  EMAIL_DIGEST_MODES,
  type EmailDigestMode,
  type NotificationSettingsResponse,
} from '../../../shared/schemas/notification';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { apiFormErrors, type FormErrors } from '../../lib/form-errors';

export function NotificationSettingsForm(props: {
  readonly api: ApiClient;
  readonly settings: NotificationSettingsResponse;
}) {
  const { api, settings } = props;
  const id = useId();
  const [email, setEmail] = useState<EmailDigestMode>(settings.email);
  const [errors, setErrors] = useState<FormErrors | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
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
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setErrors(null);
          setSaved('');
          setBusy(true);
          api
            .call(Api.notifications.saveSettings, { body: { email } })
            .then(
              () => setSaved(`Saved: ${EMAIL_DIGEST_LABELS[email].toLowerCase()}.`),
              (error: unknown) => setErrors(apiFormErrors(error, {})),
            )
            .finally(() => setBusy(false));
        }}
      >
        <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-hint`}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            When should we email you about replies, responses, mentions and items shared with you?
          </legend>
          <div className="nhsuk-hint" id={`${id}-hint`}>
            You always see them under Notifications at the top of the page.
          </div>
          <div className="nhsuk-radios">
            {EMAIL_DIGEST_MODES.map((mode) => (
              <div className="nhsuk-radios__item" key={mode}>
                <input
                  className="nhsuk-radios__input"
                  id={`${id}-${mode}`}
                  name={`${id}-email`}
                  type="radio"
                  value={mode}
                  checked={email === mode}
                  onChange={() => setEmail(mode)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${mode}`}>
                  {EMAIL_DIGEST_LABELS[mode]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save email choice
        </button>
        <p role="status">{saved}</p>
      </form>
    </section>
  );
}
