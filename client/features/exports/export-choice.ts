/**
 * What a facilitator chose to put in a lab export (format, what to include, which chapters in
 * which order), remembered per lab in this browser, and how many items, comments and people each
 * choice includes, counted from what the server says the lab holds.
 */
import {
  type ExportContents,
  includedBySharing,
  REPORT_SECTIONS,
  type ReportSection,
  SECTION_KINDS,
} from '../../../shared/report-sections';

export interface SectionChoice {
  readonly id: ReportSection;
  readonly on: boolean;
}

export interface ExportChoice {
  readonly format: string;
  readonly include: readonly string[];
  readonly sections: readonly SectionChoice[];
}

export function defaultChoice(format: string): ExportChoice {
  return {
    format,
    include: ['participants'],
    sections: REPORT_SECTIONS.map((id) => ({ id, on: true })),
  };
}

const storageKey = (labId: string) => `improvement-lab:export-choice:${labId}`;

const isSection = (value: unknown): value is ReportSection =>
  typeof value === 'string' && (REPORT_SECTIONS as readonly string[]).includes(value);

/**
 * The choice remembered for this lab, or the default. What is stored is checked as any input
 * is: a section unknown to this version is dropped, a new one is added (on) at the end.
 */
export function loadChoice(
  labId: string,
  formats: readonly string[],
  includeOptions: readonly string[],
): ExportChoice {
  const fallback = defaultChoice(formats[0] ?? 'docx');
  let stored: unknown;
  try {
    stored = JSON.parse(window.localStorage.getItem(storageKey(labId)) ?? 'null');
  } catch {
    return fallback;
  }
  if (typeof stored !== 'object' || stored === null) return fallback;
  const { format, include, sections } = stored as Record<string, unknown>;
  const kept = Array.isArray(sections)
    ? sections.flatMap((s: unknown): SectionChoice[] => {
        const { id, on } = (s ?? {}) as Record<string, unknown>;
        return isSection(id) ? [{ id, on: on !== false }] : [];
      })
    : [];
  const seen = new Set(kept.map((s) => s.id));
  const unique = kept.filter((s, i) => kept.findIndex((t) => t.id === s.id) === i);
  return {
    format: typeof format === 'string' && formats.includes(format) ? format : fallback.format,
    include: Array.isArray(include)
      ? include.filter((o): o is string => typeof o === 'string' && includeOptions.includes(o))
      : fallback.include,
    sections: [
      ...unique,
      ...REPORT_SECTIONS.filter((id) => !seen.has(id)).map((id) => ({ id, on: true })),
    ],
  };
}

export function saveChoice(labId: string, choice: ExportChoice): void {
  try {
    window.localStorage.setItem(storageKey(labId), JSON.stringify(choice));
  } catch {
    // Storage full or refused (private browsing): the choice is simply not remembered.
  }
}

/** Moves a section one place up (-1) or down (+1). */
export function moveSection(
  sections: readonly SectionChoice[],
  id: ReportSection,
  by: -1 | 1,
): SectionChoice[] {
  const next = [...sections];
  const from = next.findIndex((s) => s.id === id);
  const to = from + by;
  const moving = next[from];
  const other = next[to];
  if (from < 0 || !moving || !other) return next;
  next[from] = other;
  next[to] = moving;
  return next;
}

export interface ChoiceCounts {
  /** Items each chapter would report. */
  readonly sections: Readonly<Record<ReportSection, number>>;
  readonly drafts: number;
  readonly comments: number;
  readonly people: number;
  /** Items (and survey answers) in the chapters chosen: none means an empty report. */
  readonly chosenItems: number;
}

export function countChoice(contents: ExportContents, choice: ExportChoice): ChoiceCounts {
  const drafts = choice.include.includes('drafts');
  const items = contents.items.filter((item) => includedBySharing(item.sharing, drafts));
  const inSection = (id: ReportSection) =>
    items.filter((item) => SECTION_KINDS[id].includes(item.kind));
  // The evaluation chapter reports the survey's answers, not items.
  const sections = Object.fromEntries(
    REPORT_SECTIONS.map((id) => [
      id,
      id === 'evaluation' ? contents.surveyResponses : inSection(id).length,
    ]),
  ) as Record<ReportSection, number>;
  const chosen = new Set(choice.sections.filter((s) => s.on).flatMap((s) => inSection(s.id)));
  const answers = choice.sections.some((s) => s.on && s.id === 'evaluation')
    ? contents.surveyResponses
    : 0;
  return {
    sections,
    drafts: contents.items.filter((item) => item.sharing === 'draft').length,
    comments: items.reduce((sum, item) => sum + item.comments, 0),
    people: contents.people,
    chosenItems: chosen.size + answers,
  };
}

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;
