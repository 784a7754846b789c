/**
 * Changing one's name, profession and email address. A new email address (where
 * password links go) needs the current password.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../../shared/roles';
import type { MeResponse } from '../../../shared/schemas/api';
import type { ApiClient } from '../../lib/api';
import { Form, useForm } from '../../lib/Form';
import { SelectField, TextField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { required } from '../../lib/use-form-submit';

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
  const form = useForm(FIELDS, {
    name: user.name,
    profession: user.profession as Profession,
    email: user.email,
    currentPassword: '',
  });
  const { name, profession, email, currentPassword } = form.values;
  const [saved, setSaved] = useState(false);
  const emailChanges = email.trim().toLowerCase() !== user.email;
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
      form.set('currentPassword', '');
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
      <Form form={form} onSubmit={submit} submit="Save your details" secondary>
        <TextField {...form.field('name')} label="Name" autoComplete="name" width={30} />
        <SelectField {...form.field('profession')} label="Profession or role" choices={CHOICES} />
        <TextField
          {...form.field('email')}
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          width={30}
        />
        {emailChanges && (
          <TextField
            {...form.field('currentPassword')}
            label="Current password"
            hint="Needed to change your email address."
            type="password"
            autoComplete="current-password"
            width={30}
          />
        )}
      </Form>
    </section>
  );
}
