/**
 * Special interest groups as the API shows them to one person: the summary every
 * signed-in person sees, and the page's detail, where the member list, the labs on
 * the group's topic and the notes' document id go to members only.
 */
import { groupNotesDocId, labsOnTopic } from '../../shared/network/groups';
import { type Actor, mayInGroup } from '../../shared/policy';
import type {
  GroupDetail,
  GroupMember,
  GroupMemberRecord,
  GroupRecord,
  GroupSummary,
} from '../../shared/schemas/group';
import type { MetaStore } from '../store/meta-store';

export function presentGroup(
  group: GroupRecord,
  places: readonly GroupMemberRecord[],
  viewerId: string,
): GroupSummary {
  const mine = places.find((place) => place.userId === viewerId) ?? null;
  return {
    id: group.id,
    name: group.name,
    topic: group.topic,
    description: group.description,
    joinPolicy: group.joinPolicy,
    createdAt: group.createdAt,
    memberCount: places.filter((place) => place.state === 'member').length,
    myRole: mine?.state === 'member' ? mine.role : null,
    myState: mine?.state ?? null,
  };
}

function presentMember(meta: MetaStore, place: GroupMemberRecord): GroupMember {
  const user = meta.getUser(place.userId);
  return {
    userId: place.userId,
    name: user?.name ?? 'Former member',
    profession: user?.profession ?? 'other',
    role: place.role,
    since: place.since,
  };
}

export function groupDetail(meta: MetaStore, group: GroupRecord, actor: Actor): GroupDetail {
  const places = meta.listGroupMembers(group.id);
  const mine = places.find((place) => place.userId === actor.userId) ?? null;
  const member = mayInGroup(actor, mine, 'group.notes');
  const answers = mayInGroup(actor, mine, 'group.answer_requests');
  const myLabs = new Set(meta.listLabsForUser(actor.userId).map(({ lab }) => lab.id));
  const labs = member
    ? labsOnTopic(meta.listLabs(), group).map((lab) => ({
        id: lab.id,
        title: lab.title,
        phase: lab.phase,
        startDate: lab.startDate,
        mine: myLabs.has(lab.id) || actor.isAdmin,
        fromGroup: lab.fromGroupId === group.id,
      }))
    : [];
  const byRole = (x: GroupMemberRecord, y: GroupMemberRecord) =>
    (x.role === 'organiser' ? 0 : 1) - (y.role === 'organiser' ? 0 : 1);
  return {
    group: presentGroup(group, places, actor.userId),
    members: member
      ? places
          .filter((place) => place.state === 'member')
          .sort(byRole)
          .map((place) => presentMember(meta, place))
      : [],
    requests: answers
      ? places
          .filter((place) => place.state === 'requested')
          .map((place) => presentMember(meta, place))
      : [],
    labs,
    notesDocId: member ? groupNotesDocId(group.id) : null,
    may: {
      join: mine === null,
      answerRequests: answers,
      startLab: mayInGroup(actor, mine, 'group.start_lab'),
    },
  };
}
