/**
 * A lab's network: its members and the connections made between them through the
 * workspace (`shared/network/connections.ts`), for the lab's members. Working together
 * is read from contributions (every lab's, so a tie first made elsewhere is not
 * counted as new here) and from the replies and answers in this lab's comments, and from special interest groups whose members both edited
 * the group's notes.
 * Members who chose to be left out of network pictures are left out of it all.
 */
import { Api } from '../../../shared/api-routes';
import { Hono } from 'hono';
import { COMMENTS_MAP, commentsDocId, readComments } from '../../../shared/comments';
import {
  coEditing,
  groupNotesEditing,
  type Interaction,
  labNetwork,
  type NetworkMember,
  tiesFrom,
} from '../../../shared/network/connections';
import { type ApiContext, type AppEnv, requireLab } from '../context';
import { reply } from '../reply';

async function replies(c: ApiContext, labId: string): Promise<Interaction[]> {
  const { meta, docs } = c.get('deps');
  const interactions: Interaction[] = [];
  for (const item of meta.listItems(labId)) {
    const comments = await docs.read(commentsDocId(item.id), (doc) =>
      readComments(doc.getMap(COMMENTS_MAP)),
    );
    const byId = new Map(comments.map((comment) => [comment.id, comment]));
    for (const comment of comments) {
      const root = comment.replyTo === null ? comment : byId.get(comment.replyTo);
      if (root === undefined) continue;
      if (comment !== root && !comment.deleted) {
        const [a, b, at] = [comment.author.id, root.author.id, comment.createdAt];
        interactions.push({ a, b, at, labId, how: 'reply' });
      }
      if (comment === root && comment.resolution) {
        const { by, at } = comment.resolution;
        interactions.push({ a: by.id, b: root.author.id, at, labId, how: 'reply' });
      }
    }
  }
  return interactions;
}

export function networkRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/:labId/network', async (c) => {
    const { lab } = requireLab(c, c.req.param('labId'), 'members.read');
    const { meta } = c.get('deps');
    const members: NetworkMember[] = [];
    for (const membership of meta.listMembers(lab.id)) {
      const user = meta.getUser(membership.userId);
      const profile = meta.getProfile(membership.userId);
      if (user === null || profile?.hideFromNetwork) continue;
      // A region counts only where its owner shows it in the directory.
      const regionShown = profile && profile.audience !== 'nobody' && profile.shown.region;
      members.push({
        userId: user.id,
        name: user.name,
        profession: user.profession,
        region: regionShown ? profile.region : null,
      });
    }
    const contributions = meta.listLabs().flatMap((each) => meta.listContributions(each.id));
    const inGroups = meta.listGroups().flatMap((group) =>
      groupNotesEditing(
        group.id,
        meta.listGroupMembers(group.id).filter((place) => place.state === 'member'),
        meta.listContributions(group.id),
      ),
    );
    const ties = tiesFrom([
      ...coEditing(contributions),
      ...inGroups,
      ...(await replies(c, lab.id)),
    ]);
    return reply(c, Api.labs.network, { network: labNetwork(lab.id, members, ties) });
  });
  return routes;
}
