/**
 * What a page of the built client costs to load: the chunks Vite's manifest says
 * it needs before it can run (its static imports, recursively, and their CSS),
 * with their sizes as built, gzipped and brotli'd. Lazy chunks a page fetches
 * later (an item's editor, a chart) are not counted: they are their own entries.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_KEY, staticClosure, ViteManifestSchema } from '../shared/vite-manifest';

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
  const manifest = ViteManifestSchema.parse(
    JSON.parse(readFileSync(path.join(clientDir, '.vite/manifest.json'), 'utf8')),
  );
  // A page runs after the entry, which the page's chunks import in any case.
  const seen = new Set([...staticClosure(manifest, ENTRY_KEY), ...staticClosure(manifest, key)]);
  const chunks = [...seen].map((name) => manifest[name]).filter((c) => c !== undefined);
  const js = chunks.map((c) => c.file);
  const css = [...new Set(chunks.flatMap((c) => c.css ?? []))];
  return { js: weigh(clientDir, js), css: weigh(clientDir, css) };
}
