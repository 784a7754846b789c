/**
 * What a lab export could include, counted for the export form before anything is read: the
 * lab's items by kind and sharing state, reviewers' comments per item and the members. Light
 * (registry and comment documents only), so the routes import it directly.
 */
import type { ExportContents } from '../../shared/report-sections';
import type { ReportSources } from './build-report';

/** What a lab export could include, counted for the export form. */
export async function exportContents(
  sources: ReportSources,
  labId: string,
): Promise<ExportContents> {
  const records = sources.meta
    .listItems(labId)
    .filter((item) => item.archivedAt === null)
    .sort((a, b) => a.order - b.order);
  const comments = sources.comments
    ? await sources.comments(
        labId,
        records.map((record) => record.id),
      )
    : [];
  const perItem = new Map<string, number>();
  for (const comment of comments)
    perItem.set(comment.itemId, (perItem.get(comment.itemId) ?? 0) + 1);
  return {
    items: records.map((record) => ({
      kind: record.kind,
      sharing: record.sharing,
      comments: perItem.get(record.id) ?? 0,
    })),
    people: sources.meta.listMembers(labId).length,
    surveyResponses: sources.meta.listSurveyResponses(labId).length,
  };
}
