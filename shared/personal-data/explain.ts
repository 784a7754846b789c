/**
 * What the guardrail says about a finding, in plain words, for the comment form, the
 * warning beside a field, the server's refusal and the facilitators' list.
 */
import type { PersonalDataKind } from './rules';

export const KIND_NAMES: Readonly<Record<PersonalDataKind, string>> = {
  nhs_number: 'an NHS number',
  hospital_number: 'a hospital number',
  email: 'an email address',
  phone: 'a phone number',
  postcode: 'a postcode',
  date_of_birth: 'a date of birth',
};

/** Where the text is going, which decides who may read it. */
export type PersonalDataPlace = 'comment' | 'response' | 'field' | 'note';

const WHO_SEES: Readonly<Record<PersonalDataPlace, string>> = {
  comment: 'comments are seen by the lab team and may be shared',
  response: 'responses are seen by the person who commented and the lab team, and may be shared',
  field: 'this text is seen by the lab team and may be shared in reports',
  note: 'notes are seen by everyone on the workshop board and may be shared in reports',
};

/** "This looks like an NHS number. Please remove it: comments are seen by the lab team and may be shared." */
export function explainFinding(kind: PersonalDataKind, place: PersonalDataPlace): string {
  return `This looks like ${KIND_NAMES[kind]}. Please remove it: ${WHO_SEES[place]}.`;
}

/** One sentence for several findings, naming each kind once. */
export function explainFindings(
  kinds: readonly PersonalDataKind[],
  place: PersonalDataPlace,
): string {
  const unique = [...new Set(kinds)];
  const [first] = unique;
  if (first === undefined) return '';
  if (unique.length === 1) return explainFinding(first, place);
  const names = unique.map((kind) => KIND_NAMES[kind]);
  const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `This looks like it includes ${list}. Please remove them: ${WHO_SEES[place]}.`;
}

/** The kind as a list heading says it: "NHS number". */
export function kindLabel(kind: PersonalDataKind): string {
  const name = KIND_NAMES[kind].replace(/^an? /, '');
  return name.charAt(0).toUpperCase() + name.slice(1);
}
