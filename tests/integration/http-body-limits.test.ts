/**
 * Request bodies are limited while they stream, on every route, before any
 * authentication work. The server runs as its own process so that its memory
 * can be read from the outside: a few hundred megabytes sent to it, chunked or
 * with a declared length, are refused with 413 early and never held. A client
 * still sending when it is refused always gets to read the answer: the server
 * reads and drops what follows (up to a bound) instead of resetting the connection.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSED_BODY_LIMITS } from '../../server/refused-body';
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
  // The server never resets a client still sending before it has read the answer: an
  // error before the answer fails the test at once, saying so (the test's timeout is the
  // deadline for an answer that never comes).
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.on('response', (res: http.IncomingMessage) => {
      answered = true;
      resolve(res);
    });
    request.on('error', (error) => {
      answered = true;
      reject(new Error(`the connection failed before the answer: ${error.message}`));
    });
  });
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

/**
 * A bare TCP client: sends the head of a POST declaring `declared` bytes, then the
 * body as the test says, and keeps everything the server sends.
 */
function rawPost(url: string, declared: number) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (text: string) => {
    received += text;
  });
  const ended = new Promise<void>((resolve) => socket.once('end', () => resolve()));
  const failed = new Promise<Error>((resolve) => socket.once('error', resolve));
  socket.write(
    `POST /api/auth/sign-in HTTP/1.1\r\nHost: ${hostname}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
  );
  const chunk = Buffer.alloc(MB, 0x61);
  return {
    /** Resolves when the whole answer (its head and its JSON body) has arrived. */
    answer: () =>
      once<string>('the 413', (resolve) => {
        const check = () => {
          if (/\r\n\r\n\{.*\}$/s.test(received)) resolve(received);
        };
        socket.on('data', check);
        check();
        return () => socket.off('data', check);
      }),
    /** Writes `bytes` of body, each megabyte once the previous one is handed to the kernel. */
    async send(bytes: number): Promise<number> {
      let sent = 0;
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(MB, bytes - sent));
        const error = await new Promise<Error | null | undefined>((resolve) => {
          if (socket.destroyed) resolve(new Error('socket destroyed'));
          else socket.write(part, resolve);
        });
        if (error) return sent;
        sent += part.length;
      }
      return sent;
    },
    ended: () => ended,
    failed: () => failed,
    destroy: () => socket.destroy(),
  };
}

describe('a refused client still sending', () => {
  let workspace: TestWorkspace;
  beforeAll(async () => {
    workspace = await startTestWorkspace();
  });
  afterAll(async () => {
    await workspace.stop();
  });

  it('reads the 413 and may finish sending: the server drops the rest, then closes', async () => {
    const declared = 16 * MB;
    const client = rawPost(workspace.url, declared);
    const answer = await client.answer();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain('"body_too_large"');
    // Every byte after the answer is taken, none refused with a reset...
    expect(await client.send(declared)).toBe(declared);
    // ...and once the body is all in, the server ends the connection.
    await client.ended();
    client.destroy();
  });

  it('is cut off once it has sent far more than any client that reads the answer would', async () => {
    const declared = 300 * MB;
    const client = rawPost(workspace.url, declared);
    await client.answer();
    const sent = await client.send(declared);
    expect(sent).toBeGreaterThan(REFUSED_BODY_LIMITS.discardBytes);
    expect(sent).toBeLessThan(declared);
    await client.failed();
    client.destroy();
  });
});
