/**
 * An export as a tagged PDF to circulate: document language en-GB, the title
 * shown in the window, a structure tree (H1–H6, P, L/LI, Table/TR/TH/TD, Figure
 * with alternative text) so screen readers and reflow get the outline, tables
 * and charts, and charts drawn as vector graphics. People's text is only ever
 * drawn as text; links become live only with an http(s) target.
 */
import PDFDocument from 'pdfkit';
import type { Block, ReportDocument } from './blocks';
import { type PdfFontFiles, pdfFonts } from './pdf-fonts';
import { MARGIN, type PdfFonts, PdfWriter } from './pdf-writer';
import { flattenRich } from './rich-blocks';

/** Embeds the project's font family; PDFKit subsets each font to the glyphs a document uses. */
function registerFonts(pdf: PDFKit.PDFDocument, files: PdfFontFiles): PdfFonts {
  for (const [name, data] of Object.entries(files)) pdf.registerFont(name, data);
  return {
    regular: 'regular',
    bold: 'bold',
    italic: 'italic',
    boldItalic: 'boldItalic',
    mono: 'mono',
  };
}

function write(writer: PdfWriter, block: Block): void {
  switch (block.kind) {
    case 'heading':
      writer.heading(block.level, block.text);
      break;
    case 'paragraph':
      writer.paragraph(block.text, block.style);
      break;
    case 'facts':
      writer.facts(block.facts);
      break;
    case 'rich':
      writer.rich(flattenRich(block.doc, block.headingBase));
      break;
    case 'table':
      writer.table(block);
      break;
    case 'list':
      writer.list(block.items, block.ordered);
      break;
    case 'figure':
      writer.figure(block);
      break;
    case 'chart':
      writer.chart(block);
      break;
    case 'quote':
      writer.paragraph(block.text, 'quote');
      break;
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${JSON.stringify(unreachable)}`);
    }
  }
}

export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: 'en-GB',
    info: { Title: doc.title, Creator: 'Improvement Lab', Producer: 'Improvement Lab (PDFKit)' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  const fonts = registerFonts(pdf, pdfFonts());
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const writer = new PdfWriter(pdf, root, fonts);
  for (const block of doc.blocks) write(writer, block);
  root.end();
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
