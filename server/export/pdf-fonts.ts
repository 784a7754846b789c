/**
 * Fonts for PDF exports: DejaVu Sans, shipped with the project as an npm
 * package, embedded (subset) in every PDF. It shows any name or place as typed
 * (Zoë, Siân, ŵ, ł, ß, Greek and Cyrillic too), so the same document comes out
 * on every machine and the host's fonts are never needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PdfFontFiles {
  readonly regular: Buffer;
  readonly bold: Buffer;
  readonly italic: Buffer;
  readonly boldItalic: Buffer;
  readonly mono: Buffer;
}

const FONT_PACKAGE = 'dejavu-fonts-ttf';

export const PDF_FONT_FILES: Readonly<Record<keyof PdfFontFiles, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

let loaded: PdfFontFiles | undefined;

/** The folder of the font package's TrueType files, found the way Node finds the package. */
function fontDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.join(path.dirname(require.resolve(`${FONT_PACKAGE}/package.json`)), 'ttf');
  } catch (cause) {
    throw new Error(
      `The PDF fonts are missing: the npm package ${FONT_PACKAGE} is not installed (run npm install).`,
      { cause },
    );
  }
}

/** The font files' paths, for renderers that read them themselves (the diagrams' PNG). */
export function pdfFontPaths(): Readonly<Record<keyof PdfFontFiles, string>> {
  const dir = fontDir();
  const paths = Object.entries(PDF_FONT_FILES).map(([key, file]) => [key, path.join(dir, file)]);
  return Object.fromEntries(paths) as Record<keyof PdfFontFiles, string>;
}

/** The five font files, read once on the first PDF and kept: about 3 MB. */
export function pdfFonts(): PdfFontFiles {
  if (loaded) return loaded;
  const dir = fontDir();
  const read = (file: string) => readFileSync(path.join(dir, file));
  loaded = {
    regular: read(PDF_FONT_FILES.regular),
    bold: read(PDF_FONT_FILES.bold),
    italic: read(PDF_FONT_FILES.italic),
    boldItalic: read(PDF_FONT_FILES.boldItalic),
    mono: read(PDF_FONT_FILES.mono),
  };
  return loaded;
}
