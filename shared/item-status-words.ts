/**
 * An item's status as people read it in lists. The registry keeps a short code
 * (`deriveStatus`: an idea's stage, a cycle's decision, or counts such as
 * "10 nodes"); here it becomes words, with the glossary entry that explains
 * them. The codes are the lower-case words of `documents/choice-labels.ts`,
 * which is not imported: it brings the process map's code, and so Yjs, into
 * the overview (a unit test keeps the words the same). Counts are for the team
 * at work: reviewers (patients and the public) are not shown them, since they
 * say nothing about what to comment on.
 */
import type { GlossaryId } from './glossary';
import type { ItemKind } from './schemas/records';

export interface StatusWords {
  /** Reads on its own: "Decision: adapt", "Status: testing", "10 nodes". */
  readonly text: string;
  /** The glossary entry that explains the words, if one does. */
  readonly term: GlossaryId | null;
}

const IDEA_TERMS: Readonly<Record<string, GlossaryId>> = {
  adopted: 'adopt',
  adapted: 'adapt',
  abandoned: 'abandon',
  spread: 'spread',
};

const PDSA_TERMS: Readonly<Record<string, GlossaryId>> = {
  adopt: 'adopt',
  adapt: 'adapt',
  abandon: 'abandon',
};

const PDSA_STAGES: Readonly<Record<string, string>> = {
  planned: 'Planned, not started',
  testing: 'Being tested',
};

const PROBLEM_STAGES: Readonly<Record<string, string>> = {
  'aim set': 'Aim written',
  draft: 'Aim not written yet',
};

/** Whether a status is a count of the item's parts ("10 nodes", "3 points"). */
function isCount(status: string): boolean {
  return /^\d+ [a-z]+$/.test(status);
}

/**
 * Words for `status` of an item of `kind`; null when there is nothing to say to
 * this person (a count, for a reviewer; a note's "draft").
 */
export function statusWords(
  kind: ItemKind,
  status: string,
  forReviewer: boolean,
): StatusWords | null {
  switch (kind) {
    case 'idea':
      return { text: `Status: ${status}`, term: IDEA_TERMS[status] ?? null };
    case 'pdsa': {
      const term = PDSA_TERMS[status];
      if (term) return { text: `Decision: ${status}`, term };
      return { text: PDSA_STAGES[status] ?? status, term: null };
    }
    case 'problem':
      return { text: PROBLEM_STAGES[status] ?? status, term: null };
    case 'note':
      return null;
    default:
      if (forReviewer && isCount(status)) return null;
      return { text: status, term: null };
  }
}
