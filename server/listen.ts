/** Starting the HTTP server and naming the address it answers on. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on `host`:`port` (0 for any free port) and gives the port taken and a URL to it. */
export async function listenOn(
  server: Server,
  port: number,
  host: string,
): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const taken = (server.address() as AddressInfo).port;
  // A wildcard address is not one a browser can visit: name this machine instead.
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { port: taken, url: `http://${shown}:${taken}` };
}
