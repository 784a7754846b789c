/**
 * A diagram's SVG (`shared/diagrams`, the same the screen draws) made fit for
 * formats that cannot take SVG as it is: a PNG for Word's fallback (Word 2016
 * and later show the SVG itself, older readers the PNG), drawn by resvg with
 * the DejaVu fonts the PDFs embed, so it looks the same on any machine; and
 * vector drawing with real text in a PDF, through svg-to-pdfkit, its fonts
 * mapped to the PDF's own.
 */
/// <reference path="./svg-to-pdfkit.d.ts" />
import { Resvg } from '@resvg/resvg-js';
import SVGtoPDF from 'svg-to-pdfkit';
import { iconSvg, iconText, type MdcIcon } from '../../shared/charts/mdc-icons';
import { pdfFontPaths } from './pdf-fonts';

/** Pixels per SVG unit in the PNG: sharp on a high-density screen and in print. */
const PNG_SCALE = 2;

export function figurePng(svg: string, width: number): Buffer {
  const fonts = pdfFontPaths();
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(width * PNG_SCALE) },
    font: {
      fontFiles: [fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic],
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return image.render().asPng();
}

export interface FigureFonts {
  readonly regular: string;
  readonly bold: string;
  readonly italic: string;
  readonly boldItalic: string;
}

/** Draws the SVG as vectors at (`x`, `y`), `width` wide, with the PDF's registered fonts. */
export function drawPdfFigure(
  pdf: PDFKit.PDFDocument,
  svg: string,
  fonts: FigureFonts,
  box: { x: number; y: number; width: number; height: number },
): void {
  SVGtoPDF(pdf, svg, box.x, box.y, {
    width: box.width,
    height: box.height,
    preserveAspectRatio: 'xMinYMin meet',
    assumePt: true,
    fontCallback: (_family, bold, italic) =>
      bold ? (italic ? fonts.boldItalic : fonts.bold) : italic ? fonts.italic : fonts.regular,
  });
}

/** A Making Data Count icon for a PDF table cell: vector drawing, named by its words. */
export function pdfIcon(
  pdf: PDFKit.PDFDocument,
  icon: MdcIcon,
  fonts: { readonly bold: string },
): { alt: string; draw: (x: number, y: number, size: number) => void } {
  return {
    alt: iconText(icon),
    draw: (x, y, size) => {
      // Drawn at its own size: svg-to-pdfkit sizes a picture by the SVG's width and height.
      SVGtoPDF(pdf, iconSvg(icon, size), x, y, {
        width: size,
        height: size,
        assumePt: true,
        fontCallback: () => fonts.bold,
      });
    },
  };
}
