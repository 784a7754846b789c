/**
 * Bundles the server (`server/main.ts`, what it imports from `server/` and `shared/`,
 * and the packages it uses) into `dist/server/` with esbuild, so `node
 * dist/server/main.js` runs it without a TypeScript loader. One bundle starts in
 * about half the time of the same code loaded file by file from `node_modules`, and
 * keeps one copy of Yjs whoever imports it. What the server imports with `import()`
 * (reading documents for an export, the renderers) becomes chunks loaded on first use.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { isStale, ROOT, SERVER_BUILD } from './build-freshness.js';

/**
 * Packages left in `node_modules` and imported from there at run time (`npm ci
 * --omit=dev` installs them): pdfkit reads its font metrics from files beside its
 * code, and the Word library is large and needed only when someone exports.
 */
// @resvg/resvg-js loads a native binary for the platform, which a bundle cannot hold.
export const SERVER_EXTERNALS = ['pdfkit', 'docx', 'docx/*', '@resvg/resvg-js'];

/**
 * Bundled CommonJS packages (ws among them) `require` Node's own modules, which ES
 * modules do not have: each output file gets one, made the documented way.
 */
const REQUIRE_SHIM =
  "import { createRequire as __createRequire } from 'node:module';\n" +
  'const require = __createRequire(import.meta.url);';

/** esbuild's options for the server's bundle in `outdir`. */
export function serverBuildOptions(root: string, outdir: string) {
  return {
    absWorkingDir: root,
    // `npm run migrate-store`, `backup` and `restore` too, so they run with plain node where
    // the server does.
    entryPoints: {
      main: 'server/main.ts',
      'migrate-store': 'server/migrate-store.ts',
      backup: 'server/backup-command.ts',
      restore: 'server/restore-command.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: SERVER_EXTERNALS,
    banner: { js: REQUIRE_SHIM },
    // Whitespace and syntax only, so names stay as written (in stack traces, profiles and
    // logs): about a third less JavaScript for Node to read and compile at every start,
    // which shortened start to listening by about 13 ms (4 %); renaming identifiers too
    // (with their names kept for stack traces) made it slower.
    minifyWhitespace: true,
    minifySyntax: true,
    // Stack traces name the bundle's lines; `NODE_OPTIONS=--enable-source-maps` maps them
    // back to the sources (off by default: reading maps costs start-up time and memory).
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  } satisfies BuildOptions;
}

/** Builds `dist/server/` afresh; returns the bundle's bytes of JavaScript. */
export async function buildServer(root = ROOT): Promise<number> {
  const outdir = path.join(root, path.dirname(SERVER_BUILD.output));
  // Chunk names carry content hashes: clear out the old ones.
  await rm(outdir, { recursive: true, force: true });
  const result = await build(serverBuildOptions(root, outdir));
  return Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
}

/**
 * Builds the server when its bundle is missing or older than its sources (or always,
 * with `force`); true if it did.
 */
export async function ensureServerBuilt(
  log: (line: string) => void,
  force = false,
): Promise<boolean> {
  if (!force && !isStale(SERVER_BUILD)) return false;
  log('Building the server…');
  const bytes = await buildServer();
  log(`Server built: dist/server (${(bytes / 1024).toFixed(0)} KB of JavaScript)`);
  return true;
}
