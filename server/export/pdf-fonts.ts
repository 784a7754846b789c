/**
 * Fonts for PDF exports. An embedded Unicode TrueType family (Liberation Sans or
 * DejaVu Sans, found where Debian installs them) shows any name or place as
 * typed, Welsh ŵ and ŷ included, and makes a PDF whose fonts travel with it.
 * Without one, PDFKit's built-in Helvetica is used, which can only show
 * Windows-1252 text: other characters are spelled without accents or replaced,
 * never written as garbage.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface PdfFontFiles {
  readonly regular: Buffer;
  readonly bold: Buffer;
  readonly italic: Buffer;
  readonly boldItalic: Buffer;
  readonly mono: Buffer;
}

interface Family {
  readonly dir: string;
  readonly files: Readonly<Record<keyof PdfFontFiles, string>>;
}

export const DEFAULT_FONT_FAMILIES: readonly Family[] = [
  {
    dir: '/usr/share/fonts/truetype/liberation',
    files: {
      regular: 'LiberationSans-Regular.ttf',
      bold: 'LiberationSans-Bold.ttf',
      italic: 'LiberationSans-Italic.ttf',
      boldItalic: 'LiberationSans-BoldItalic.ttf',
      mono: 'LiberationMono-Regular.ttf',
    },
  },
  {
    dir: '/usr/share/fonts/truetype/dejavu',
    files: {
      regular: 'DejaVuSans.ttf',
      bold: 'DejaVuSans-Bold.ttf',
      italic: 'DejaVuSans-Oblique.ttf',
      boldItalic: 'DejaVuSans-BoldOblique.ttf',
      mono: 'DejaVuSansMono.ttf',
    },
  },
];

/** The first family whose five files all exist, read into memory once; null when none does. */
export function findPdfFonts(
  families: readonly Family[] = DEFAULT_FONT_FAMILIES,
): PdfFontFiles | null {
  for (const family of families) {
    const paths = Object.values(family.files).map((file) => path.join(family.dir, file));
    if (!paths.every((file) => existsSync(file))) continue;
    const read = (file: string) => readFileSync(path.join(family.dir, file));
    return {
      regular: read(family.files.regular),
      bold: read(family.files.bold),
      italic: read(family.files.italic),
      boldItalic: read(family.files.boldItalic),
      mono: read(family.files.mono),
    };
  }
  return null;
}

/** Windows-1252 characters above 0x7F outside Latin-1 that Helvetica can show. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '−': '-',
  '→': '->',
  '←': '<-',
  '‐': '-',
  '‑': '-',
  '′': "'",
  '″': '"',
  '\u00a0': ' ',
};

function showable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    ch === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    CP1252_EXTRA.has(ch)
  );
}

/** Text Helvetica can show: accents dropped where needed, a few symbols spelled, the rest "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (showable(ch)) {
      out += ch;
      continue;
    }
    const replacement = REPLACEMENTS[ch];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const stripped = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += stripped !== '' && [...stripped].every(showable) ? stripped : '?';
  }
  return out;
}
