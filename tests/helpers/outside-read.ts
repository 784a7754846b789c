/**
 * Reads exported files with tools that share no code with the exporter: poppler's `pdftotext`
 * and `pdfinfo` for PDFs, Info-ZIP's `unzip` for Word and PowerPoint files. Each file is written
 * to a temporary directory first, as a person's download would be.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withFile<T>(bytes: Buffer, name: string, read: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'export-read-'));
  const file = path.join(dir, name);
  try {
    writeFileSync(file, bytes);
    return read(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (tool: string, args: readonly string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The PDF's text as `pdftotext` reads it (pages separated by form feeds). */
export function pdfToText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  return withFile(pdf, 'file.pdf', (file) =>
    run('pdftotext', [...(options.layout ? ['-layout'] : []), file, '-']),
  );
}

/** `pdfinfo`'s fields (Pages, Page size, Tagged, Title…) by name. */
export function pdfInfo(pdf: Buffer): Map<string, string> {
  const out = withFile(pdf, 'file.pdf', (file) => run('pdfinfo', [file]));
  const fields = new Map<string, string>();
  for (const line of out.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) fields.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return fields;
}

/** The names of a zip file's entries, as `unzip -Z1` lists them. */
export function zipEntries(zip: Buffer): string[] {
  return withFile(zip, 'file.zip', (file) => run('unzip', ['-Z1', file]))
    .split('\n')
    .filter(Boolean);
}

/** One entry of a zip file, as `unzip -p` prints it. */
export function zipEntry(zip: Buffer, entry: string): string {
  // unzip reads entry names as patterns: "[Content_Types].xml" must be escaped to match itself.
  const name = entry.replace(/[[\]*?\\]/g, '\\$&');
  return withFile(zip, 'file.zip', (file) => run('unzip', ['-p', file, name]));
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The text runs of Office XML (`<w:t>` in Word, `<a:t>` in PowerPoint and charts), one per line. */
export function officeText(xml: string): string {
  const runs = [...xml.matchAll(/<(?:w|a|c):(?:t|v)(?:\s[^>]*)?>([^<]*)<\/(?:w|a|c):(?:t|v)>/g)];
  return runs
    .map((match) =>
      (match[1] ?? '').replace(/&(#x?[0-9a-f]+|\w+);/gi, (_, name: string) =>
        name.startsWith('#')
          ? String.fromCodePoint(
              Number.parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10),
            )
          : (XML_ENTITIES[name] ?? `&${name};`),
      ),
    )
    .join('\n');
}

/** All the text of an Office file (docx or pptx): every XML part's text runs. */
export function officeFileText(zip: Buffer): string {
  return zipEntries(zip)
    .filter((entry) => entry.endsWith('.xml') && !entry.includes('theme'))
    .map((entry) => officeText(zipEntry(zip, entry)))
    .join('\n');
}
