/** A lab's network: its members and the connections made between them (`../lab-network.ts`), for the lab's members. */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { type AppEnv, requireLab } from '../context';
import { labNetworkOf } from '../lab-network';
import { reply } from '../reply';

export function networkRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:labId/network', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'members.read');
    return reply(c, Api.labs.network, { network: await labNetworkOf(c.get('deps'), lab) });
  });
  return routes;
}
