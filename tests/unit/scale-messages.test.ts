/**
 * What server processes tell each other through Redis: messages read back as
 * written, anything else refused whole; and what another process's metadata change
 * closes here.
 */
import { describe, expect, it } from 'vitest';
import { decodeBusMessage, encodeBusMessage } from '../../server/scale/bus-messages';
import { remoteAccessHandler } from '../../server/scale/remote-access';
import { CloseCode } from '../../shared/close-codes';
import { commentsDocId } from '../../shared/comments';
import { groupNotesDocId } from '../../shared/network/groups';
import { aMembership, anApiToken, anItem, aSession } from '../contract/meta-store-fixtures';

describe('messages between processes', () => {
  it('reads back each kind as written', () => {
    const update = new Uint8Array([1, 2, 3, 250]);
    const reviewers = new Map([
      [12345, 'user-1'],
      [2 ** 31, 'user-2'],
    ]);
    for (const message of [
      { kind: 'update', origin: 'p-1', update },
      { kind: 'awareness', origin: 'p-2', update, reviewers },
      { kind: 'meta', origin: 'p-3' },
      { kind: 'throttle', origin: 'p-4', event: '{"throttle":"comments"}' },
    ] as const) {
      expect(decodeBusMessage(encodeBusMessage(message))).toEqual(message);
    }
  });

  it('refuses bytes that are not one whole message', () => {
    const whole = encodeBusMessage({ kind: 'update', origin: 'p', update: new Uint8Array([7]) });
    expect(decodeBusMessage(whole.subarray(0, whole.length - 1))).toBeNull();
    expect(decodeBusMessage(Buffer.concat([whole, Buffer.from([0])]))).toBeNull();
    expect(decodeBusMessage(new Uint8Array([1, 0x70, 99]))).toBeNull();
    expect(decodeBusMessage(new Uint8Array())).toBeNull();
  });
});

describe("another process's metadata changes", () => {
  function record() {
    const closed: Array<{ code: CloseCode; docs: boolean; matches: (a: never) => boolean }> = [];
    const items: string[] = [];
    const notified: string[] = [];
    const handle = remoteAccessHandler({
      closeSockets: (match, code) => closed.push({ code, docs: false, matches: match as never }),
      closeDocSockets: (match, code) => closed.push({ code, docs: true, matches: match as never }),
      itemChanged: (id) => items.push(id),
      notificationsChanged: (userId) => notified.push(userId),
    });
    return { closed, items, notified, handle };
  }
  const access = (over: Record<string, unknown>) =>
    ({
      labId: 'lab-1',
      docId: 'doc-1',
      user: { id: 'user-1' },
      sessionTokenHash: null,
      apiTokenId: null,
      expiresAt: null,
      ...over,
    }) as never;

  it("closes the person's sockets in the lab on a role change (4501) and a removal (4403)", () => {
    const { closed, handle } = record();
    const before = aMembership('lab-1', 'user-1', { role: 'participant' });
    handle({ family: 'memberships', before: null, after: before });
    handle({ family: 'memberships', before, after: { ...before } });
    expect(closed).toHaveLength(0);
    handle({ family: 'memberships', before, after: { ...before, role: 'observer' } });
    handle({ family: 'memberships', before, after: null });
    expect(closed.map((c) => c.code)).toEqual([CloseCode.RightsChanged, CloseCode.Forbidden]);
    const [first] = closed;
    expect(first?.matches(access({}))).toBe(true);
    expect(first?.matches(access({ labId: 'lab-2' }))).toBe(false);
    expect(first?.matches(access({ user: { id: 'user-2' } }))).toBe(false);
  });

  it("tells a person's notification streams of their notifications another process changed", () => {
    const { closed, notified, handle } = record();
    const notification = {
      id: 'n-1',
      userId: 'user-1',
      kind: 'reply' as const,
      labId: 'lab-1',
      itemId: 'item-1',
      commentId: 'c-1',
      actorId: 'user-2',
      createdAt: '2030-01-01T00:00:00.000Z',
      readAt: null,
      emailedAt: null,
    };
    handle({ family: 'notifications', before: null, after: notification });
    handle({
      family: 'notifications',
      before: notification,
      after: { ...notification, readAt: notification.createdAt },
    });
    expect(notified).toEqual(['user-1', 'user-1']);
    expect(closed).toHaveLength(0);
  });

  it('closes the sockets of an ended session and of a revoked or deleted token (4401)', () => {
    const { closed, handle } = record();
    const session = aSession('user-1');
    const token = anApiToken('user-1');
    handle({ family: 'sessions', before: session, after: null });
    handle({ family: 'apiTokens', before: token, after: { ...token, lastUsedAt: 'x' } });
    handle({ family: 'apiTokens', before: token, after: { ...token, revokedAt: 'now' } });
    handle({ family: 'apiTokens', before: token, after: null });
    expect(closed.map((c) => c.code)).toEqual([
      CloseCode.Unauthenticated,
      CloseCode.Unauthenticated,
      CloseCode.Unauthenticated,
    ]);
    expect(closed[0]?.matches(access({ sessionTokenHash: session.tokenHash }))).toBe(true);
    expect(closed[0]?.matches(access({ sessionTokenHash: 'other' }))).toBe(false);
    expect(closed[1]?.matches(access({ apiTokenId: token.id }))).toBe(true);
  });

  it("tells the lab feeds of every item change and closes an item's sockets when its sharing changes", () => {
    const { closed, items, handle } = record();
    const item = anItem('lab-1');
    handle({ family: 'items', before: null, after: item });
    handle({ family: 'items', before: item, after: { ...item, title: 'Renamed' } });
    expect(closed).toHaveLength(0);
    handle({ family: 'items', before: item, after: { ...item, sharing: 'final' } });
    expect(items).toEqual([item.id, item.id, item.id]);
    expect(closed).toHaveLength(1);
    expect(closed[0]?.docs).toBe(true);
    expect(closed[0]?.matches(access({ docId: item.id }))).toBe(true);
    expect(closed[0]?.matches(access({ docId: commentsDocId(item.id) }))).toBe(true);
    expect(closed[0]?.matches(access({ docId: 'another' }))).toBe(false);
  });

  it('closes the notes sockets of someone who left a group (4403), and nobody else’s', () => {
    const { closed, handle } = record();
    const place = {
      groupId: 'group-1',
      userId: 'user-1',
      role: 'member',
      state: 'member',
      since: '2030-01-01T00:00:00.000Z',
    } as const;
    handle({ family: 'groupMembers', before: null, after: place });
    handle({ family: 'groupMembers', before: { ...place, state: 'requested' }, after: place });
    expect(closed).toHaveLength(0);
    handle({ family: 'groupMembers', before: place, after: null });
    expect(closed.map((c) => [c.code, c.docs])).toEqual([[CloseCode.Forbidden, true]]);
    const [first] = closed;
    expect(first?.matches(access({ docId: groupNotesDocId('group-1') }))).toBe(true);
    expect(first?.matches(access({ docId: groupNotesDocId('group-2') }))).toBe(false);
    expect(
      first?.matches(access({ docId: groupNotesDocId('group-1'), user: { id: 'user-2' } })),
    ).toBe(false);
  });
});
