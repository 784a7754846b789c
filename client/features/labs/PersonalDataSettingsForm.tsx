/**
 * A lab's personal-data settings, for its facilitators: the formats of the
 * hospital's own patient numbers (so the guardrail spots them too) and how long
 * reviewers' comments are kept after the lab closes (`PATCH /api/labs/<id>`).
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import type { Lab } from '../../../shared/schemas/api-responses';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { RadiosField, TextField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = {
  hospitalNumberMasks: 'lab-hospital-numbers',
  commentRetentionDays: 'lab-comment-retention',
};

const RETENTION = [
  { value: 'never', label: 'Keep them', hint: 'They are never erased.' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
] as const;
type Retention = (typeof RETENTION)[number]['value'];

export function PersonalDataSettingsForm(props: {
  api: ApiClient;
  lab: Lab;
  onSaved(lab: Lab): void;
}) {
  const { api, lab, onSaved } = props;
  const [masks, setMasks] = useState(lab.hospitalNumberMasks.join(', '));
  const [retention, setRetention] = useState<Retention>(
    lab.commentRetentionDays === null ? 'never' : (String(lab.commentRetentionDays) as Retention),
  );
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit(FIELDS);
  const submit = form.handle(
    () => {
      setSaved(false);
      return {};
    },
    async () => {
      const body = {
        hospitalNumberMasks: masks,
        commentRetentionDays: retention === 'never' ? null : Number(retention),
      };
      const answer = await api.call(Api.labs.update, { params: { labId: lab.id }, body });
      setSaved(true);
      onSaved(answer.lab);
    },
  );
  return (
    <section aria-labelledby="personal-data-settings">
      <h2 className="nhsuk-heading-m" id="personal-data-settings">
        Personal data
      </h2>
      {saved && <SuccessBanner title="The personal data settings have been saved" />}
      <Form form={form} onSubmit={submit} submit="Save personal data settings">
        <TextField
          id={FIELDS.hospitalNumberMasks}
          label="Your hospital’s patient number formats"
          hint="So that comments and text are checked for them too. Write # for a digit and @ for a letter, for example RX###### or @#######. Separate several with commas."
          value={masks}
          error={form.errors?.fields.hospitalNumberMasks}
          onChange={setMasks}
          spellCheck={false}
        />
        <RadiosField
          id={FIELDS.commentRetentionDays}
          legend="How long to keep reviewers’ comments after the lab closes"
          hint="A lab closes when it is archived or its end date has passed. After this, the words of patients’ and the public’s comments are erased; each thread says “Comment removed”."
          value={retention}
          choices={RETENTION}
          error={form.errors?.fields.commentRetentionDays}
          onChange={setRetention}
        />
      </Form>
    </section>
  );
}
