/**
 * Errors of a form, shaped for the NHS.UK error pattern: a summary of problems,
 * each linking to its field, and a message under each field. Problems come from
 * checks in the page (a field left empty) or from the API, whose sentences are
 * shown as the server wrote them.
 */
import { ApiRequestError } from './api';

export interface FormProblem {
  readonly text: string;
  /** The id of the input the problem is about, for the summary's link. */
  readonly fieldId?: string;
}

export interface FormErrors {
  readonly summary: readonly FormProblem[];
  /** By API field name. */
  readonly fields: Readonly<Record<string, string>>;
}

/** API field name → id of its input. */
export type FieldIds = Readonly<Record<string, string>>;

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** Problems found before sending, by field name, in the order of the form. */
export function checkErrors(problems: Record<string, string>, fieldIds: FieldIds): FormErrors {
  const summary = Object.entries(problems).map(([field, text]) => ({
    text,
    ...(fieldIds[field] ? { fieldId: fieldIds[field] } : {}),
  }));
  return { summary, fields: problems };
}

/**
 * A failed request as form errors. A validation failure (400 `invalid_request`)
 * lists its fields one by one; any other refusal shows the server's sentence,
 * under the field it names if there is one.
 */
export function apiFormErrors(error: unknown, fieldIds: FieldIds): FormErrors {
  if (!(error instanceof ApiRequestError)) {
    return { summary: [{ text: 'Something went wrong in this page. Reload it.' }], fields: {} };
  }
  const named = Object.entries(error.fields).filter(([field]) => fieldIds[field] !== undefined);
  if (error.code === 'invalid_request' && named.length > 0) {
    const fields: Record<string, string> = {};
    for (const [field, text] of named) fields[field] = sentence(text);
    return checkErrors(fields, fieldIds);
  }
  const first = named[0]?.[0];
  const fieldId = first === undefined ? undefined : fieldIds[first];
  return {
    summary: [{ text: error.message, ...(fieldId ? { fieldId } : {}) }],
    fields: Object.fromEntries(named.map(([field]) => [field, error.message])),
  };
}
