/**
 * Serves the built client (Vite's output) with a single-page-app fallback: any
 * GET that is not a file, the API or the sync endpoint gets `index.html`.
 *
 * Files under `assets/` carry a content hash in their names, so they are cached
 * for a year and never revalidated; `index.html` and other files are revalidated
 * on every visit so a new release is picked up at once. Text files are sent in
 * the brotli or gzip copy written at build (`scripts/precompress-plugin.ts`)
 * when the browser accepts it. Paths with a segment starting with a dot
 * (`.vite/manifest.json`) are never served.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { CacheControl } from './cache-control';

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

async function sendFile(c: Context, file: string, cacheControl: string): Promise<Response> {
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const accepted = acceptedEncodings(c.req.header('accept-encoding'));
  let body: Buffer | null = null;
  let encoding: string | null = null;
  for (const candidate of ENCODINGS) {
    if (!accepted.has(candidate.name)) continue;
    const copy = file + candidate.suffix;
    if (await isFile(copy)) {
      body = await readFile(copy);
      encoding = candidate.name;
      break;
    }
  }
  body ??= await readFile(file);
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Content-Length': String(body.byteLength),
    'Cache-Control': cacheControl,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers,
  });
}

export function serveClient(clientDir: string): Hono {
  const routes = new Hono();
  const indexPath = path.join(clientDir, 'index.html');

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
    return sendFile(c, indexPath, CacheControl.revalidate);
  });
  return routes;
}
