/**
 * Kept-alive connections outlast the idle time of proxies and pooling clients: the
 * server announces, and keeps to, an idle wait above 60 s, so that a client reusing
 * a pooled connection after a pause (a proxy's usual 60 s, or a busy process whose
 * timers ran late) is not answered with a reset.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../server/listen';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

/** GETs `url` through `agent` and gives the status, headers and the socket used. */
function get(url: string, agent: http.Agent) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; socket: object }>(
    (resolve, reject) => {
      const request = http.get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            socket: request.socket as object,
          }),
        );
      });
      request.on('error', reject);
    },
  );
}

describe('kept-alive connections', () => {
  let workspace: TestWorkspace;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  beforeAll(async () => {
    workspace = await startTestWorkspace();
  });
  afterAll(async () => {
    agent.destroy();
    await workspace?.stop();
  });

  it('are announced as kept for longer than a proxy’s 60 s idle time', async () => {
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    const first = await get(`${workspace.url}/healthz`, agent);
    expect(first.status).toBe(200);
    expect(first.headers.connection).toBe('keep-alive');
    expect(first.headers['keep-alive']).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
    // The next request reuses the same connection.
    const second = await get(`${workspace.url}/healthz`, agent);
    expect(second.status).toBe(200);
    expect(second.socket).toBe(first.socket);
  });
});
