/**
 * The client build's manifest (`.vite/manifest.json`): for each source module that
 * starts a chunk, the file it was built into, the chunks it imports statically and
 * its CSS. The page-weight benchmark reads it, and the server reads it to name the
 * chunks a page will need in the page itself.
 */
import * as z from 'zod';

export const ViteManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    /** The chunk's name: its entry module's, or for a shared chunk its first module's file name. */
    name: z.string().optional(),
    /** The source module of an entry, relative to the client's root. */
    src: z.string().optional(),
    imports: z.array(z.string()).optional(),
    css: z.array(z.string()).optional(),
    isEntry: z.boolean().optional(),
    isDynamicEntry: z.boolean().optional(),
  }),
);

export type ViteManifest = z.infer<typeof ViteManifestSchema>;

/** The manifest's key of the page's entry script. */
export const ENTRY_KEY = 'index.html';

/** `key`'s chunk and every chunk it imports statically, recursively, keys in load order. */
export function staticClosure(manifest: ViteManifest, key: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const chunk = manifest[name];
    if (!chunk) throw new Error(`The client manifest has no chunk ${name}`);
    seen.add(name);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return [...seen];
}
