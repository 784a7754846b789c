/**
 * Inviting someone by link: the role (with what it allows), how long the link
 * works and how many people may use it. The link is shown once, on creation.
 */
import { Api } from '../../../shared/api-routes';
import { useEffect, useRef, useState } from 'react';
import { LAB_ROLES, type LabRole, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../shared/roles';
import type { Invite } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { CopyableValue, CopyButton } from '../../lib/CopyButton';
import { Form } from '../../lib/Form';
import { RadiosField, TextareaField, TextField } from '../../lib/form-fields';
import { useFormSubmit } from '../../lib/use-form-submit';
import { ReviewItemsField } from './ReviewItemsField';

const FIELDS = {
  name: 'invite-name',
  email: 'invite-email',
  note: 'invite-note',
  role: 'invite-role',
  expiresInDays: 'invite-expires',
  maxUses: 'invite-uses',
} as const;

const ROLE_CHOICES = LAB_ROLES.map((value) => ({
  value,
  label: ROLE_LABELS[value],
  hint: ROLE_DESCRIPTIONS[value],
}));

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function InvitationLink({
  link,
  invite,
  emailed,
}: {
  link: string;
  invite: Invite;
  emailed: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const who = invite.name || `a ${ROLE_LABELS[invite.role].toLowerCase()}`;
  return (
    <div className="nhsuk-card" data-testid="invitation-link">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" ref={heading} tabIndex={-1}>
          Invitation link for {who}
        </h3>
        {emailed && (
          <p data-testid="invitation-emailed">
            The invitation was emailed to {invite.email}. You can also copy the link below.
          </p>
        )}
        <div className="nhsuk-warning-callout">
          <h4 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Copy the link now
          </h4>
          <p>
            This link will not be shown again. Send it only to the people you mean to invite: anyone
            with it can join the lab,{' '}
            {invite.maxUses === 1 ? 'once' : `up to ${invite.maxUses} times`}.
          </p>
        </div>
        <CopyableValue id="invitation-link-value" label="Invitation link" value={link} />
        <CopyButton text={link} label="Copy link" copied="Link copied." />
      </div>
    </div>
  );
}

export function InviteForm(props: { api: ApiClient; labId: string; onCreated(): void }) {
  const { api, labId, onCreated } = props;
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [role, setRole] = useState<LabRole | ''>('');
  const [days, setDays] = useState('14');
  const [uses, setUses] = useState('1');
  const [reviewItems, setReviewItems] = useState<ReadonlySet<string>>(new Set());
  const [created, setCreated] = useState<{
    link: string;
    invite: Invite;
    emailed: boolean;
  } | null>(null);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => {
      const problems: Record<string, string> = {};
      if (!role) problems.role = 'Choose the role the person will have';
      if (wholeNumber(days, 1, 90) === null) {
        problems.expiresInDays = 'Enter a whole number of days from 1 to 90';
      }
      if (wholeNumber(uses, 1, 500) === null) {
        problems.maxUses = 'Enter a whole number of people from 1 to 500';
      }
      return problems;
    },
    async () => {
      if (!role) return; // the check above asks for it
      setCreated(null);
      const answer = await api.call(Api.invites.create, {
        params: { labId },
        body: {
          role,
          name,
          email,
          note,
          expiresInDays: Number(days),
          maxUses: Number(uses),
          itemIds: role === 'reviewer' && reviewItems.size > 0 ? [...reviewItems] : null,
        },
      });
      setCreated({
        link: `${window.location.origin}${answer.path}`,
        invite: answer.invite,
        emailed: answer.emailed,
      });
      setName('');
      setEmail('');
      setNote('');
      onCreated();
    },
  );
  return (
    <section aria-labelledby="invite-heading">
      <h2 className="nhsuk-heading-m" id="invite-heading">
        Invite someone
      </h2>
      {created && (
        <InvitationLink link={created.link} invite={created.invite} emailed={created.emailed} />
      )}
      <Form form={form} onSubmit={submit} submit="Create invitation link">
        <TextField
          id={FIELDS.name}
          label="Name of the person (optional)"
          hint="So the list of open invitations says who you are waiting for."
          autoComplete="off"
          width={30}
          value={name}
          error={form.errors?.fields.name}
          onChange={setName}
        />
        <TextField
          id={FIELDS.email}
          label="Their email address (optional)"
          hint="When this server can send email, the invitation is emailed to them."
          type="email"
          autoComplete="off"
          spellCheck={false}
          width={30}
          value={email}
          error={form.errors?.fields.email}
          onChange={setEmail}
        />
        <TextareaField
          id={FIELDS.note}
          label="A note for them (optional)"
          hint="Shown with the invitation, for example why you would value their view."
          value={note}
          error={form.errors?.fields.note}
          onChange={setNote}
        />
        <RadiosField
          id={FIELDS.role}
          legend="Role in this lab"
          choices={ROLE_CHOICES}
          value={role}
          error={form.errors?.fields.role}
          onChange={setRole}
        />
        {role === 'reviewer' && (
          <ReviewItemsField
            api={api}
            labId={labId}
            selected={reviewItems}
            onChange={setReviewItems}
          />
        )}
        <TextField
          id={FIELDS.expiresInDays}
          label="Days the link works for"
          hint="From 1 to 90 days."
          inputMode="numeric"
          width={3}
          value={days}
          error={form.errors?.fields.expiresInDays}
          onChange={setDays}
        />
        <TextField
          id={FIELDS.maxUses}
          label="Number of people who can use the link"
          hint="Use 1 for a personal invitation."
          inputMode="numeric"
          width={3}
          value={uses}
          error={form.errors?.fields.maxUses}
          onChange={setUses}
        />
      </Form>
    </section>
  );
}
