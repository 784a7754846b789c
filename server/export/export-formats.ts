/**
 * The formats an export comes in, what a lab export may include, their media
 * types and file extensions, and the one place a report document is handed to
 * the renderer of a format.
 */
import type { ReportDocument } from './blocks';

export const DOCUMENT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** `poster`: the QI storyboard on one A3 page (PDF); `pptx`: slides, one per section. */
export const LAB_FORMATS = [...DOCUMENT_FORMATS, 'json', 'csv', 'poster', 'pptx'] as const;
export type LabFormat = (typeof LAB_FORMATS)[number];

export const ITEM_FORMATS = [...DOCUMENT_FORMATS, 'csv'] as const;
export type ItemFormat = (typeof ITEM_FORMATS)[number];

/** What a lab export may add to the report: `include=comments,participants,drafts`. */
export const INCLUDE_OPTIONS = ['comments', 'participants', 'drafts'] as const;
export type IncludeOption = (typeof INCLUDE_OPTIONS)[number];
export type Include = Readonly<Record<IncludeOption, boolean>>;

export const CONTENT_TYPES: Readonly<Record<LabFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  poster: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** A download's file name after the lab's or item's: `Falls lab-storyboard.pdf`. */
export const FILE_ENDINGS: Readonly<Record<LabFormat, string>> = {
  docx: '.docx',
  pdf: '.pdf',
  md: '.md',
  html: '.html',
  json: '-archive.json',
  csv: '.csv',
  poster: '-storyboard.pdf',
  pptx: '-slides.pptx',
};

export async function renderDocument(
  format: DocumentFormat,
  doc: ReportDocument,
): Promise<string | Buffer> {
  // Renderers are loaded on first use: Word and PDF libraries are large, and most
  // server processes never export (they cost tens of megabytes resident otherwise).
  switch (format) {
    case 'docx':
      return (await import('./render-docx')).renderDocx(doc);
    case 'pdf':
      return (await import('./render-pdf')).renderPdf(doc);
    case 'md':
      return (await import('./render-markdown')).renderMarkdown(doc);
    case 'html':
      return (await import('./render-html')).renderHtml(doc);
    default: {
      const unreachable: never = format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}
