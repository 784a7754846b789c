/** Starting a special interest group: name, topic, description and how people join. */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import {
  type CreateGroupBody,
  GROUP_JOIN_POLICIES,
  GROUP_JOIN_POLICY_LABELS,
  type GroupSummary,
  MAX_GROUP_DESCRIPTION,
  MAX_GROUP_NAME,
} from '../../../shared/schemas/group';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { RadiosField, TextareaField, TextField } from '../../lib/form-fields';
import { required, useFormSubmit } from '../../lib/use-form-submit';
import { TopicField } from './TopicField';

const FIELDS = {
  name: 'group-name',
  topic: 'group-topic',
  description: 'group-description',
  joinPolicy: 'group-join-policy',
};

const POLICY_CHOICES = GROUP_JOIN_POLICIES.map((value) => ({
  value,
  label: GROUP_JOIN_POLICY_LABELS[value],
}));

export function StartGroupForm(props: {
  api: ApiClient;
  topics: readonly string[];
  onStarted(group: GroupSummary): void;
}) {
  const { api, topics, onStarted } = props;
  const [draft, setDraft] = useState<Required<CreateGroupBody>>({
    name: '',
    topic: '',
    description: '',
    joinPolicy: 'open',
  });
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () =>
      required([
        ['name', draft.name, 'Enter a name for the group'],
        ['topic', draft.topic, 'Enter the topic the group is about'],
      ]),
    async () => {
      onStarted((await api.call(Api.groups.create, { body: draft })).group);
    },
  );
  return (
    <section aria-labelledby="start-group-heading">
      <h2 className="nhsuk-heading-m" id="start-group-heading">
        Start a group
      </h2>
      <Form form={form} onSubmit={submit} submit="Start the group">
        <TextField
          id={FIELDS.name}
          label="Group name"
          width={30}
          maxLength={MAX_GROUP_NAME}
          value={draft.name}
          error={form.errors?.fields.name}
          onChange={(name) => setDraft({ ...draft, name })}
        />
        <TopicField
          id={FIELDS.topic}
          label="Topic"
          hint="One topic, as people list them in the member directory, for example: falls."
          value={draft.topic}
          topics={topics}
          error={form.errors?.fields.topic}
          onChange={(topic) => setDraft({ ...draft, topic })}
        />
        <TextareaField
          id={FIELDS.description}
          label="What the group is for"
          maxLength={MAX_GROUP_DESCRIPTION}
          value={draft.description}
          error={form.errors?.fields.description}
          onChange={(description) => setDraft({ ...draft, description })}
        />
        <RadiosField
          id={FIELDS.joinPolicy}
          legend="How people join"
          value={draft.joinPolicy}
          choices={POLICY_CHOICES}
          error={form.errors?.fields.joinPolicy}
          onChange={(joinPolicy) => setDraft({ ...draft, joinPolicy })}
        />
      </Form>
    </section>
  );
}
