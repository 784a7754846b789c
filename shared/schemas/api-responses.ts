/**
 * Shapes of the API's answers, defined once: the server's presenters
 * (`server/presenters.ts`) are typed with them and the client reads them.
 * Request bodies are in `api.ts` beside this file.
 */
import type { DocRights, LabPhase, LabRole, Profession, SharingState } from '../roles';
import type { AuditEventType, ItemFacts, ItemKind } from './records';

export interface Lab {
  readonly id: string;
  readonly title: string;
  readonly challenge: string;
  readonly phase: LabPhase;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly createdAt: string;
  readonly archived: boolean;
  /** What the lab works on (a directory topic), or null. */
  readonly topic: string | null;
  /** Null for an instance administrator who is not a member. */
  readonly myRole: LabRole | null;
  /** The lab's hospital number formats, for the personal-data check in the browser. */
  readonly hospitalNumberMasks: readonly string[];
  /** Days reviewers' comments are kept after the lab closes; null: never erased. */
  readonly commentRetentionDays: number | null;
}

export interface Item {
  readonly id: string;
  readonly labId: string;
  readonly kind: ItemKind;
  readonly title: string;
  readonly status: string;
  readonly sharing: SharingState;
  readonly order: number;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
  readonly archived: boolean;
  /** Unresolved comment threads. */
  readonly openComments: number;
  /**
   * The fields lists show (`shared/documents/item-facts.ts`), from the registry;
   * null until the server has read them from the item's document.
   */
  readonly facts: ItemFacts | null;
}

export interface ItemWithRights extends Item {
  readonly rights: DocRights;
}

export interface Member {
  readonly userId: string;
  readonly name: string;
  readonly profession: Profession;
  /** Shown only to those who manage members. */
  readonly email: string | null;
  readonly role: LabRole;
  readonly joinedAt: string;
  /** A reviewer limited to these items; null for the whole lab. */
  readonly itemIds: readonly string[] | null;
}

export interface Invite {
  readonly id: string;
  readonly role: LabRole;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly maxUses: number;
  readonly uses: number;
  /** A reviewer invitation limited to these items; null for every item open for comment. */
  readonly itemIds: readonly string[] | null;
  /** Who it is for, as the facilitator wrote it ('' when not given). */
  readonly name: string;
  readonly email: string | null;
  readonly note: string;
  /** When it was last emailed; null when its link was only shown. */
  readonly sentAt: string | null;
}

/** What an invitation link shows before it is accepted. */
export interface InvitationDetails {
  readonly lab: { readonly title: string; readonly challenge: string };
  /** Titles of the items a reviewer is invited to; empty for the whole lab. */
  readonly items: readonly string[];
  readonly role: LabRole;
  readonly roleLabel: string;
  readonly expiresAt: string;
  /** The facilitator's note, and who they invited ('' when not given). */
  readonly note: string;
  readonly name: string;
}

export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly expiresAt: string | null;
  readonly revoked: boolean;
}

export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly type: AuditEventType;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly labId: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

/** Who has any of a lab's items open now (`GET /labs/:labId/presence`). */
export interface PresentPerson {
  readonly userId: string;
  readonly name: string;
  readonly itemIds: readonly string[];
}

/** A review round summed up for facilitators (`GET /labs/:labId/review`). */
export interface ReviewRound {
  readonly items: ReadonlyArray<{
    readonly itemId: string;
    readonly title: string;
    readonly comments: number;
    readonly threads: number;
    readonly resolved: number;
  }>;
  readonly commenters: ReadonlyArray<{
    readonly name: string;
    readonly profession: string;
    readonly comments: number;
  }>;
}
