/**
 * The one policy: "may this person do this to this thing". The API and the sync
 * layer both decide with it; the client uses it only to hide what cannot be done.
 */
import type { DocRights, LabRole, SharingState } from './roles';

export interface Actor {
  readonly userId: string;
  readonly isAdmin: boolean;
  /** Set by an admin: this person may create labs. */
  readonly canCreateLabs: boolean;
}

export type LabAction =
  | 'lab.read'
  | 'lab.update'
  | 'lab.archive'
  | 'members.read'
  | 'members.manage'
  | 'invites.manage'
  | 'audit.read'
  | 'items.read'
  | 'items.create'
  | 'survey.answer'
  | 'survey.manage'
  /** See earlier versions, compare them and who wrote what. */
  | 'history.read'
  /** Delete versions older than a date (data-protection requests). */
  | 'history.retention';

/** Lab-level rights by role. Instance admins may do everything a facilitator may. */
const LAB_ACTIONS: Readonly<Record<LabRole, ReadonlySet<LabAction>>> = {
  facilitator: new Set<LabAction>([
    'lab.read',
    'lab.update',
    'lab.archive',
    'members.read',
    'members.manage',
    'invites.manage',
    'audit.read',
    'items.read',
    'items.create',
    'survey.answer',
    'survey.manage',
    'history.read',
    'history.retention',
  ]),
  participant: new Set<LabAction>([
    'lab.read',
    'members.read',
    'items.read',
    'items.create',
    'survey.answer',
    'history.read',
  ]),
  observer: new Set<LabAction>([
    'lab.read',
    'members.read',
    'items.read',
    'survey.answer',
    'history.read',
  ]),
  // Reviewers see only what is shared with them, never the lab's member list, nor the
  // history: earlier versions hold drafts and deleted passages never shared with them.
  // They answer the lab's evaluation survey like every member: the lab is theirs too.
  reviewer: new Set<LabAction>(['lab.read', 'survey.answer']),
};

export function mayCreateLab(actor: Actor | null): boolean {
  return actor !== null && (actor.isAdmin || actor.canCreateLabs);
}

export function mayInLab(actor: Actor | null, role: LabRole | null, action: LabAction): boolean {
  if (actor === null) return false;
  if (actor.isAdmin) return true;
  return role !== null && LAB_ACTIONS[role].has(action);
}

/**
 * What a member may do with one item's document, given its sharing state:
 * drafts are for lab members (reviewers see none); items open for comment are
 * readable and commentable by reviewers; final items are read-only for everyone
 * but facilitators.
 */
export function docRights(
  actor: Actor | null,
  role: LabRole | null,
  sharing: SharingState,
  /** A reviewer's item scope and this item's id: outside the scope there are no rights. */
  scope?: { readonly itemId: string; readonly itemIds: readonly string[] | null | undefined },
): DocRights | null {
  if (actor === null) return null;
  if (actor.isAdmin) return 'edit';
  if (role === null) return null;
  switch (role) {
    case 'facilitator':
      return 'edit';
    case 'participant':
      return sharing === 'final' ? 'read' : 'edit';
    case 'observer':
      return 'read';
    case 'reviewer': {
      const inScope = !scope?.itemIds || scope.itemIds.includes(scope.itemId);
      return sharing === 'open_for_comment' && inScope ? 'comment' : null;
    }
    default: {
      const unreachable: never = role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/** Whether rights include changing the document's content. */
export function canWrite(rights: DocRights | null): boolean {
  return rights === 'edit';
}

/**
 * Who may start a special interest group: site administrators always; otherwise a
 * member of staff, meaning someone who holds a lab role other than reviewer (patients
 * and the public take part in groups but do not start them), or who may create labs.
 */
export function mayStartGroup(actor: Actor | null, labRoles: readonly LabRole[]): boolean {
  if (actor === null) return false;
  if (actor.isAdmin || actor.canCreateLabs) return true;
  return labRoles.some((role) => role !== 'reviewer');
}

export type GroupAction =
  /** Open and edit the shared notes, see the member list. */
  | 'group.notes'
  /** Approve or decline requests to join. */
  | 'group.answer_requests'
  /** Start a lab from the group (the person must also be allowed to create labs). */
  | 'group.start_lab';

/**
 * What a person may do in a group, by their place in it. Members edit the notes;
 * organisers also answer requests and start labs. Administrators may answer requests
 * (to unstick a group whose organisers left) but, like anyone, read the notes only as
 * members: the notes are the group's own.
 */
export function mayInGroup(
  actor: Actor | null,
  place: { readonly role: 'organiser' | 'member'; readonly state: 'member' | 'requested' } | null,
  action: GroupAction,
): boolean {
  if (actor === null) return false;
  const member = place !== null && place.state === 'member';
  const organiser = member && place.role === 'organiser';
  switch (action) {
    case 'group.notes':
      return member;
    case 'group.answer_requests':
      return organiser || actor.isAdmin;
    case 'group.start_lab':
      return organiser && mayCreateLab(actor);
    default: {
      const unreachable: never = action;
      throw new Error(`unknown group action ${String(unreachable)}`);
    }
  }
}
