/**
 * Reads a PDF the way an independent reader would, with Mozilla's PDF.js
 * (`pdfjs-dist`) rather than the code that wrote it: its text page by page, its
 * document information, whether it is tagged, the roles in its structure tree
 * and the fonts it embeds. Pure JavaScript, so the suite needs no system tools
 * for PDFs.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { StructTreeContent, StructTreeNode } from 'pdfjs-dist/types/src/display/api';

export interface PdfReading {
  /** Every page's text; lines end with a newline where PDF.js sees an end of line. */
  readonly text: string;
  readonly pages: number;
  readonly title: string | null;
  readonly tagged: boolean;
  /** The role of every structure element, in document order (H1, P, Table, …). */
  readonly roles: readonly string[];
  /** The names of the fonts the pages draw text with, as the PDF records them. */
  readonly fonts: readonly string[];
  /**
   * Each Figure of the structure tree: its alternative text and how many pieces of the page's
   * content (marked drawing) it holds, so a test can tell a picture from an empty tag.
   */
  readonly figures: ReadonlyArray<{ readonly alt: string; readonly content: number }>;
}

type StructEntry = StructTreeNode | StructTreeContent;

type Figure = { alt: string; content: number };

function collectRoles(node: StructEntry | null, into: string[], figures: Figure[]): void {
  if (!node || !('role' in node)) return;
  into.push(node.role);
  if (node.role === 'Figure') {
    // PDF.js reads /Alt into the node, though its types leave it out.
    const alt = (node as { alt?: unknown }).alt;
    const content = node.children.filter((child) => !('role' in child)).length;
    figures.push({ alt: typeof alt === 'string' ? alt : '', content });
  }
  for (const child of node.children) collectRoles(child, into, figures);
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    let text = '';
    const roles: string[] = [];
    const figures: Figure[] = [];
    const fonts = new Set<string>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      text += '\n';
      collectRoles(await page.getStructTree(), roles, figures);
      const operators = await page.getOperatorList();
      operators.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const [id] = operators.argsArray[i] as [string];
        // Fonts are resolved lazily: commonObjs holds each once the page's operators are read.
        const font = page.commonObjs.has(id)
          ? (page.commonObjs.get(id) as { name?: string })
          : null;
        if (font?.name) fonts.add(font.name);
      });
    }
    const { info } = await pdf.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    const mark = await pdf.getMarkInfo();
    return {
      text,
      pages: pdf.numPages,
      title: typeof title === 'string' ? title : null,
      tagged: mark?.Marked === true,
      roles,
      fonts: [...fonts],
      figures,
    };
  } finally {
    await task.destroy();
  }
}
