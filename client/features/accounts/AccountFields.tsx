/**
 * The fields of a new account (name, email, profession, password), shared by the
 * first administrator's set-up and signing up with an invitation.
 */
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../../shared/roles';
import { MIN_PASSWORD_LENGTH } from '../../../shared/schemas/api';
import type { FormErrors } from '../../lib/form-errors';
import { SelectField, TextField } from '../../lib/form-fields';

export interface NewAccount {
  readonly name: string;
  readonly email: string;
  readonly profession: Profession | '';
  readonly password: string;
}

export const EMPTY_ACCOUNT: NewAccount = { name: '', email: '', profession: '', password: '' };

export function accountFieldIds(prefix: string) {
  return {
    name: `${prefix}-name`,
    email: `${prefix}-email`,
    profession: `${prefix}-profession`,
    password: `${prefix}-password`,
  } as const;
}

/** Blank fields, in the order of the form. */
export function checkAccount(account: NewAccount): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!account.name.trim()) problems.name = 'Enter your full name';
  if (!account.email.trim()) problems.email = 'Enter your email address';
  if (!account.profession) problems.profession = 'Choose your profession or role';
  if (!account.password) problems.password = 'Create a password';
  return problems;
}

/** The account as the API takes it, once `checkAccount` has found nothing missing. */
export function completeAccount(account: NewAccount) {
  const { profession } = account;
  return profession === '' ? null : { ...account, profession };
}

const PROFESSION_CHOICES = PROFESSIONS.map((value) => ({ value, label: PROFESSION_LABELS[value] }));

export function AccountFields(props: {
  prefix: string;
  account: NewAccount;
  errors: FormErrors | null;
  onChange(account: NewAccount): void;
}) {
  const { account, errors, onChange } = props;
  const ids = accountFieldIds(props.prefix);
  return (
    <>
      <TextField
        id={ids.name}
        label="Full name"
        hint="Others in your labs will see this name."
        autoComplete="name"
        spellCheck={false}
        width={30}
        maxLength={100}
        value={account.name}
        error={errors?.fields.name}
        onChange={(name) => onChange({ ...account, name })}
      />
      <TextField
        id={ids.email}
        label="Email address"
        hint="You will use this to sign in."
        type="email"
        autoComplete="email"
        spellCheck={false}
        width={30}
        value={account.email}
        error={errors?.fields.email}
        onChange={(email) => onChange({ ...account, email })}
      />
      <SelectField
        id={ids.profession}
        label="Profession or role"
        hint="Used only to report who took part, for example how many patients and carers."
        placeholder="Choose one"
        choices={PROFESSION_CHOICES}
        value={account.profession}
        error={errors?.fields.profession}
        onChange={(profession) => onChange({ ...account, profession })}
      />
      <TextField
        id={ids.password}
        label="Create a password"
        hint={`Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password.`}
        type="password"
        autoComplete="new-password"
        width={30}
        value={account.password}
        error={errors?.fields.password}
        onChange={(password) => onChange({ ...account, password })}
      />
    </>
  );
}
