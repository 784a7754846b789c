/**
 * What an export holds, read, built and rendered: the lab's or item's report in a
 * document format, its measures as CSV, or the lab's JSON archive. The routes load
 * this module on the first export (`export-routes.ts`): reading rich text pulls in
 * Tiptap and ProseMirror, which a server that never exports should not carry.
 */
import { REPORT_SECTIONS, type ReportSection } from '../../shared/report-sections';
import type { ItemRecord, LabRecord } from '../../shared/schemas/records';
import { buildArchive } from './archive';
import {
  buildItemReport,
  buildLabReport,
  labContacts,
  type ReportSources,
  readItems,
  reportedItems,
} from './build-report';
import { type Include, type ItemFormat, type LabFormat, renderDocument } from './export-formats';
import { renderMeasuresCsv } from './render-csv';
import { buildStoryboard } from './storyboard';
import { itemReportDocument, labReportDocument } from './report-layout';
import type { ItemReport, MeasureReport, SingleItemReport } from './report-model';

function measuresOf(items: readonly ItemReport[]): MeasureReport[] {
  return items.filter((item): item is MeasureReport => item.kind === 'measure');
}

/** The body of a lab export in `format`. */
export async function labExportBody(
  sources: ReportSources,
  lab: LabRecord,
  format: LabFormat,
  include: Include,
  sections: readonly ReportSection[] = REPORT_SECTIONS,
): Promise<string | Buffer> {
  if (format === 'json') {
    return `${JSON.stringify(await buildArchive(sources, lab, include), null, 1)}\n`;
  }
  if (format === 'csv') {
    const records = reportedItems(sources.meta, lab.id, include).filter(
      (item) => item.kind === 'measure',
    );
    return renderMeasuresCsv(measuresOf(await readItems(sources.reader, records)));
  }
  const report = await buildLabReport(sources, lab, include);
  if (format === 'poster' || format === 'pptx') {
    const board = buildStoryboard(report, labContacts(sources.meta, lab.id));
    // Each loaded on its own request only: PowerPoint's writer is large.
    if (format === 'poster') return (await import('./render-poster')).renderPoster(board);
    return (await import('./render-slides')).renderSlides(board);
  }
  return renderDocument(format, labReportDocument(report, sections));
}

/** The body of one item's export in `format` (CSV only for a measure: the route checks). */
export async function itemExportBody(
  sources: ReportSources,
  lab: LabRecord,
  item: ItemRecord,
  format: ItemFormat,
  /** The version shown, when `sources.reader` reads an earlier version of the item. */
  version: SingleItemReport['version'] = null,
): Promise<string | Buffer> {
  if (format === 'csv') {
    return renderMeasuresCsv(measuresOf(await readItems(sources.reader, [item])));
  }
  return renderDocument(
    format,
    itemReportDocument(await buildItemReport(sources, lab, item, version)),
  );
}
