/**
 * The address a request came from, for throttles and the audit trail. Behind
 * reverse proxies (`TRUST_PROXY` = how many), the socket's address is the
 * nearest proxy's, and the client is the entry that many places from the right
 * of `X-Forwarded-For` (each proxy appends the address it received from);
 * entries further left are whatever the client wrote and are never believed.
 * Without trusted proxies the header is ignored, so nobody evades a limit by
 * sending one.
 */
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export const FORWARDED_FOR_HEADER = 'x-forwarded-for';

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function clientAddress(c: Context, trustedProxies: number): string {
  const socket = socketAddress(c);
  if (trustedProxies === 0) return socket;
  const header = c.req.header(FORWARDED_FOR_HEADER);
  if (!header) return socket;
  const hops = header.split(',').map((part) => part.trim());
  const client = hops[hops.length - trustedProxies] ?? hops[0];
  // A malformed entry was not written by a proxy we trust: fall back to the socket.
  return client !== undefined && isIP(client) !== 0 ? client : socket;
}
