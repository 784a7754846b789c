/**
 * Request bodies are limited while they stream, on every route, before any
 * authentication work. The server runs as its own process so that its memory
 * can be read from the outside: a few hundred megabytes sent to it, chunked or
 * with a declared length, are refused with 413 early and never held.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Limits } from '../../shared/limits';
import { type ServerProcess, spawnServer } from '../helpers/server-process';
import { once } from '../helpers/wait';
import { makeDataDir, startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const MB = 1024 * 1024;
const ATTACK_BYTES = 300 * MB;

/** The process's peak resident memory (VmHWM), in bytes. */
async function peakMemory(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error('no VmHWM in /proc status');
  return Number(kb) * 1024;
}

interface UploadResult {
  readonly status: number;
  readonly body: string;
  /** Bytes handed to the socket before the answer came. */
  readonly sentBeforeAnswer: number;
}

/**
 * POSTs `total` bytes of JSON-ish filler in 1 MB chunks (chunked transfer unless
 * `declareLength`), respecting back-pressure, and stops writing as soon as the
 * server answers or closes the connection.
 */
async function upload(
  url: string,
  path: string,
  total: number,
  declareLength: boolean,
  headers: Record<string, string> = {},
): Promise<UploadResult> {
  const chunk = Buffer.alloc(MB, 0x61);
  const target = new URL(path, url);
  const request = http.request(target, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(declareLength ? { 'content-length': String(total) } : {}),
      ...headers,
    },
  });
  let sent = 0;
  let answered = false;
  request.on('error', () => {
    // The server closes the connection after refusing: expected, and the end of writing.
    answered = true;
  });
  const response = once<http.IncomingMessage>(
    'the answer to an oversized upload',
    (resolve) => {
      const onResponse = (res: http.IncomingMessage) => {
        answered = true;
        resolve(res);
      };
      request.on('response', onResponse);
      return () => request.off('response', onResponse);
    },
    60_000,
  );
  const pump = () => {
    while (!answered && sent < total) {
      sent += chunk.length;
      if (!request.write(chunk)) {
        request.once('drain', pump);
        return;
      }
    }
    if (!answered) request.end();
  };
  pump();
  const res = await response;
  const sentBeforeAnswer = sent;
  const body = await new Promise<string>((resolve) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (part: string) => {
      text += part;
    });
    res.on('end', () => resolve(text));
    res.on('error', () => resolve(text));
  });
  request.destroy();
  return { status: res.statusCode ?? 0, body, sentBeforeAnswer };
}

describe('request bodies are limited while they stream', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer({ DATA_DIR: await makeDataDir(), DEMO: 'false' });
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited();
  });

  const pid = () => {
    if (server.child.pid === undefined) throw new Error('no server process id');
    return server.child.pid;
  };

  for (const declareLength of [false, true]) {
    it(`refuses ${ATTACK_BYTES / MB} MB ${declareLength ? 'with a declared length' : 'sent chunked, without a length'} with 413 early, without holding it`, async () => {
      const before = await peakMemory(pid());
      const result = await upload(server.url, '/api/auth/sign-in', ATTACK_BYTES, declareLength);
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body)).toEqual({
        error: { code: 'body_too_large', message: 'The request body is larger than 64 KB.' },
      });
      // Cut off early: the answer came long before the body was sent.
      expect(result.sentBeforeAnswer).toBeLessThan(ATTACK_BYTES / 2);
      // The server's peak memory did not grow by anything like the body's size.
      const growth = (await peakMemory(pid())) - before;
      expect(growth).toBeLessThan(ATTACK_BYTES / 4);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
    });
  }
});

describe('the limit comes before authentication and fits each route', () => {
  let workspace: TestWorkspace;
  beforeAll(async () => {
    workspace = await startTestWorkspace();
  });
  afterAll(async () => {
    await workspace.stop();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${workspace.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('answers 413, not 401, to an oversized body with a bad token', async () => {
    const response = await post('/api/labs', 'x'.repeat(Limits.maxJsonBodyBytes + 1), {
      authorization: 'Bearer il_pat_not-a-real-token',
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'body_too_large',
    );
  });

  it('accepts a body at the limit on an ordinary route (and goes on to authenticate)', async () => {
    const response = await post('/api/labs', 'x'.repeat(Limits.maxJsonBodyBytes), {
      authorization: 'Bearer il_pat_not-a-real-token',
    });
    expect(response.status).toBe(401);
  });

  it('limits routes outside the API too', async () => {
    const response = await post('/no-such-page', 'x'.repeat(Limits.maxJsonBodyBytes + 1));
    expect(response.status).toBe(413);
  });

  it('gives archive import its larger limit, refusing beyond it by the declared length', async () => {
    const withinArchive = await post('/api/labs/import', 'x'.repeat(Limits.maxJsonBodyBytes * 2));
    expect(withinArchive.status).toBe(401);
    const result = await upload(
      workspace.url,
      '/api/labs/import',
      Limits.maxArchiveBytes + 1,
      true,
      { authorization: `Bearer ${workspace.owner.token}` },
    );
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toEqual({
      error: { code: 'body_too_large', message: 'The request body is larger than 50 MB.' },
    });
    expect(result.sentBeforeAnswer).toBeLessThan(Limits.maxArchiveBytes);
  });
});
