/**
 * Notifications: who is told of what (replies, responses, @mentions, items shared
 * with a reviewer), never of their own doing, never a reviewer's name to another
 * reviewer; reviewers' @mentions and mentions of non-members create nothing; marking
 * read (one, all, and refusing someone else's or a made-up id); the unread count
 * streamed live; and email as each person chose (immediately, daily, never) against
 * a clock the test moves on, read from a real SMTP server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  NotificationSettingsResponse,
  NotificationsResponse,
} from '../../shared/schemas/notification';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { mailSettings, startTestSmtp, type TestSmtp } from '../helpers/smtp';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

const START = Date.parse('2030-06-03T05:00:00.000Z');
const HOUR = 3_600_000;

describe('notifications', () => {
  let workspace: TestWorkspace;
  let smtp: TestSmtp;
  /** The server's clock runs on from START; tests move it on by `offset`. */
  let offset = 0;
  const since = Date.now();
  let owner: TestPerson;
  let nurse: TestPerson;
  let pat: TestPerson;
  let rob: TestPerson;
  let outsider: TestPerson;

  const call = async (person: TestPerson, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const ok = async <T>(person: TestPerson, method: string, path: string, body?: unknown) => {
    const answer = await call(person, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(answer)}`);
    return answer.body as T;
  };
  const listOf = async (person: TestPerson) => {
    const list = await ok<NotificationsResponse>(person, 'GET', '/notifications');
    return { ...list, notifications: list.notifications.filter((x) => x.kind !== 'shared') };
  };
  const sharedOf = async (person: TestPerson) =>
    (await ok<NotificationsResponse>(person, 'GET', '/notifications')).notifications.filter(
      (x) => x.kind === 'shared',
    );
  const newItem = async (title: string, sharing: string) => {
    const { item } = await ok<{ item: { id: string } }>(
      owner,
      'POST',
      `/labs/${workspace.labId}/items`,
      { kind: 'problem', title },
    );
    if (sharing !== 'draft') await ok(owner, 'PATCH', `/items/${item.id}`, { sharing });
    // Reviewers were told it was shared with them: that is not what these tests count.
    for (const reviewer of [pat, rob]) await call(reviewer, 'POST', '/notifications/read-all');
    return item.id;
  };
  const comment = async (person: TestPerson, itemId: string, body: string, replyTo?: string) => {
    const { comment: created } = await ok<{ comment: { id: string } }>(
      person,
      'POST',
      `/items/${itemId}/comments`,
      { body, ...(replyTo ? { replyTo } : {}) },
    );
    return created.id;
  };

  beforeEach(async () => {
    offset = 0;
    smtp = await startTestSmtp();
    workspace = await startTestWorkspace({
      config: { mail: mailSettings(smtp) },
      now: () => new Date(START + offset + (Date.now() - since)),
      notificationEmail: { gatherMs: 50, checkEveryMs: 100 },
    });
    const { meta } = workspace.server;
    owner = workspace.owner;
    nurse = await addPerson(meta, 'Nia Nurse');
    pat = await addPerson(meta, 'Pat Patient');
    rob = await addPerson(meta, 'Rob Reviewer');
    outsider = await addPerson(meta, 'Xavier Outsider');
    await addMember(meta, workspace.labId, nurse.user, 'participant');
    await addMember(meta, workspace.labId, pat.user, 'reviewer');
    await addMember(meta, workspace.labId, rob.user, 'reviewer');
  });
  afterEach(async () => {
    await workspace.stop();
    await smtp.stop();
  });

  it('tells each person what concerns them, never of their own doing or a reviewer’s name to another reviewer', async () => {
    await ok(nurse, 'PUT', '/notifications/settings', { email: 'never' });
    const itemId = await newItem('Falls at night', 'open_for_comment');
    const thread = await comment(pat, itemId, 'The bell is out of reach.');
    await comment(owner, itemId, 'Thank you, we will look.', thread);
    await comment(rob, itemId, 'Same on my ward.', thread);
    // A reviewer's mentions create nothing; a non-member cannot be mentioned.
    await comment(pat, itemId, '@Olivia Owner and @Nia Nurse, please call me.');
    await comment(nurse, itemId, '@Olivia Owner, @Xavier Outsider and @Nia Nurse: see this.');
    await comment(owner, itemId, '@Pat Patient could you say more?');
    await ok(owner, 'POST', `/items/${itemId}/comments/${thread}/resolve`, {
      response: 'We moved the bells.',
    });

    const pats = await listOf(pat);
    expect(pats.notifications.map((x) => [x.kind, x.actorName])).toEqual([
      ['response', 'Olivia Owner'],
      ['mention', 'Olivia Owner'],
      ['reply', 'Another reviewer'],
      ['reply', 'Olivia Owner'],
    ]);
    expect(pats.unread).toBe(4);
    expect(await sharedOf(pat)).toHaveLength(1);
    expect(JSON.stringify(pats)).not.toContain('Rob');
    expect(pats.notifications[0]).toMatchObject({
      itemId,
      commentId: thread,
      itemTitle: 'Falls at night',
    });
    // Staff see who the reviewer was.
    const owners = await listOf(owner);
    expect(owners.notifications.map((x) => [x.kind, x.actorName])).toEqual([
      ['mention', 'Nia Nurse'],
      ['reply', 'Rob Reviewer'],
    ]);
    expect((await listOf(rob)).notifications).toEqual([]);
    expect((await listOf(nurse)).notifications).toEqual([]);
    expect((await listOf(outsider)).notifications).toEqual([]);
  });

  it('offers staff the lab’s members to mention and reviewers nobody', async () => {
    const itemId = await newItem('Falls', 'open_for_comment');
    const { people } = await ok<{ people: Array<{ name: string }> }>(
      nurse,
      'GET',
      `/items/${itemId}/mentionable`,
    );
    expect(people.map((x) => x.name).sort()).toEqual([
      'Olivia Owner',
      'Pat Patient',
      'Rob Reviewer',
    ]);
    expect(await ok(pat, 'GET', `/items/${itemId}/mentionable`)).toEqual({ people: [] });
    expect((await call(outsider, 'GET', `/items/${itemId}/mentionable`)).status).toBe(404);
    // A draft: reviewers cannot see it, so they are not offered.
    const draft = await newItem('Draft', 'draft');
    const offered = await ok<{ people: Array<{ name: string }> }>(
      nurse,
      'GET',
      `/items/${draft}/mentionable`,
    );
    expect(offered.people.map((x) => x.name)).toEqual(['Olivia Owner']);
    await comment(nurse, draft, '@Pat Patient have a look');
    expect((await listOf(pat)).notifications).toEqual([]);
  });

  it('tells the reviewers who can now see an item that it was shared with them, and nobody else', async () => {
    const { meta } = workspace.server;
    const scoped = await addPerson(meta, 'Sam Scoped');
    const other = await newItem('Other', 'open_for_comment');
    await meta.addMember({
      labId: workspace.labId,
      userId: scoped.user.id,
      role: 'reviewer',
      joinedAt: new Date().toISOString(),
      itemIds: [other],
    });
    const itemId = await newItem('Aim', 'draft');
    for (const person of [pat, rob, scoped, nurse, owner]) {
      await call(person, 'POST', '/notifications/read-all');
    }
    await ok(owner, 'PATCH', `/items/${itemId}`, { sharing: 'open_for_comment' });
    expect((await sharedOf(pat)).filter((x) => !x.read)).toMatchObject([
      { kind: 'shared', itemId, actorName: 'Olivia Owner', commentId: null },
    ]);
    expect((await listOf(pat)).unread).toBe(1);
    expect((await listOf(rob)).unread).toBe(1);
    for (const person of [scoped, nurse, owner]) {
      expect(await sharedOf(person)).toEqual([]);
      expect((await listOf(person)).unread).toBe(0);
    }
    // Final: reviewers no longer see it, and the notification goes from their list with it.
    await ok(owner, 'PATCH', `/items/${itemId}`, { sharing: 'final' });
    expect((await sharedOf(pat)).map((x) => x.itemId)).not.toContain(itemId);
    expect((await listOf(pat)).unread).toBe(0);
  });

  it('marks one or all read, refusing someone else’s and made-up ids', async () => {
    const itemId = await newItem('Falls', 'open_for_comment');
    const thread = await comment(pat, itemId, 'First');
    const ownThread = await comment(nurse, itemId, 'Mine');
    await comment(owner, itemId, 'Reply one', thread);
    await comment(owner, itemId, 'Reply two', thread);
    await comment(owner, itemId, 'Reply to the nurse', ownThread);
    const [first, second] = (await listOf(pat)).notifications;
    const nurses = (await listOf(nurse)).notifications[0];
    expect(await ok(pat, 'POST', `/notifications/${first?.id}/read`)).toEqual({ unread: 1 });
    expect((await call(pat, 'POST', `/notifications/${nurses?.id}/read`)).status).toBe(404);
    expect((await call(pat, 'POST', '/notifications/not-a-real-id/read')).status).toBe(404);
    expect((await call(pat, 'POST', `/notifications/${'x'.repeat(65)}/read`)).status).toBe(404);
    expect((await listOf(nurse)).unread).toBe(1);
    const after = await listOf(pat);
    expect(after.notifications.map((x) => [x.id, x.read])).toEqual([
      [first?.id, true],
      [second?.id, false],
    ]);
    expect(await ok(pat, 'POST', '/notifications/read-all')).toEqual({ unread: 0 });
    expect((await listOf(pat)).unread).toBe(0);
    expect((await listOf(nurse)).unread).toBe(1);
    expect((await fetch(`${workspace.url}/api/notifications`)).status).toBe(401);
  });

  it('includes a person’s notifications and email choice in their data', async () => {
    await ok(pat, 'PUT', '/notifications/settings', { email: 'daily' });
    const itemId = await newItem('Falls', 'open_for_comment');
    const thread = await comment(pat, itemId, 'First');
    await comment(owner, itemId, 'Reply', thread);
    const response = await fetch(`${workspace.url}/api/account/data`, {
      headers: { authorization: `Bearer ${pat.token}` },
    });
    const data = (await response.json()) as {
      notifications: Array<{ kind: string; itemId: string }>;
      notificationSettings: { email: string };
    };
    expect(data.notifications.filter((x) => x.kind === 'reply')).toMatchObject([{ itemId }]);
    expect(data.notificationSettings.email).toBe('daily');
  });

  it('streams the unread count as it changes', async () => {
    const itemId = await newItem('Falls', 'open_for_comment');
    const thread = await comment(pat, itemId, 'First');
    const response = await fetch(`${workspace.url}/api/notifications/stream`, {
      headers: { authorization: `Bearer ${pat.token}` },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    if (!reader) throw new Error('no stream');
    let text = '';
    const counts = () => [...text.matchAll(/event: count\ndata: (.*)\n/g)].map((m) => m[1]);
    const until = async (wanted: string) => {
      while (!counts().includes(wanted)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${wanted}: ${text}`);
        text += value;
      }
    };
    await until('{"unread":0}');
    await comment(owner, itemId, 'Reply', thread);
    await until('{"unread":1}');
    await call(pat, 'POST', '/notifications/read-all');
    await until('{"unread":0}');
    await reader.cancel();
  });

  it('emails as each person chose: immediately, once a day, or never', async () => {
    const { meta } = workspace.server;
    const daily = await addPerson(meta, 'Dee Daily');
    const never = await addPerson(meta, 'Nev Never');
    await addMember(meta, workspace.labId, daily.user, 'participant');
    await addMember(meta, workspace.labId, never.user, 'participant');
    await ok(daily, 'PUT', '/notifications/settings', { email: 'daily' });
    await ok(never, 'PUT', '/notifications/settings', { email: 'never' });
    expect(await ok<NotificationSettingsResponse>(daily, 'GET', '/notifications/settings')).toEqual(
      { email: 'daily', emailAvailable: true },
    );
    expect((await call(daily, 'PUT', '/notifications/settings', { email: 'hourly' })).status).toBe(
      400,
    );
    const itemId = await newItem('Falls <b>& bells', 'open_for_comment');
    const mention = '@Nia Nurse, @Dee Daily and @Nev Never: please read';
    const first = await comment(owner, itemId, mention);

    const now = await smtp.waitForEmail(nurse.user.email);
    expect(now.subject).toBe('Olivia Owner mentioned you in a comment on “Falls <b>& bells”');
    expect(now.links).toContain(`${workspace.url}/items/${itemId}#comment-${first}`);
    expect(now.html).toContain('Falls &lt;b&gt;&amp; bells');
    expect(now.html).toContain(`href="${workspace.url}/items/${itemId}#comment-${first}"`);
    expect(now.html).not.toContain('<b>&');
    // Before the hour of the daily digest, the daily person has had nothing.
    expect(smtp.messages.filter((m) => m.to.includes(daily.user.email))).toEqual([]);

    offset = 2.5 * HOUR; // 07:30: the day's digest goes out
    const digest = await smtp.waitForEmail(daily.user.email);
    expect(digest.subject).toBe('Your Improvement Lab notifications today (1)');
    expect(digest.links).toContain(`${workspace.url}/items/${itemId}#comment-${first}`);

    const second = await comment(owner, itemId, `${mention} again`);
    await smtp.waitForEmail(nurse.user.email, (m) => m.links.some((l) => l.endsWith(second)));
    offset = 26.5 * HOUR; // the next day, 07:30
    const next = await smtp.waitForEmail(daily.user.email, (m) => m !== digest);
    expect(next.links.filter((l) => l.includes('#comment-'))).toEqual([
      `${workspace.url}/items/${itemId}#comment-${second}`,
    ]);
    // One digest a day, and nothing for the person who chose never.
    expect(smtp.messages.filter((m) => m.to.includes(daily.user.email))).toHaveLength(2);
    expect(smtp.messages.filter((m) => m.to.includes(never.user.email))).toEqual([]);
    expect((await listOf(never)).unread).toBe(2);
  });

  it('sends nothing for a notification read before its email would go', async () => {
    await ok(nurse, 'PUT', '/notifications/settings', { email: 'daily' });
    const itemId = await newItem('Falls', 'open_for_comment');
    await comment(owner, itemId, '@Nia Nurse first');
    await ok(nurse, 'POST', '/notifications/read-all');
    await comment(owner, itemId, '@Nia Nurse second');
    offset = 2.5 * HOUR;
    const digest = await smtp.waitForEmail(nurse.user.email);
    expect(digest.subject).toBe('Your Improvement Lab notifications today (1)');
    expect(digest.text).not.toContain('first');
  });
});
