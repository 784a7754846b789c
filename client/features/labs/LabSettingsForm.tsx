/**
 * A lab's settings: title, challenge, phase, dates and topic (`PATCH /api/labs/<id>`).
 * The topic is one of the directory's topics: special interest groups on it list the lab.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { Lab } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { TextField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { required, useFormSubmit } from '../../lib/use-form-submit';
import { type LabBasics, LabBasicsFields, labFieldIds } from './lab-fields';

const FIELDS = labFieldIds('lab-settings');

export function LabSettingsForm(props: { api: ApiClient; lab: Lab; onSaved(lab: Lab): void }) {
  const { api, lab, onSaved } = props;
  const [basics, setBasics] = useState<LabBasics>({
    title: lab.title,
    challenge: lab.challenge,
    phase: lab.phase,
  });
  const [startDate, setStartDate] = useState(lab.startDate ?? '');
  const [endDate, setEndDate] = useState(lab.endDate ?? '');
  const [topic, setTopic] = useState(lab.topic ?? '');
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => {
      setSaved(false);
      const problems = required([['title', basics.title, 'Enter a title for the lab']]);
      if (startDate && endDate && endDate < startDate) {
        problems.endDate = 'The end date must be the same as or after the start date';
      }
      return problems;
    },
    async () => {
      const body = {
        ...basics,
        startDate: startDate || null,
        endDate: endDate || null,
        topic: topic.trim() || null,
      };
      const answer = await api.call(Api.labs.update, { params: { labId: lab.id }, body });
      setSaved(true);
      onSaved(answer.lab);
    },
  );
  return (
    <>
      {saved && <SuccessBanner title="The lab’s settings have been saved" />}
      <Form form={form} onSubmit={submit} submit="Save settings">
        <LabBasicsFields
          prefix="lab-settings"
          lab={basics}
          errors={form.errors}
          onChange={setBasics}
        />
        <TextField
          id={FIELDS.startDate}
          label="Start date"
          hint="Leave empty if not decided."
          type="date"
          width={10}
          value={startDate}
          error={form.errors?.fields.startDate}
          onChange={setStartDate}
        />
        <TextField
          id={FIELDS.endDate}
          label="End date"
          hint="Labs usually run for 9 to 12 months."
          type="date"
          width={10}
          value={endDate}
          error={form.errors?.fields.endDate}
          onChange={setEndDate}
        />
        <TextField
          id={FIELDS.topic}
          label="Topic"
          hint="What the lab works on, as the member directory lists topics (for example: falls). Special interest groups on this topic list the lab."
          width={20}
          maxLength={40}
          value={topic}
          error={form.errors?.fields.topic}
          onChange={setTopic}
        />
      </Form>
    </>
  );
}
