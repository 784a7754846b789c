/**
 * What the workspace holds about one person, for "my data" (UK GDPR's right of
 * access), and erasing it when they delete their account (the right to erasure):
 * the account, sessions, tokens, memberships, group places, reset links, directory profile and
 * notifications go from the
 * MetaStore; in the comments they wrote, their name is replaced by "Former
 * member" (the comments themselves stay, as part of the lab's record). Audit
 * entries keep only the account's id, which nothing links to a person any more.
 */
import { type Comment, COMMENTS_MAP, commentsDocId, readComments } from '../../shared/comments';
import type { ApiDeps } from './context';
import { presentApiToken, presentUser } from '../presenters';

export const FORMER_MEMBER = 'Former member';

/** Every item of every lab the person belongs to (where they may have commented). */
function itemsOfLabs(deps: ApiDeps, userId: string) {
  return deps.meta
    .listLabsForUser(userId)
    .flatMap(({ lab }) => deps.meta.listItems(lab.id).map((item) => ({ lab, item })));
}

const byPerson = (comment: Comment, userId: string) =>
  comment.author.id === userId || comment.resolution?.by.id === userId;

export async function personalData(deps: ApiDeps, userId: string) {
  const { meta } = deps;
  const user = meta.getUser(userId);
  if (!user) return null;
  const comments: Array<Comment & { labTitle: string; itemTitle: string }> = [];
  for (const { lab, item } of itemsOfLabs(deps, userId)) {
    const found = await deps.docs.read(commentsDocId(item.id), (doc) =>
      readComments(doc.getMap(COMMENTS_MAP)).filter((comment) => byPerson(comment, userId)),
    );
    for (const comment of found)
      comments.push({ ...comment, labTitle: lab.title, itemTitle: item.title });
  }
  return {
    exportedAt: deps.now().toISOString(),
    profile: {
      ...presentUser(user),
      createdAt: user.createdAt,
      deactivatedAt: user.deactivatedAt ?? null,
      organisationAccounts: user.identities ?? [],
    },
    memberships: meta.listLabsForUser(userId).map(({ lab, role }) => ({
      labId: lab.id,
      labTitle: lab.title,
      role,
      joinedAt: meta.getMembership(lab.id, userId)?.joinedAt ?? null,
    })),
    sessions: meta.listUserSessions(userId).map((session) => ({
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      userAgent: session.userAgent ?? null,
    })),
    apiTokens: meta.listApiTokens(userId).map(presentApiToken),
    directoryProfile: meta.getProfile(userId),
    groups: meta.listGroupsOfUser(userId).map(({ group, member }) => ({
      groupId: group.id,
      groupName: group.name,
      role: member.role,
      state: member.state,
      since: member.since,
    })),
    comments,
    // What they were told, and how they chose to be emailed; others are named by id only.
    notifications: meta.listNotifications(userId),
    notificationSettings: meta.getNotificationSettings(userId),
    // What they kept with a reason when it looked like personal data, in every lab of theirs.
    personalDataFlags: meta
      .listLabsForUser(userId)
      .flatMap(({ lab }) => meta.listPersonalDataFlags(lab.id))
      .filter((flag) => flag.userId === userId),
    audit: meta
      .listAudit(null, Number.MAX_SAFE_INTEGER)
      .filter((event) => event.actorId === userId || event.details.userId === userId),
  };
}

/** Erases the person; returns how many comments documents had their name replaced. */
export async function erasePerson(deps: ApiDeps, userId: string): Promise<{ comments: number }> {
  let comments = 0;
  for (const { item } of itemsOfLabs(deps, userId)) {
    const docId = commentsDocId(item.id);
    const mine = await deps.docs.read(docId, (doc) =>
      readComments(doc.getMap(COMMENTS_MAP)).some((comment) => byPerson(comment, userId)),
    );
    if (!mine) continue;
    comments += 1;
    await deps.docs.change(docId, (doc) => {
      const map = doc.getMap(COMMENTS_MAP);
      for (const comment of readComments(map)) {
        if (!byPerson(comment, userId)) continue;
        const author =
          comment.author.id === userId
            ? { ...comment.author, name: FORMER_MEMBER, profession: 'other' }
            : comment.author;
        const resolution =
          comment.resolution && comment.resolution.by.id === userId
            ? { ...comment.resolution, by: { ...comment.resolution.by, name: FORMER_MEMBER } }
            : comment.resolution;
        map.set(comment.id, { ...comment, author, resolution });
      }
    });
  }
  await deps.meta.deleteUser(userId);
  return { comments };
}
