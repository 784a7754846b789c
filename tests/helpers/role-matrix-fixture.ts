/**
 * The world the role matrix runs in: one lab with a person of every kind, an
 * item, a comment, an invitation and API tokens, over in-memory stores, and the
 * API app assembled as the server assembles it.
 */

import * as Y from 'yjs';
import { createApiApp } from '../../server/api/api-app';
import type { ApiDeps } from '../../server/api/context';
import { type ExportDeps, mountExportRoutes } from '../../server/api/routes/export-routes';
import { API_TOKEN_PREFIX } from '../../server/auth/authenticate';
import { hashPassword } from '../../server/auth/password-hash';
import { createRequestThrottles } from '../../server/auth/request-throttles';
import { hashSecret, newId, newSecret } from '../../server/auth/secrets';
import { createDocReader } from '../../server/export/doc-reader';
import { HistoryService } from '../../server/history/history-service';
import { createMemoryLogger } from '../../server/logger';
import { createNotifier } from '../../server/notifications/notifier';
import { createMemoryHistoryStore } from '../../server/store/history-store';
import { createMemoryDocStore } from '../../server/store/memory-doc-store';
import { createMemoryMetaStore } from '../../server/store/memory-meta-store';
import type { MetaStore } from '../../server/store/meta-store';
import { addRow } from '../../shared/documents/item-doc';
import { COMMENTS_MAP, commentsDocId } from '../../shared/comments';
import type { LabRole } from '../../shared/roles';
import { TEST_PASSWORD_HASH_COST } from './accounts';

/** Documents kept in memory, for routes that change them through the server. */
function memoryDocs(): ApiDeps['docs'] {
  const docs = new Map<string, Y.Doc>();
  const get = (docId: string) => {
    const doc = docs.get(docId) ?? new Y.Doc();
    docs.set(docId, doc);
    return doc;
  };
  return {
    initItem: async () => undefined,
    setTitle: async () => undefined,
    change: async (docId, change) => change(get(docId)),
    read: async (docId, read) => read(get(docId)),
  };
}

export const PERSONAS = [
  'anonymous',
  'nonMember',
  'observer',
  'reviewer',
  'participant',
  'facilitator',
  'admin',
] as const;
export type Persona = (typeof PERSONAS)[number];
export type Expectation = Record<Persona, number>;

export const PASSWORD = 'a long enough password';
let passwordHash = '';

/** scrypt is slow on purpose: hash the shared password once per suite. */
export async function preparePasswords(): Promise<void> {
  passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_HASH_COST);
}

export interface Fixture {
  meta: MetaStore;
  deps: ApiDeps;
  exportDeps: ExportDeps;
  labId: string;
  itemId: string;
  /** A draft workshop board: a note `n1`, and a cluster `c-<persona>` for each to make an idea of. */
  boardId: string;
  /** A draft driver diagram (primary driver `p1`) and fishbone (category `k1`) to add to. */
  diagramId: string;
  fishboneId: string;
  /** A named version of the item. */
  versionId: string;
  inviteToken: string;
  inviteId: string;
  /**
   * An ask-to-join group: the administrator organises it, the participant and the
   * facilitator are members, the observer's request waits.
   */
  groupId: string;
  targetUserId: string;
  people: Record<
    Exclude<Persona, 'anonymous'>,
    { id: string; email: string; token: string; tokenId: string }
  >;
}

