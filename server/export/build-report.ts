/**
 * Gathers what an export covers: the lab's items from the registry (archived
 * ones left out; drafts only when asked for), each read from its document, who
 * took part counted by profession, and reviewers' comments from whatever source
 * the server provides.
 */
import { type SurveyResults, surveyResults } from '../../shared/evaluation/survey-results';
import { includedBySharing } from '../../shared/report-sections';
import { PROFESSION_LABELS, PROFESSIONS } from '../../shared/roles';
import type { ItemRecord, LabRecord } from '../../shared/schemas/records';
import type { MetaStore } from '../store/meta-store';
import { type DocReader, withDoc } from './doc-reader';
import type { Include } from './export-formats';
import type { PdsaNames } from './measure-rows';
import { type ItemSource, readItem } from './read-item';
import type {
  ItemReport,
  LabReport,
  LabSummary,
  ParticipantCount,
  ReportComment,
  SingleItemReport,
  TeamMember,
} from './report-model';
import { cleanText } from './safe-text';
import type { StoryContact } from './storyboard';

/** Reviewers' comments (with responses) on the given items of a lab. */
export type CommentSource = (labId: string, itemIds: readonly string[]) => Promise<ReportComment[]>;

export interface ReportSources {
  readonly meta: MetaStore;
  readonly reader: DocReader;
  readonly now: () => Date;
  readonly comments?: CommentSource;
}

export function labSummary(lab: LabRecord): LabSummary {
  return {
    title: cleanText(lab.title),
    challenge: cleanText(lab.challenge),
    phase: lab.phase,
    startDate: lab.startDate,
    endDate: lab.endDate,
  };
}

/** The items a report covers, in the lab's order. */
export function reportedItems(meta: MetaStore, labId: string, include: Include): ItemRecord[] {
  return meta
    .listItems(labId)
    .filter((item) => item.archivedAt === null && includedBySharing(item.sharing, include.drafts))
    .sort((a, b) => a.order - b.order);
}

export function readItems(
  reader: DocReader,
  records: readonly ItemSource[],
  pdsaNames: PdsaNames = new Map(),
): Promise<ItemReport[]> {
  return Promise.all(
    records.map((record) => withDoc(reader, record.id, (doc) => readItem(doc, record, pdsaNames))),
  );
}

/** The lab's PDSA cycles by id, named as the measure page names the one a point followed. */
export function pdsaNames(meta: MetaStore, labId: string): PdsaNames {
  return new Map(
    meta
      .listItems(labId)
      .filter((item) => item.kind === 'pdsa' && item.archivedAt === null)
      .map((item) => [item.id, item.title || 'Untitled PDSA cycle']),
  );
}

/** Members of the lab by profession, in the order professions are listed everywhere else. */
export function participantCounts(meta: MetaStore, labId: string): ParticipantCount[] {
  const counts = new Map<string, number>();
  for (const membership of meta.listMembers(labId)) {
    const profession = meta.getUser(membership.userId)?.profession ?? 'other';
    counts.set(profession, (counts.get(profession) ?? 0) + 1);
  }
  return PROFESSIONS.flatMap((profession) => {
    const count = counts.get(profession) ?? 0;
    return count > 0 ? [{ profession: PROFESSION_LABELS[profession], count }] : [];
  });
}

/** The people who run and do the work, by name and profession; reviewers are only counted. */
export function teamMembers(meta: MetaStore, labId: string): TeamMember[] {
  return meta.listMembers(labId).flatMap((membership) => {
    const user = meta.getUser(membership.userId);
    if (!user || membership.role === 'reviewer') return [];
    return [{ name: cleanText(user.name), profession: PROFESSION_LABELS[user.profession] }];
  });
}

/** Who to contact about the lab: its facilitators, by name and email (for the storyboard). */
export function labContacts(meta: MetaStore, labId: string): StoryContact[] {
  return meta.listMembers(labId).flatMap((membership) => {
    const user = meta.getUser(membership.userId);
    if (!user || membership.role !== 'facilitator') return [];
    return [{ name: cleanText(user.name), email: cleanText(user.email) }];
  });
}

export async function buildLabReport(
  sources: ReportSources,
  lab: LabRecord,
  include: Include,
): Promise<LabReport> {
  const records = reportedItems(sources.meta, lab.id, include);
  const items = await readItems(sources.reader, records, pdsaNames(sources.meta, lab.id));
  const comments = include.comments
    ? (
        (await sources.comments?.(
          lab.id,
          records.map((record) => record.id),
        )) ?? []
      ).map(cleanComment)
    : null;
  return {
    lab: labSummary(lab),
    exportedAt: sources.now().toISOString(),
    items,
    participants: include.participants ? participantCounts(sources.meta, lab.id) : null,
    team: include.participants ? teamMembers(sources.meta, lab.id) : null,
    comments,
    survey: reportSurvey(sources.meta, lab.id),
  };
}

/**
 * The evaluation survey's results for a report: always worked out as an anonymous survey's (no
 * names, nothing from fewer than 5 people), since a report is read outside the lab; null when
 * nobody answered.
 */
function reportSurvey(meta: MetaStore, labId: string): SurveyResults | null {
  const survey = meta.getSurvey(labId);
  const responses = meta.listSurveyResponses(labId);
  if (!survey || responses.length === 0) return null;
  return surveyResults(
    { ...survey, anonymous: true },
    responses,
    meta.listMembers(labId).length,
    () => '',
  );
}

export async function buildItemReport(
  sources: ReportSources,
  lab: LabRecord,
  record: ItemRecord,
  version: SingleItemReport['version'] = null,
): Promise<SingleItemReport> {
  const [item] = await readItems(sources.reader, [record], pdsaNames(sources.meta, lab.id));
  if (!item) throw new Error(`item ${record.id} could not be read`);
  return { lab: labSummary(lab), exportedAt: sources.now().toISOString(), item, version };
}

function cleanComment(comment: ReportComment): ReportComment {
  return {
    ...comment,
    author: cleanText(comment.author),
    profession: cleanText(comment.profession),
    body: cleanText(comment.body),
    quote: comment.quote === null ? null : cleanText(comment.quote),
    response: comment.response === null ? null : cleanText(comment.response),
  };
}
