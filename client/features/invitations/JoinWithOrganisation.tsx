/**
 * Accepting an invitation by signing in with an organisation account: the new
 * account's name and email come from the organisation; the profession is asked here.
 */
import { useState } from 'react';
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../../shared/roles';
import type { ApiClient } from '../../lib/api';
import { ErrorSummary } from '../../lib/ErrorSummary';
import { SelectField } from '../../lib/form-fields';
import { goToProvider } from '../../lib/sso';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { profession: 'join-sso-profession' } as const;
const CHOICES = PROFESSIONS.map((value) => ({ value, label: PROFESSION_LABELS[value] }));

export function JoinWithOrganisation(props: { api: ApiClient; token: string; label: string }) {
  const { api, token, label } = props;
  const [profession, setProfession] = useState<Profession | ''>('');
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['profession', profession, 'Choose your profession or role']]),
    async () => {
      if (profession === '') return;
      await goToProvider(api, { intent: 'invite', inviteToken: token, profession });
    },
  );
  return (
    <section aria-labelledby="join-sso-heading" data-testid="join-with-organisation">
      <h2 className="nhsuk-heading-m" id="join-sso-heading">
        Join with your organisation account
      </h2>
      <p>Your name and email address come from your organisation; you will not need a password.</p>
      <ErrorSummary errors={form.errors} />
      <form onSubmit={submit} noValidate>
        <SelectField
          id={FIELDS.profession}
          label="Profession or role"
          hint="Used only to report who took part, for example how many patients and carers."
          placeholder="Choose one"
          choices={CHOICES}
          value={profession}
          error={form.errors?.fields.profession}
          onChange={setProfession}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {label} and join
        </button>
      </form>
    </section>
  );
}
