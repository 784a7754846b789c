/**
 * The member directory and each person's own profile. Nobody is listed until they
 * choose an audience; the API sends only what each person chose to show, to the
 * people they chose (`shared/network/directory.ts`), so no call can list a hidden field.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { type DirectoryPerson, directoryFor } from '../../../shared/network/directory';
import {
  DirectoryQuerySchema,
  defaultProfile,
  ProfileBodySchema,
} from '../../../shared/schemas/profile';
import { type AppEnv, requireAuth } from '../context';
import { reply } from '../reply';
import { ApiError } from '../errors';
import { readJson } from '../validate';

export function directoryRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/profile', (c) => {
    const auth = requireAuth(c);
    const { meta, now } = c.get('deps');
    const profile =
      meta.getProfile(auth.user.id) ?? defaultProfile(auth.user.id, now().toISOString());
    return reply(c, Api.directory.profile, { profile, profession: auth.user.profession });
  });

  routes.put('/profile', async (c) => {
    const auth = requireAuth(c);
    const body = await readJson(c, ProfileBodySchema);
    const { meta, now } = c.get('deps');
    const profile = await meta.saveProfile({
      ...body,
      topics: [...new Set(body.topics)],
      userId: auth.user.id,
      updatedAt: now().toISOString(),
    });
    return reply(c, Api.directory.saveProfile, { profile });
  });

  routes.get('/directory', (c) => {
    const auth = requireAuth(c);
    const parsed = DirectoryQuerySchema.safeParse(c.req.query());
    if (!parsed.success) {
      throw new ApiError(400, 'invalid_request', 'Check the search: a filter is not one we know.');
    }
    const { meta } = c.get('deps');
    const people: DirectoryPerson[] = [];
    const ids = new Set([auth.user.id, ...meta.listProfiles().map((p) => p.userId)]);
    for (const userId of ids) {
      const user = meta.getUser(userId);
      if (user === null) continue;
      const labs = meta.listLabsForUser(userId).filter(({ lab }) => lab.archivedAt === null);
      people.push({
        userId,
        name: user.name,
        profession: user.profession,
        profile: meta.getProfile(userId) ?? defaultProfile(userId, user.createdAt),
        labIds: labs.map(({ lab }) => lab.id),
        labTitles: labs.map(({ lab }) => lab.title),
        groupNames: meta
          .listGroupsOfUser(userId)
          .filter(({ member }) => member.state === 'member')
          .map(({ group }) => group.name),
      });
    }
    return reply(c, Api.directory.search, {
      people: directoryFor(people, auth.user.id, parsed.data),
    });
  });

  return routes;
}
