/** Starting the HTTP server and naming the address it answers on. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How long an idle kept-alive connection stays open. Node's 5 s default is shorter
 * than the idle time of common reverse proxies (60 s) and of HTTP clients that pool
 * connections: a client that picks a pooled connection just as the server closes it
 * gets a reset instead of an answer. Above 60 s the server is never the one to close
 * an idle connection a proxy still counts as open.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Listens on `host`:`port` (0 for any free port) and gives the port taken and a URL to it. */
export async function listenOn(
  server: Server,
  port: number,
  host: string,
): Promise<{ port: number; url: string }> {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const taken = (server.address() as AddressInfo).port;
  // A wildcard address is not one a browser can visit: name this machine instead.
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { port: taken, url: `http://${shown}:${taken}` };
}
