/**
 * Starting a lab from a group: its title and challenge; the lab takes the group's
 * topic, and every other member is invited by name as a participant. The links are
 * shown once, to pass on where email is not set up.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { Lab } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { CopyButton } from '../../lib/CopyButton';
import { Form } from '../../lib/Form';
import { TextareaField, TextField } from '../../lib/form-fields';
import { Link } from '../../lib/navigation';
import { SuccessBanner } from '../../lib/PageStatus';
import { required, useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = { title: 'group-lab-title', challenge: 'group-lab-challenge' };

interface Started {
  readonly lab: Lab;
  readonly invitations: ReadonlyArray<{ name: string; path: string; emailed: boolean }>;
}

export function StartLabForm(props: {
  api: ApiClient;
  groupId: string;
  labHref(labId: string): string;
  onStarted(): void;
}) {
  const { api, groupId, labHref, onStarted } = props;
  const [title, setTitle] = useState('');
  const [challenge, setChallenge] = useState('');
  const [started, setStarted] = useState<Started | null>(null);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => required([['title', title, 'Enter a title for the lab']]),
    async () => {
      const body = { title, challenge };
      setStarted(await api.call(Api.groups.startLab, { params: { groupId }, body }));
      onStarted();
    },
  );
  return (
    <section aria-labelledby="start-lab-heading">
      <h2 className="nhsuk-heading-m" id="start-lab-heading">
        Start a lab from this group
      </h2>
      {started ? (
        <SuccessBanner title={`“${started.lab.title}” has started`}>
          <p className="nhsuk-body">
            <Link href={labHref(started.lab.id)}>Open the lab</Link>. The group’s other members are
            invited as participants
            {started.invitations.length === 0 ? ' (there are none yet).' : ':'}
          </p>
          <ul className="nhsuk-list" data-testid="lab-invitations">
            {started.invitations.map((invitation) => (
              <li key={invitation.path}>
                {invitation.name}
                {invitation.emailed ? ' (emailed)' : ''}{' '}
                <CopyButton
                  text={`${window.location.origin}${invitation.path}`}
                  label={`Copy ${invitation.name}’s link`}
                  copied="Link copied"
                />
              </li>
            ))}
          </ul>
        </SuccessBanner>
      ) : (
        <>
          <p className="nhsuk-body">
            You become its facilitator; the group’s other members are invited to it as participants,
            and it works on the group’s topic.
          </p>
          <Form form={form} onSubmit={submit} submit="Start the lab">
            <TextField
              id={FIELDS.title}
              label="Lab title"
              width={30}
              maxLength={200}
              value={title}
              error={form.errors?.fields.title}
              onChange={setTitle}
            />
            <TextareaField
              id={FIELDS.challenge}
              label="Challenge question"
              maxLength={2000}
              value={challenge}
              error={form.errors?.fields.challenge}
              onChange={setChallenge}
            />
          </Form>
        </>
      )}
    </section>
  );
}
