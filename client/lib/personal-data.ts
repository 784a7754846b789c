/**
 * The personal-data guardrail in the browser: the lab's rules for the page (its
 * hospital number formats, today's date), given by the item page to the comment
 * forms and text fields below it, and what "Remove it" does to a text.
 */
import { createContext, useContext } from 'react';
import type { PersonalDataFinding, PersonalDataRules } from '../../shared/personal-data/rules';
import { ApiRequestError } from './api';

export interface PersonalDataGuard {
  readonly rules: PersonalDataRules;
  /** "Keep it, with a reason" beside an item's text; absent where there is none to flag. */
  flagField?(target: string, reason: string): Promise<void>;
}

export const PersonalDataContext = createContext<PersonalDataGuard | null>(null);

export function guardFor(
  hospitalNumberMasks: readonly string[],
  flagField?: PersonalDataGuard['flagField'],
): PersonalDataGuard {
  const now = new Date();
  // Local date: what "today" is for the person typing.
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return { rules: { hospitalNumberMasks, today }, ...(flagField ? { flagField } : {}) };
}

/** The guard of the page, or one with the rules every lab has when none was given. */
export function usePersonalDataGuard(): PersonalDataGuard {
  return useContext(PersonalDataContext) ?? guardFor([]);
}

/** `text` without the findings, and without the double space each would leave. */
export function withoutFindings(text: string, findings: readonly PersonalDataFinding[]): string {
  let result = text;
  for (const finding of [...findings].sort((a, b) => b.start - a.start)) {
    const before = result.slice(0, finding.start).replace(/[ \t]+$/, '');
    const after = result.slice(finding.end).replace(/^[ \t]+/, '');
    const joint = before && after && !/^[,.;:!?)]/.test(after) ? ' ' : '';
    result = before + joint + after;
  }
  return result;
}

/** A server's refusal's findings as a form shows them, read out of what was sent; null for any other error. */
export function findingsOf(error: unknown, sent: string): PersonalDataFinding[] | null {
  if (!(error instanceof ApiRequestError) || error.code !== 'personal_data') return null;
  return error.findings.map((span) => ({ ...span, text: sent.slice(span.start, span.end) }));
}
