/**
 * Changing one's name, profession and email address. A new email address (where
 * password links go) needs the current password.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../../shared/roles';
import type { MeResponse } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { SelectField, TextField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = {
  name: 'details-name',
  profession: 'details-profession',
  email: 'details-email',
  currentPassword: 'details-password',
} as const;

const CHOICES = PROFESSIONS.map((value) => ({ value, label: PROFESSION_LABELS[value] }));

export function AccountDetailsForm(props: {
  api: ApiClient;
  user: MeResponse['user'];
  onSaved(user: MeResponse['user']): void;
}) {
  const { api, user } = props;
  const [name, setName] = useState(user.name);
  const [profession, setProfession] = useState<Profession>(user.profession as Profession);
  const [email, setEmail] = useState(user.email);
  const [currentPassword, setCurrentPassword] = useState('');
  const [saved, setSaved] = useState(false);
  const emailChanges = email.trim().toLowerCase() !== user.email;
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => {
      setSaved(false);
      return required([
        ['name', name, 'Enter your name'],
        ['email', email, 'Enter your email address'],
        ...(emailChanges
          ? ([['currentPassword', currentPassword, 'Enter your current password']] as const)
          : []),
      ]);
    },
    async () => {
      const answer = await api.call(Api.account.update, {
        body: { name, profession, ...(emailChanges ? { email, currentPassword } : {}) },
      });
      setCurrentPassword('');
      setSaved(true);
      props.onSaved(answer.user);
    },
  );
  return (
    <section aria-labelledby="details-heading">
      <h2 className="nhsuk-heading-m" id="details-heading">
        Your details
      </h2>
      {saved && <SuccessBanner title="Your details have been saved" />}
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <TextField
          id={FIELDS.name}
          label="Name"
          autoComplete="name"
          width={30}
          value={name}
          error={form.errors?.fields.name}
          onChange={setName}
        />
        <SelectField
          id={FIELDS.profession}
          label="Profession or role"
          value={profession}
          choices={CHOICES}
          error={form.errors?.fields.profession}
          onChange={setProfession}
        />
        <TextField
          id={FIELDS.email}
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          width={30}
          value={email}
          error={form.errors?.fields.email}
          onChange={setEmail}
        />
        {emailChanges && (
          <TextField
            id={FIELDS.currentPassword}
            label="Current password"
            hint="Needed to change your email address."
            type="password"
            autoComplete="current-password"
            width={30}
            value={currentPassword}
            error={form.errors?.fields.currentPassword}
            onChange={setCurrentPassword}
          />
        )}
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={form.busy}>
          Save your details
        </button>
      </form>
    </section>
  );
}
