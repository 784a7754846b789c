/**
 * The built client as a browser receives it: hashed assets compressed (brotli,
 * else gzip, as accepted) and cached for a year, `index.html` revalidated every
 * time, no source maps in the build, nothing under a dot path, and a missing
 * chunk answered 404 instead of the app's page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheControl } from '../../server/cache-control';
import { acceptedEncodings } from '../../server/static-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET or HEAD that leaves the body as sent (fetch would decompress it). */
function rawRequest(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

const clientDir = path.resolve('dist/client');

describe('serving the built client', () => {
  let workspace: TestWorkspace;
  let entry: string;

  beforeAll(async () => {
    workspace = await startTestWorkspace();
    const index = readFileSync(path.join(clientDir, 'index.html'), 'utf8');
    const src = /<script type="module" crossorigin src="([^"]+)"/.exec(index)?.[1];
    if (!src) throw new Error('index.html names no entry script');
    entry = src;
  });
  afterAll(() => workspace.stop());

  it('sends a hashed script as brotli when accepted, cached for a year', async () => {
    const raw = readFileSync(path.join(clientDir, entry));
    const response = await rawRequest(`${workspace.url}${entry}`, {
      'Accept-Encoding': 'gzip, deflate, br, zstd',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe(CacheControl.hashedAsset);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
    expect(response.body.byteLength).toBeLessThan(raw.byteLength / 2);
    expect(brotliDecompressSync(response.body).equals(raw)).toBe(true);
  });

  it('sends gzip to a browser without brotli, and the file as it is to one with neither', async () => {
    const raw = readFileSync(path.join(clientDir, entry));
    const gzipped = await rawRequest(`${workspace.url}${entry}`, {
      'Accept-Encoding': 'br;q=0, gzip',
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).equals(raw)).toBe(true);

    const plain = await rawRequest(`${workspace.url}${entry}`, { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
    expect(plain.headers['cache-control']).toBe(CacheControl.hashedAsset);
  });

  it('compresses the stylesheet too', async () => {
    const css = readdirSync(path.join(clientDir, 'assets')).find((f) => /^index-.*\.css$/.test(f));
    expect(css).toBeDefined();
    const response = await rawRequest(`${workspace.url}/assets/${css}`, {
      'Accept-Encoding': 'gzip, br',
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('revalidates index.html on every visit, at / and at any page of the app', async () => {
    for (const page of ['/', '/labs/some-lab', '/items/some-item?x=1']) {
      const response = await rawRequest(`${workspace.url}${page}`, { 'Accept-Encoding': 'br' });
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe(CacheControl.revalidate);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      // Compressed like any other file once it passes the precompression threshold.
      const encoding = response.headers['content-encoding'];
      const html = encoding === 'br' ? brotliDecompressSync(response.body) : response.body;
      expect(encoding === undefined || encoding === 'br').toBe(true);
      expect(html.toString('utf8')).toContain('<div id="root"></div>');
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await rawRequest(
      `${workspace.url}${entry}`,
      { 'Accept-Encoding': 'br' },
      'HEAD',
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.body.byteLength).toBe(0);
  });

  it('has no source maps in the build, and serves none', async () => {
    const files = readdirSync(path.join(clientDir, 'assets'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const response = await rawRequest(`${workspace.url}${entry}.map`);
    expect(response.status).toBe(404);
  });

  it('answers a missing chunk with 404, not the app page', async () => {
    const response = await rawRequest(`${workspace.url}/assets/ItemPage-gone1234.js`);
    expect(response.status).toBe(404);
    expect(response.body.toString('utf8')).not.toContain('<div id="root">');
  });

  it('serves nothing under a dot path, and nothing outside the client folder', async () => {
    expect((await rawRequest(`${workspace.url}/.vite/manifest.json`)).status).toBe(404);
    for (const target of [
      '/assets/%2e%2e/.vite/manifest.json',
      '/assets/..%2f.vite%2fmanifest.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/%2e%2e%5c%2e%2e%5cpackage.json',
    ]) {
      const response = await rawRequest(`${workspace.url}${target}`);
      const body = response.body.toString('utf8');
      expect(body, target).not.toContain('"isEntry"');
      expect(body, target).not.toContain('"devDependencies"');
    }
  });
});

describe('reading Accept-Encoding', () => {
  it('takes each coding unless its q is 0', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(' BR ; q=1 ')]).toEqual(['br']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
    expect([...acceptedEncodings('')]).toEqual([]);
  });
});
