/**
 * Special interest groups: people across labs who share a topic. A group has a name,
 * a topic from the directory's topics, a description and a way in: open (anyone
 * joins) or ask to join (an organiser approves or declines). Its members co-edit one
 * shared notes document and see the labs working on its topic.
 */
import * as z from 'zod';
import { DocIdSchema } from '../doc-id';
import type { LabPhase } from '../roles';
import { TopicSchema } from './profile';

const id = z.string().min(1).max(64);
const isoTime = z.string().min(1);

export const GROUP_JOIN_POLICIES = ['open', 'ask'] as const;
export type GroupJoinPolicy = (typeof GROUP_JOIN_POLICIES)[number];

export const GROUP_JOIN_POLICY_LABELS: Readonly<Record<GroupJoinPolicy, string>> = {
  open: 'Open: anyone signed in can join',
  ask: 'Ask to join: an organiser approves each request',
};

/** Organisers run the group (requests, starting a lab); members take part. */
export const GROUP_ROLES = ['organiser', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** A member takes part; a request waits for an organiser. */
export const GROUP_MEMBER_STATES = ['member', 'requested'] as const;
export type GroupMemberState = (typeof GROUP_MEMBER_STATES)[number];

export const MAX_GROUP_NAME = 100;
export const MAX_GROUP_DESCRIPTION = 2000;

export const CreateGroupBodySchema = z.object({
  name: z.string().trim().min(1, 'enter a name').max(MAX_GROUP_NAME),
  topic: TopicSchema,
  description: z.string().trim().max(MAX_GROUP_DESCRIPTION).default(''),
  joinPolicy: z.enum(GROUP_JOIN_POLICIES),
});
export type CreateGroupBody = z.input<typeof CreateGroupBodySchema>;

export const GroupRecordSchema = z.object({
  id,
  name: z.string().min(1).max(MAX_GROUP_NAME),
  topic: TopicSchema,
  description: z.string().max(MAX_GROUP_DESCRIPTION),
  joinPolicy: z.enum(GROUP_JOIN_POLICIES),
  createdAt: isoTime,
  createdBy: id,
});
export type GroupRecord = z.infer<typeof GroupRecordSchema>;

export const GroupMemberRecordSchema = z.object({
  groupId: id,
  userId: id,
  role: z.enum(GROUP_ROLES),
  state: z.enum(GROUP_MEMBER_STATES),
  /** When they joined, or asked to. */
  since: isoTime,
});
export type GroupMemberRecord = z.infer<typeof GroupMemberRecordSchema>;

/** An organiser's answer to a request to join. */
export const GroupRequestAnswerSchema = z.object({ approve: z.boolean() });

/** Starting a lab from a group: its title and challenge; the topic is the group's. */
export const SpawnLabBodySchema = z.object({
  title: z.string().trim().min(1, 'enter a title').max(200),
  challenge: z.string().trim().max(2000).default(''),
});

/** The `:groupId` and `:userId` of group routes: ids as the server makes them. */
export const GroupParamsSchema = z.object({
  groupId: DocIdSchema,
  userId: DocIdSchema.optional(),
});

/** A group as the list and its page show it to one person. */
export interface GroupSummary {
  readonly id: string;
  readonly name: string;
  readonly topic: string;
  readonly description: string;
  readonly joinPolicy: GroupJoinPolicy;
  readonly createdAt: string;
  readonly memberCount: number;
  /** The viewer's place: a member (with their role), a request waiting, or none. */
  readonly myRole: GroupRole | null;
  readonly myState: GroupMemberState | null;
}

export interface GroupMember {
  readonly userId: string;
  readonly name: string;
  readonly profession: string;
  readonly role: GroupRole;
  readonly since: string;
}

/** A lab on the group's topic, as far as anyone may know of it. */
export interface TopicLab {
  readonly id: string;
  readonly title: string;
  readonly phase: LabPhase;
  readonly startDate: string | null;
  /** Whether the viewer is in it (only then does the page link to it). */
  readonly mine: boolean;
  /** Started from this group. */
  readonly fromGroup: boolean;
}

export interface GroupDetail {
  readonly group: GroupSummary;
  /** The members: sent to members only (others see the count), like the notes. */
  readonly members: readonly GroupMember[];
  /** Requests waiting: organisers only (empty for anyone else). */
  readonly requests: readonly GroupMember[];
  readonly labs: readonly TopicLab[];
  /** The shared notes' document id: sent to members only. */
  readonly notesDocId: string | null;
  /** What the viewer may do here. */
  readonly may: {
    readonly join: boolean;
    readonly answerRequests: boolean;
    readonly startLab: boolean;
  };
}
