/** Personal API tokens: created and revoked by their owner, carrying the owner's rights. */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { CreateApiTokenBodySchema } from '../../../shared/schemas/api';
import { API_TOKEN_PREFIX } from '../../auth/authenticate';
import { hashSecret, newId, newSecret } from '../../auth/secrets';
import { presentApiToken } from '../../presenters';
import { type AppEnv, audit, requireAuth } from '../context';
import { reply } from '../reply';
import { Errors } from '../errors';
import { readJson } from '../validate';

const DAY_MS = 24 * 60 * 60 * 1000;

export function tokenRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/', (c) => {
    const auth = requireAuth(c);
    return reply(c, Api.tokens.list, {
      tokens: c.get('deps').meta.listApiTokens(auth.user.id).map(presentApiToken),
    });
  });

  routes.post('/', async (c) => {
    const auth = requireAuth(c);
    const body = await readJson(c, CreateApiTokenBodySchema);
    const deps = c.get('deps');
    const secret = newSecret(API_TOKEN_PREFIX);
    const now = deps.now();
    const expiresAt =
      body.expiresInDays === undefined
        ? null
        : new Date(now.getTime() + body.expiresInDays * DAY_MS).toISOString();
    const record = {
      id: newId(),
      userId: auth.user.id,
      name: body.name,
      tokenHash: hashSecret(secret),
      createdAt: now.toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt,
    };
    await deps.meta.createApiToken(record);
    await audit(c, 'token.created', null, { tokenId: record.id });
    // The secret is shown this once; only its hash is kept.
    return reply(c, Api.tokens.create, { token: secret, record: presentApiToken(record) }, 201);
  });

  routes.delete('/:tokenId', async (c) => {
    const auth = requireAuth(c);
    const deps = c.get('deps');
    const tokenId = c.req.param('tokenId');
    // The store revokes in memory at once and then writes: its sockets close now,
    // without waiting for the disk, and a reconnect is already refused.
    const revoking = deps.meta.revokeApiToken(tokenId, auth.user.id, deps.now().toISOString());
    const owned = deps.meta.listApiTokens(auth.user.id).some((token) => token.id === tokenId);
    if (owned) deps.onApiTokensRevoked([tokenId]);
    if (!(await revoking)) throw Errors.notFound('That token');
    await audit(c, 'token.revoked', null, { tokenId });
    return reply(c, Api.tokens.revoke, { ok: true });
  });

  return routes;
}
