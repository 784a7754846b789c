/**
 * My directory profile: whether I am listed and to whom, what the listing shows, my
 * organisation, region and topics, and whether I am open to being contacted.
 */
import { Api } from '../../../shared/api-routes';
import { useState } from 'react';
import {
  PROFILE_AUDIENCE_LABELS,
  PROFILE_AUDIENCES,
  type ProfileBody,
  type ProfileField,
  type ProfileRecord,
  REGION_LABELS,
  REGIONS,
  type Region,
} from '../../../shared/schemas/profile';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { RadiosField, SelectField, TextField } from '../../lib/form-fields';
import { SuccessBanner } from '../../lib/PageStatus';
import { useFormSubmit } from '../../lib/use-form-submit';

const FIELDS = {
  audience: 'profile-audience',
  organisation: 'profile-organisation',
  region: 'profile-region',
  topics: 'profile-topics',
};

const SHOWN_LABELS: Readonly<Record<ProfileField, string>> = {
  profession: 'My profession',
  organisation: 'My organisation',
  region: 'My region',
  topics: 'My topics of interest',
  labs: 'The labs I am in',
  groups: 'The special interest groups I am in',
};

export function ProfileForm(props: { api: ApiClient; profile: ProfileRecord; onSaved(): void }) {
  const { api, profile, onSaved } = props;
  const [draft, setDraft] = useState<ProfileBody>(() => ({
    audience: profile.audience,
    organisation: profile.organisation,
    region: profile.region,
    topics: profile.topics,
    openToConnect: profile.openToConnect,
    hideFromNetwork: profile.hideFromNetwork,
    shown: profile.shown,
  }));
  const [topics, setTopics] = useState(profile.topics.join(', '));
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit(FIELDS);
  const change = (patch: Partial<ProfileBody>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const submit = form.handle(
    (): Record<string, string> => {
      const list = topics
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      if (list.length > 10) return { topics: 'List at most 10 topics' };
      if (list.some((t) => t.length > 40)) return { topics: 'Keep each topic to 40 characters' };
      return {};
    },
    async () => {
      const list = topics
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      await api.call(Api.directory.saveProfile, { body: { ...draft, topics: list } });
      setSaved(true);
      onSaved();
    },
  );
  return (
    <>
      {saved && <SuccessBanner title="Your profile has been saved" />}
      <Form form={form} onSubmit={submit} submit="Save profile" aria-label="Your directory profile">
        <RadiosField
          id={FIELDS.audience}
          legend="Who can find you in the member directory?"
          hint="Nobody sees you until you choose. Patients and carers often choose the people in their labs."
          value={draft.audience}
          choices={PROFILE_AUDIENCES.map((value) => ({
            value,
            label: PROFILE_AUDIENCE_LABELS[value],
          }))}
          error={form.errors?.fields.audience}
          onChange={(audience) => change({ audience })}
        />
        <TextField
          id={FIELDS.organisation}
          label="Organisation"
          hint="For example, your trust, practice, board or charity. Optional."
          value={draft.organisation}
          maxLength={120}
          error={form.errors?.fields.organisation}
          onChange={(organisation) => change({ organisation })}
        />
        <SelectField
          id={FIELDS.region}
          label="Region or nation"
          value={draft.region ?? ''}
          placeholder="Not given"
          choices={REGIONS.map((value) => ({ value, label: REGION_LABELS[value] }))}
          error={form.errors?.fields.region}
          onChange={(region: Region) => change({ region })}
        />
        <TextField
          id={FIELDS.topics}
          label="Topics of interest"
          hint="Separate them with commas, for example: falls, frailty, run charts. Up to 10."
          value={topics}
          error={form.errors?.fields.topics}
          onChange={(value) => {
            setSaved(false);
            setTopics(value);
          }}
        />
        <div className="nhsuk-form-group">
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              What your listing shows
            </legend>
            <div className="nhsuk-checkboxes">
              {(Object.keys(SHOWN_LABELS) as ProfileField[]).map((field) => (
                <div className="nhsuk-checkboxes__item" key={field}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={`profile-shown-${field}`}
                    type="checkbox"
                    checked={draft.shown[field]}
                    onChange={(event) =>
                      change({ shown: { ...draft.shown, [field]: event.target.checked } })
                    }
                  />
                  <label
                    className="nhsuk-label nhsuk-checkboxes__label"
                    htmlFor={`profile-shown-${field}`}
                  >
                    {SHOWN_LABELS[field]}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id="profile-open"
                type="checkbox"
                checked={draft.openToConnect}
                onChange={(event) => change({ openToConnect: event.target.checked })}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="profile-open">
                I am open to people getting in touch about shared interests
              </label>
            </div>
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id="profile-hide-network"
                type="checkbox"
                checked={draft.hideFromNetwork}
                onChange={(event) => change({ hideFromNetwork: event.target.checked })}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="profile-hide-network">
                Leave me out of pictures of a lab’s network
              </label>
            </div>
          </div>
        </div>
      </Form>
    </>
  );
}
