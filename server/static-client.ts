/**
 * Serves the built client (Vite's output) with a single-page-app fallback: any
 * GET that is not a file, the API or the sync endpoint gets `index.html`.
 *
 * Files under `assets/` carry a content hash in their names, so they are cached
 * for a year and never revalidated; `index.html` and other files are revalidated
 * on every visit so a new release is picked up at once. Text files are sent in
 * the brotli or gzip copy written at build (`scripts/precompress-plugin.ts`)
 * when the browser accepts it. The `index.html` of a page that names its code
 * (`route-preloads.ts`) is made once per page and compressed then; its response names
 * the API answers the page asks for first (`page-data-preloads.ts`). Paths with a
 * segment starting with a dot (`.vite/manifest.json`) are never served.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ItemKind } from '../shared/schemas/records';
import { CacheControl } from './cache-control';
import { pageDataPaths, preloadLinkHeader } from './page-data-preloads';
import { loadRoutePreloads, type RoutePreloads, withPreloads } from './route-preloads';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The encodings we keep copies of, best first, with the suffix of each copy. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** Which content codings an `Accept-Encoding` header allows (q=0 refuses one). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [token = '', ...params] = part.toLowerCase().split(';');
    const name = token.trim();
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside the client folder, or null if it names none we serve. */
function fileFor(clientDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0) return null;
  // Dot segments cover `..` (leaving the folder) and hidden files alike.
  if (segments.some((s) => s.startsWith('.') || s.includes('\\') || s.includes('\0'))) return null;
  return path.join(clientDir, ...segments);
}

function respond(
  c: Context,
  file: string,
  body: Buffer,
  encoding: string | null,
  cacheControl: string,
  link: string | null = null,
): Response {
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(body.byteLength),
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  if (link) headers.Link = link;
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers,
  });
}

async function sendFile(
  c: Context,
  file: string,
  cacheControl: string,
  link: string | null = null,
): Promise<Response> {
  const accepted = acceptedEncodings(c.req.header('accept-encoding'));
  for (const candidate of ENCODINGS) {
    if (!accepted.has(candidate.name)) continue;
    const copy = file + candidate.suffix;
    if (await isFile(copy)) {
      return respond(c, file, await readFile(copy), candidate.name, cacheControl, link);
    }
  }
  return respond(c, file, await readFile(file), null, cacheControl, link);
}

/** `index.html` with a page's preloads, in each encoding, made once per build of the client. */
interface IndexVariant {
  readonly personal: boolean;
  readonly identity: Buffer;
  readonly br: Buffer;
  readonly gzip: Buffer;
}

/**
 * `index.html` as each page that preloads its code is sent. Made on first use and
 * again whenever the client is rebuilt (a new `index.html`), never per request.
 */
function indexVariants(clientDir: string, indexPath: string) {
  let built: { mtimeMs: number; preloads: RoutePreloads; pages: Map<string, IndexVariant> } | null =
    null;
  return async (pathname: string, kindOf: ItemKindOf): Promise<IndexVariant | null> => {
    const { mtimeMs } = await stat(indexPath);
    if (built?.mtimeMs !== mtimeMs) {
      built = { mtimeMs, preloads: loadRoutePreloads(clientDir), pages: new Map() };
    }
    const preload = built.preloads.forPath(pathname, kindOf);
    if (!preload) return null;
    let variant = built.pages.get(preload.key);
    if (!variant) {
      const html = Buffer.from(withPreloads(await readFile(indexPath, 'utf8'), preload));
      const { personal } = preload;
      variant = { personal, identity: html, br: brotliCompressSync(html), gzip: gzipSync(html) };
      built.pages.set(preload.key, variant);
    }
    return variant;
  };
}

/** The kind of an item, if the person making the request `c` may see that item. */
export type ItemKindOf = (itemId: string) => ItemKind | null;

export interface ClientOptions {
  /** The kind of item `itemId`, if the person asking in `c` may see it; else null. */
  itemKind(c: Context, itemId: string): ItemKind | null;
}

export function serveClient(clientDir: string, options: ClientOptions): Hono {
  const routes = new Hono();
  const indexPath = path.join(clientDir, 'index.html');
  const pageIndex = indexVariants(clientDir, indexPath);

  routes.on(['GET', 'HEAD'], '/assets/*', async (c) => {
    const file = fileFor(clientDir, c.req.path);
    // A missing chunk is a 404, never the app's page: an old tab asking for a
    // chunk a new release removed must fail clearly (the app offers a reload).
    if (!file || !(await isFile(file))) return c.text('Not found', 404);
    return sendFile(c, file, CacheControl.hashedAsset);
  });

  routes.on(['GET', 'HEAD'], '*', async (c) => {
    const file = fileFor(clientDir, c.req.path);
    if (file && path.extname(file) !== '' && (await isFile(file))) {
      return sendFile(c, file, CacheControl.revalidate);
    }
    if (file === null && c.req.path !== '/' && c.req.path !== '') {
      return c.text('Not found', 404);
    }
    if (!(await isFile(indexPath))) {
      return c.text(
        'The client is not built. Run `npm start` (which builds it) or `npm run build`.',
        503,
      );
    }
    const link = preloadLinkHeader(pageDataPaths(c.req.path));
    const variant = await pageIndex(c.req.path, (itemId) => options.itemKind(c, itemId));
    if (!variant) return sendFile(c, indexPath, CacheControl.revalidate, link);
    const accepted = acceptedEncodings(c.req.header('accept-encoding'));
    const encoding = ENCODINGS.find((candidate) => accepted.has(candidate.name))?.name ?? null;
    const body = encoding === null ? variant.identity : variant[encoding];
    const cacheControl = variant.personal ? CacheControl.personal : CacheControl.revalidate;
    return respond(c, indexPath, body, encoding, cacheControl, link);
  });
  return routes;
}
