/**
 * What a page of the built client costs to load: the chunks Vite's manifest says
 * it needs before it can run (its static imports, recursively, and their CSS),
 * with their sizes as built, gzipped and brotli'd. Lazy chunks a page fetches
 * later (an item's editor, a chart) are not counted: they are their own entries.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

const ManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
    isEntry: z.boolean().optional(),
    isDynamicEntry: z.boolean().optional(),
  }),
);

export interface Weight {
  readonly files: readonly string[];
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export interface PageWeight {
  readonly js: Weight;
  readonly css: Weight;
}

function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

function weigh(clientDir: string, files: readonly string[]): Weight {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const full = path.join(clientDir, file);
    const size = sizeOf(full);
    raw += size;
    // The build leaves out a compressed copy that would not be smaller.
    gzip += sizeOf(`${full}.gz`) || size;
    brotli += sizeOf(`${full}.br`) || size;
  }
  return { files, raw, gzip, brotli };
}

/** The manifest's keys: `index.html` for the entry, `app/LabPage.tsx` for a page. */
export function pageWeight(clientDir: string, key: string): PageWeight {
  const manifest = ManifestSchema.parse(
    JSON.parse(readFileSync(path.join(clientDir, '.vite/manifest.json'), 'utf8')),
  );
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const chunk = manifest[name];
    if (!chunk) throw new Error(`The client manifest has no chunk ${name}`);
    seen.add(name);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  // A page runs after the entry, which the page's chunks import in any case.
  visit('index.html');
  visit(key);
  const chunks = [...seen].map((name) => manifest[name]).filter((c) => c !== undefined);
  const js = chunks.map((c) => c.file);
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
  return { js: weigh(clientDir, js), css: weigh(clientDir, css) };
}
