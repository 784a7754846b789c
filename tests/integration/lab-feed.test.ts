/**
 * The lab feed (`/sync/labs/<labId>`): one socket carries a lab's items as the
 * person may see them, with the facts lists show, and every change as it is
 * stored, whoever made it (a y-websocket client typing in the item's document,
 * the API). A reviewer's feed carries only what is shared with them and follows
 * sharing changes; the feed is refused and closed by the same rules as a
 * document's socket. Items stored without facts get them once their lab is
 * followed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/close-codes';
import { fieldText, initItemDoc, setFieldValue, setTitle } from '../../shared/documents/item-doc';
import type { LabRole } from '../../shared/roles';
import type { ItemKind } from '../../shared/schemas/records';
import { addMember, addPerson, type TestPerson } from '../helpers/accounts';
import { connectFeed, type FeedClient } from '../helpers/feed-client';
import { connectStockClient } from '../helpers/stock-client';
import { startTestWorkspace, type TestWorkspace } from '../helpers/workspace';

describe('the lab feed', () => {
  let workspace: TestWorkspace;
  const feeds: FeedClient[] = [];

  beforeEach(async () => {
    workspace = await startTestWorkspace();
  });
  afterEach(async () => {
    for (const feed of feeds.splice(0)) feed.close();
    await workspace.stop();
  });

  const api = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${workspace.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function createItem(kind: ItemKind, title: string): Promise<string> {
    const response = await api(workspace.owner.token, 'POST', `/labs/${workspace.labId}/items`, {
      kind,
      title,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { item: { id: string } }).item.id;
  }

  const share = async (id: string, sharing: string) =>
    expect((await api(workspace.owner.token, 'PATCH', `/items/${id}`, { sharing })).status).toBe(
      200,
    );

  function follow(person: TestPerson = workspace.owner, labId = workspace.labId): FeedClient {
    const feed = connectFeed(workspace.url, labId, {
      headers: { authorization: `Bearer ${person.token}` },
    });
    feeds.push(feed);
    return feed;
  }

  async function member(name: string, role: LabRole): Promise<TestPerson> {
    const person = await addPerson(workspace.server.meta, name);
    await addMember(workspace.server.meta, workspace.labId, person.user, role);
    return person;
  }

  it('lists the lab’s items with their facts, then a y-websocket client’s change as it is stored', async () => {
    const idea = await createItem('idea', 'Intentional rounding');
    const note = await createItem('note', 'Ward visit');
    const feed = follow();
    await feed.until('the snapshot', () => feed.messages.length > 0);
    expect(feed.messages[0]?.type).toBe('items');
    expect([...feed.items.keys()]).toEqual([idea, note]);
    expect(feed.items.get(idea)).toMatchObject({
      title: 'Intentional rounding',
      status: 'idea',
      rights: 'edit',
      facts: { impact: null, effort: null, source: null, owner: '' },
    });

    const client = connectStockClient(workspace.url, idea, workspace.auth());
    await client.whenSynced();
    client.doc.transact(() => {
      setTitle(client.doc, 'Intentional rounding at night');
      setFieldValue(client.doc, 'idea', 'impact', 'high');
      setFieldValue(client.doc, 'idea', 'effort', 'easy');
      setFieldValue(client.doc, 'idea', 'status', 'testing');
      fieldText(client.doc, 'owner').insert(0, 'Night sister');
    });
    await feed.until('the change', () => feed.items.get(idea)?.facts?.effort === 'easy');
    expect(feed.items.get(idea)).toMatchObject({
      title: 'Intentional rounding at night',
      status: 'testing',
      updatedBy: workspace.owner.user.id,
      facts: { impact: 'high', effort: 'easy', owner: 'Night sister' },
    });
    client.destroy();

    const added = await createItem('pdsa', 'Rounding, cycle 1');
    // It arrives as soon as it is registered, then again with the facts of its new document.
    await feed.until('the new item’s facts', () => feed.items.get(added)?.facts != null);
    expect(feed.items.get(added)?.facts).toMatchObject({ label: '', ideaId: null });
  });

  it('shows a reviewer only what is shared with them, as sharing changes', async () => {
    const invited = await createItem('note', 'Patient leaflet');
    const other = await createItem('note', 'Staff rota');
    await share(other, 'open_for_comment');
    const reviewer = await addPerson(workspace.server.meta, 'Pat Patient');
    await workspace.server.meta.addMember({
      labId: workspace.labId,
      userId: reviewer.user.id,
      role: 'reviewer',
      joinedAt: new Date().toISOString(),
      itemIds: [invited],
    });
    const observer = await member('Oscar Observer', 'observer');
    const feed = follow(reviewer);
    const observing = follow(observer);
    await feed.until('the snapshot', () => feed.messages.length > 0);
    expect(feed.messages[0]).toEqual({ type: 'items', items: [] });
    await observing.until('the snapshot', () => observing.items.size === 2);
    expect(observing.items.get(invited)?.rights).toBe('read');

    await share(invited, 'open_for_comment');
    await feed.until('the shared item', () => feed.items.has(invited));
    expect(feed.items.get(invited)).toMatchObject({ title: 'Patient leaflet', rights: 'comment' });
    // The item outside the invitation changes too, but never reaches the reviewer.
    await api(workspace.owner.token, 'PATCH', `/items/${other}`, { title: 'Staff rota, May' });
    await share(invited, 'draft');
    await feed.until('the item gone', () => !feed.items.has(invited));
    expect(feed.messages.map((message) => message.type)).toEqual(['items', 'item', 'gone']);
    expect(JSON.stringify(feed.messages)).not.toContain(other);
    await observing.until(
      'the rename',
      () => observing.items.get(other)?.title === 'Staff rota, May',
    );
  });

  it('is refused without a session, from another site, outside the lab and for a bad lab id', async () => {
    const stranger = await addPerson(workspace.server.meta, 'Sam Stranger');
    const anonymous = connectFeed(workspace.url, workspace.labId);
    const crossSite = connectFeed(workspace.url, workspace.labId, {
      headers: { authorization: `Bearer ${workspace.owner.token}`, origin: 'https://evil.example' },
    });
    feeds.push(anonymous, crossSite);
    expect((await anonymous.closed()).code).toBe(CloseCode.Unauthenticated);
    expect((await crossSite.closed()).code).toBe(CloseCode.Forbidden);
    expect((await follow(stranger).closed()).code).toBe(CloseCode.Forbidden);
    expect((await follow(workspace.owner, 'not.a.lab').closed()).code).toBe(
      CloseCode.InvalidDocumentId,
    );
    for (const feed of feeds) expect(feed.messages).toEqual([]);
  });

  it('closes when the person’s role changes, when they are removed, and when their token is revoked', async () => {
    const participant = await member('Pia Participant', 'participant');
    const feed = follow(participant);
    await feed.until('the snapshot', () => feed.messages.length > 0);
    const path = `/labs/${workspace.labId}/members/${participant.user.id}`;
    expect((await api(workspace.owner.token, 'PATCH', path, { role: 'observer' })).status).toBe(
      200,
    );
    expect((await feed.closed()).code).toBe(CloseCode.RightsChanged);

    const again = follow(participant);
    await again.until('the snapshot', () => again.messages.length > 0);
    expect((await api(workspace.owner.token, 'DELETE', path)).status).toBe(200);
    expect((await again.closed()).code).toBe(CloseCode.Forbidden);

    const owner = follow();
    await owner.until('the snapshot', () => owner.messages.length > 0);
    const tokens = (await (await api(workspace.owner.token, 'GET', '/tokens')).json()) as {
      tokens: Array<{ id: string }>;
    };
    for (const token of tokens.tokens)
      await api(workspace.owner.token, 'DELETE', `/tokens/${token.id}`);
    expect((await owner.closed()).code).toBe(CloseCode.Unauthenticated);
  });

  it('closes a client that sends anything, since the feed takes no messages', async () => {
    const feed = follow();
    await feed.until('the snapshot', () => feed.messages.length > 0);
    feed.socket.send('{"type":"items","items":[]}');
    expect((await feed.closed()).code).toBe(CloseCode.MalformedMessage);
  });

  it('fills in the facts of items stored without them once their lab is followed', async () => {
    const { meta, store } = workspace.server;
    const doc = new Y.Doc();
    initItemDoc(doc, 'idea', 'Imported idea');
    setFieldValue(doc, 'idea', 'impact', 'low');
    setFieldValue(doc, 'idea', 'effort', 'hard');
    await store.append('imported-idea', Y.encodeStateAsUpdate(doc)).durable;
    await store.release('imported-idea');
    const now = new Date().toISOString();
    await meta.createItem({
      id: 'imported-idea',
      labId: workspace.labId,
      kind: 'idea',
      title: 'Imported idea',
      status: 'idea',
      sharing: 'draft',
      order: 1,
      createdAt: now,
      updatedAt: now,
      updatedBy: null,
      archivedAt: null,
    });
    const feed = follow();
    await feed.until('the snapshot', () => feed.messages.length > 0);
    expect(feed.items.get('imported-idea')?.facts).toBeNull();
    await feed.until('the facts', () => feed.items.get('imported-idea')?.facts != null);
    expect(feed.items.get('imported-idea')?.facts).toMatchObject({ impact: 'low', effort: 'hard' });
    expect(meta.getItem('imported-idea')?.facts).toMatchObject({ impact: 'low', effort: 'hard' });
  });
});
