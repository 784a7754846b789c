/**
 * Imports a lab archive (exported as JSON from this or another Improvement Lab)
 * as a new lab, for people who may create labs.
 */
import { useId, useState } from 'react';
import { Api } from '../../../shared/api-routes';
import type { ApiClient } from '../../lib/api';
import { Form } from '../../lib/Form';
import { useFormSubmit } from '../../lib/use-form-submit';

export interface ImportArchiveFormProps {
  readonly api: ApiClient;
  onImported(labId: string): void;
}

const NOT_JSON = 'This file is not a lab archive: it is not valid JSON.';

/** A chosen file as read when chosen: its JSON, or why it cannot be an archive. */
type Read = { readonly json: unknown } | { readonly problem: string };

function readArchive(file: File): Promise<Read> {
  return file.text().then(
    (text) => {
      try {
        return { json: JSON.parse(text) as unknown };
      } catch {
        return { problem: NOT_JSON };
      }
    },
    () => ({ problem: 'This file could not be read. Choose it again.' }),
  );
}

export function ImportArchiveForm({ api, onImported }: ImportArchiveFormProps) {
  const [file, setFile] = useState<File | null>(null);
  // Read as soon as it is chosen, so a file that is not JSON is named under its field.
  const [read, setRead] = useState<Read | null>(null);
  const id = useId();
  const form = useFormSubmit({ file: `${id}-file` });
  const submit = form.handle(
    (): Record<string, string> => {
      if (!file) return { file: 'Choose an archive file (.json) to import' };
      return read && 'problem' in read ? { file: read.problem } : {};
    },
    async () => {
      if (!file) return;
      const archive = read ?? (await readArchive(file));
      if ('problem' in archive) throw new Error(archive.problem);
      const result = await api.call(Api.labs.import, { body: archive.json });
      onImported(result.lab.id);
    },
  );
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setRead(null);
    if (chosen) void readArchive(chosen).then(setRead);
  };
  const error = form.errors?.fields.file;
  return (
    <Form form={form} onSubmit={submit} submit="Import" secondary aria-labelledby={`${id}-heading`}>
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
          onChange={(event) => choose(event.target.files?.[0] ?? null)}
        />
      </div>
    </Form>
  );
}