export async function makeFixture(): Promise<Fixture> {
  const meta = createMemoryMetaStore();
  const now = () => new Date();
  const at = now().toISOString();
  const person = async (key: string, isAdmin = false) => {
    const id = newId();
    const email = `${key.toLowerCase()}@example.org`;
    await meta.createUser({
      id,
      email,
      name: key,
      profession: 'nurse',
      passwordHash,
      isAdmin,
      canCreateLabs: isAdmin,
      createdAt: at,
    });
    const token = newSecret(API_TOKEN_PREFIX);
    const tokenId = newId();
    await meta.createApiToken({
      id: tokenId,
      userId: id,
      name: 't',
      tokenHash: hashSecret(token),
      createdAt: at,
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: null,
    });
    return { id, email, token, tokenId };
  };
  const people = {
    nonMember: await person('NonMember'),
    observer: await person('Observer'),
    reviewer: await person('Reviewer'),
    participant: await person('Participant'),
    facilitator: await person('Facilitator'),
    admin: await person('Admin', true),
  };
  const target = await person('Target');
  const labId = newId();
  await meta.createLab(
    {
      id: labId,
      title: 'Lab',
      challenge: '',
      phase: 'understand',
      startDate: null,
      endDate: null,
      createdAt: at,
      createdBy: people.facilitator.id,
      archivedAt: null,
    },
    { labId, userId: people.facilitator.id, role: 'facilitator', joinedAt: at },
  );
  const roles: Array<[string, LabRole]> = [
    [people.observer.id, 'observer'],
    [people.reviewer.id, 'reviewer'],
    [people.participant.id, 'participant'],
    [target.id, 'participant'],
  ];
  for (const [userId, role] of roles) await meta.addMember({ labId, userId, role, joinedAt: at });
  const itemId = newId();
  await meta.createItem({
    id: itemId,
    labId,
    kind: 'note',
    title: 'Draft',
    status: 'draft',
    sharing: 'draft',
    order: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: null,
    archivedAt: null,
  });
  const boardId = newId();
  await meta.createItem({
    id: boardId,
    labId,
    kind: 'workshop',
    title: 'Board',
    status: '0 notes',
    sharing: 'draft',
    order: 2,
    createdAt: at,
    updatedAt: at,
    updatedBy: null,
    archivedAt: null,
  });
  const inviteToken = newSecret('il_inv');
  const inviteId = newId();
  await meta.createInvite({
    id: inviteId,
    labId,
    role: 'participant',
    tokenHash: hashSecret(inviteToken),
    createdBy: people.facilitator.id,
    createdAt: at,
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    maxUses: 100,
    uses: 0,
    revokedAt: null,
  });
  const groupId = newId();
  await meta.createGroup(
    {
      id: groupId,
      name: 'Falls network',
      topic: 'falls',
      description: '',
      joinPolicy: 'ask',
      createdAt: at,
      createdBy: people.admin.id,
    },
    { groupId, userId: people.admin.id, role: 'organiser', state: 'member', since: at },
  );
  for (const [userId, state] of [
    [people.participant.id, 'member'],
    [people.facilitator.id, 'member'],
    [people.observer.id, 'requested'],
  ] as const) {
    await meta.addGroupMember({ groupId, userId, role: 'member', state, since: at });
  }
  const docs = memoryDocs();
  const deps: ApiDeps = {
    sso: null,
    meta,
    logger: createMemoryLogger(),
    now,
    secureCookies: false,
    mailer: null,
    onAccountClosed: () => undefined,
    publicUrl: () => 'http://localhost',
    sessionTtlMs: 3_600_000,
    throttles: createRequestThrottles(() => new Date()),
    trustProxy: 0,
    passwordHashCost: TEST_PASSWORD_HASH_COST,
    onAccessChanged: () => undefined,
    onItemSharingChanged: () => undefined,
    notifier: createNotifier({ meta, logger: createMemoryLogger(), digests: null }),
    onGroupLeft: () => undefined,
    onSessionsEnded: () => undefined,
    onApiTokensRevoked: () => undefined,
    presenceInLab: async () => [],
    onAdminCreated: async () => undefined,
    docs,
    history: new HistoryService({
      store: createMemoryHistoryStore(),
      logger: createMemoryLogger(),
      now,
      read: docs.read,
      isItem: () => true,
    }),
  };
  deps.history.stop();
  const version = await docs.read(itemId, (doc) =>
    deps.history.capture(itemId, doc, { reason: 'named', name: 'Agreed' }),
  );
  const versionId = version?.id ?? '';
  const [diagramId, fishboneId] = [newId(), newId()];
  for (const [id, kind] of [
    [diagramId, 'drivers'],
    [fishboneId, 'fishbone'],
  ] as const)
    await meta.createItem({
      id,
      labId,
      kind,
      title: kind,
      status: 'draft',
      sharing: 'draft',
      order: 3,
      createdAt: at,
      updatedAt: at,
      updatedBy: null,
      archivedAt: null,
    });
  await deps.docs.change(diagramId, (doc) =>
    addRow(doc, 'drivers', 'nodes', 'p1', { type: 'primary', label: 'Quiet' }),
  );
  await deps.docs.change(fishboneId, (doc) =>
    addRow(doc, 'fishbone', 'categories', 'k1', { label: 'People' }),
  );
  await deps.docs.change(boardId, (doc) => {
    addRow(doc, 'workshop', 'notes', 'n1', { text: 'Noise at night' });
    for (const persona of PERSONAS)
      addRow(doc, 'workshop', 'clusters', `c-${persona}`, { label: `From ${persona}` });
  });
  await deps.docs.change(commentsDocId(itemId), (doc) =>
    doc.getMap(COMMENTS_MAP).set('c1', {
      id: 'c1',
      replyTo: null,
      author: { id: people.participant.id, name: 'Participant', profession: 'nurse' },
      createdAt: at,
      editedAt: null,
      body: 'Could we ask patients first?',
      anchor: null,
      status: 'open',
      resolution: null,
      deleted: false,
      hidden: null,
    }),
  );
  const store = createMemoryDocStore();
  const exportDeps: ExportDeps = { reader: createDocReader(store), store };
  return {
    meta,
    deps,
    exportDeps,
    labId,
    itemId,
    boardId,
    diagramId,
    fishboneId,
    versionId,
    inviteToken,
    inviteId,
    groupId,
    targetUserId: target.id,
    people,
  };
}

/** The API as the server assembles it: the core routes, then the export routes. */
export function apiApp(f: Fixture) {
  const api = createApiApp(f.deps);
  mountExportRoutes(api, f.exportDeps);
  return api;
}
