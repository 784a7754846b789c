/**
 * Imports a lab archive (exported as JSON from this or another Improvement Lab)
 * as a new lab, for people who may create labs.
 */
import { Api } from '../../../shared/api-routes';
import { type FormEvent, useId, useState } from 'react';
import { type ApiClient, ApiRequestError } from '../../lib/api';

export interface ImportArchiveFormProps {
  readonly api: ApiClient;
  onImported(labId: string): void;
}

export function ImportArchiveForm({ api, onImported }: ImportArchiveFormProps) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError('Choose an archive file (.json) to import');
      return;
    }
    setWorking(true);
    setError(null);
    try {
      const archive: unknown = JSON.parse(await file.text());
      const result = await api.call(Api.labs.import, { body: archive });
      onImported(result.lab.id);
    } catch (caught) {
      if (caught instanceof SyntaxError)
        setError('This file is not a lab archive: it is not valid JSON.');
      else if (caught instanceof ApiRequestError) setError(caught.message);
      else setError('The import failed.');
    } finally {
      setWorking(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 className="nhsuk-heading-s" id={`${id}-heading`}>
        Import a lab archive
      </h2>
      <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={`${id}-file`}>
          Archive file (.json)
        </label>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          A full archive exported from a lab. It becomes a new lab, with you as its facilitator.
        </div>
        {error && (
          <span className="nhsuk-error-message" id={`${id}-error`}>
            <span className="nhsuk-u-visually-hidden">Error:</span> {error}
          </span>
        )}
        <input
          className="nhsuk-file-upload"
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={working}>
        Import
      </button>
    </form>
  );
}
