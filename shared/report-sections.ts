/**
 * The chapters of a lab report a facilitator chooses and orders on the export form, and the
 * kinds of item each one holds; the server lays the report out in the order asked for
 * (`?sections=summary,measures,…`). Who took part and reviewers' comments follow them when
 * included. The evaluation survey's chapter holds its results rather than items.
 */
import type { SharingState } from './roles';
import type { ItemKind } from './schemas/records';

export const REPORT_SECTIONS = [
  'summary',
  'problem',
  'drivers',
  'causes',
  'process',
  'ideas',
  'measures',
  'notes',
  'evaluation',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_LABELS: Readonly<Record<ReportSection, string>> = {
  summary: 'Summary',
  problem: 'Problem and aim',
  drivers: 'Driver diagram',
  causes: 'Causes',
  process: 'How the process runs',
  ideas: 'Change ideas and PDSA cycles',
  measures: 'Measures',
  notes: 'Notes',
  evaluation: 'Evaluation survey',
};

/**
 * The kinds of item each chapter reports; the summary draws on the problem, measures and PDSA,
 * and the evaluation survey's chapter on the survey's answers, not on items.
 */
export const SECTION_KINDS: Readonly<Record<ReportSection, readonly ItemKind[]>> = {
  summary: ['problem', 'measure', 'pdsa'],
  problem: ['problem'],
  drivers: ['drivers'],
  causes: ['fishbone'],
  process: ['process'],
  ideas: ['idea', 'pdsa'],
  measures: ['measure'],
  // Workshop boards are the team's notes of a session.
  notes: ['note', 'workshop'],
  evaluation: [],
};

/** Items shared for comment or final go in by default; drafts only when asked for. */
export function includedBySharing(sharing: SharingState, drafts: boolean): boolean {
  return drafts || sharing !== 'draft';
}

/** `summary,measures` → the sections in that order; a clear sentence for anything else. */
export function parseSections(text: string): readonly ReportSection[] | { error: string } {
  const asked = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const known = new Set<string>(REPORT_SECTIONS);
  const unknown = asked.filter((part) => !known.has(part));
  if (unknown.length > 0 || asked.length === 0 || new Set(asked).size !== asked.length) {
    return { error: `"sections" lists each of these at most once: ${REPORT_SECTIONS.join(', ')}.` };
  }
  return asked as ReportSection[];
}

/** What a lab export could include, counted before downloading (`GET …/export/contents`). */
export interface ExportContents {
  /** The lab's items that are not archived, with their reviewers' comments counted. */
  readonly items: ReadonlyArray<{
    readonly kind: ItemKind;
    readonly sharing: SharingState;
    readonly comments: number;
  }>;
  /** Members of the lab (who took part). */
  readonly people: number;
  /** Answers to the lab's evaluation survey, both rounds counted (its chapter's content). */
  readonly surveyResponses: number;
}
