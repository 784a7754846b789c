/**
 * A lab's network (`shared/network/connections.ts`), as the network page and the
 * portfolio both count it. Working together is read from contributions (every lab's,
 * so a tie first made elsewhere is not counted as new here), from the replies and
 * answers in this lab's comments, and from special interest groups whose members
 * both edited the group's notes. Members who chose to be left out of network
 * pictures are left out of it all.
 */
import { COMMENTS_MAP, commentsDocId, readComments } from '../../shared/comments';
import {
  coEditing,
  groupNotesEditing,
  type Interaction,
  type LabNetwork,
  labNetwork,
  type NetworkMember,
  tiesFrom,
} from '../../shared/network/connections';
import type { LabRecord } from '../../shared/schemas/records';
import type { ApiDeps } from './context';

async function replies(deps: ApiDeps, labId: string): Promise<Interaction[]> {
  const { meta, docs } = deps;
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

function networkMembers(deps: ApiDeps, labId: string): NetworkMember[] {
  const { meta } = deps;
  const members: NetworkMember[] = [];
  for (const membership of meta.listMembers(labId)) {
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
  return members;
}

/** The interactions every lab's network reads alike: co-editing anywhere, and group notes. */
export function workspaceInteractions(deps: ApiDeps): Interaction[] {
  const { meta } = deps;
  const contributions = meta.listLabs().flatMap((each) => meta.listContributions(each.id));
  const inGroups = meta.listGroups().flatMap((group) =>
    groupNotesEditing(
      group.id,
      meta.listGroupMembers(group.id).filter((place) => place.state === 'member'),
      meta.listContributions(group.id),
    ),
  );
  return [...coEditing(contributions), ...inGroups];
}

/** `everywhere` is `workspaceInteractions`, read once when many labs are counted. */
export async function labNetworkOf(
  deps: ApiDeps,
  lab: LabRecord,
  everywhere: readonly Interaction[] = workspaceInteractions(deps),
): Promise<LabNetwork> {
  const ties = tiesFrom([...everywhere, ...(await replies(deps, lab.id))]);
  return labNetwork(lab.id, networkMembers(deps, lab.id), ties);
}
